import RefkitModel

/// The rules of `content/offers/*.md`: front matter, dates against the build date, placeholders.
extension KitValidator {
    static func validateOffers(_ documents: [MarkdownDocument], on date: Day, log: DiagnosticLog) -> [Offer] {
        var offers: [Offer] = []
        for document in documents {
            let id = document.name
            if !Checks.isSlug(id) {
                log.append(.error("the offer id '\(id)' (from the file name) must use lowercase letters, digits and -",
                                          at: SourceLocation(file: document.file)))
            }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: offerKeys, log: log)
            let title = fields.string("title", required: true)
            let kind = fields.choice("kind", OfferKind.self, required: true)
            let value = fields.string("value", required: true)
            let code = fields.string("code", required: true)
            let expires = day(fields, "expires")
            let starts = day(fields, "starts")
            let audience = fields.choice("audience", Audience.self) ?? .all
            let terms = fields.string("terms")
            let amount = amountCents(fields)
            // `{{offer.amount}}`: only in an offer that sets `amount`.
            let own: Set<String> = amount == nil ? [] : [Placeholder.offerAmount]
            checkPlaceholders(in: fields, keys: ["title", "value", "code", "terms"], also: own)
            checkPlaceholders(in: document.body, file: document.file, also: own, log: log)
            if let starts, let expires, expires < starts {
                log.append(.error("'expires' (\(expires)) is before 'starts' (\(starts))", at: fields.location(of: "expires")))
            } else if let expires, expires < date {
                log.append(.warning("offer expired on \(expires) and is not published (build date \(date))",
                                            at: fields.location(of: "expires")))
            } else if let expires, expires.daysSince1970 - date.daysSince1970 <= 30 {
                let days = expires.daysSince1970 - date.daysSince1970
                log.append(.warning("offer expires on \(expires), \(days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days")",
                                            at: fields.location(of: "expires")))
            } else if let starts, date < starts {
                log.append(.warning("offer starts on \(starts) and is not published yet (build date \(date))",
                                            at: fields.location(of: "starts")))
            }
            guard let title, let kind, let value, let code else { continue }
            var offer = Offer(id: id, file: document.file, title: title, kind: kind, value: value, code: code,
                              expires: expires, starts: starts, audience: audience, terms: terms, body: document.body)
            offer.amountCents = amount
            offers.append(offer)
        }
        return offers.sorted { $0.id < $1.id }
    }

    /// `amount: 250` or `250.50`: digits with up to two decimals, no currency sign (that is
    /// `site.yml`'s `currency`), in hundredths.
    static func amountCents(_ fields: FieldReader) -> Int64? {
        guard let node = fields.value("amount") else { return nil }
        guard case .scalar(let text, _) = node.value, let cents = Amount.hundredths(text) else {
            fields.log.append(.error("'amount' must be a number such as 250 or 250.50 (no currency sign: set 'currency' in content/site.yml)",
                                     at: fields.location(of: "amount")))
            return nil
        }
        return cents
    }
}
