import RefkitI18n
import RefkitModel
import RefkitQR

/// The rules of `content/site.yml`, and those that need the site and every source: each
/// referral link fits a QR code.
extension KitValidator {
    static func validateSite(_ document: YAMLDocument, assets: AssetIndex, log: DiagnosticLog) -> Site? {
        let fields = FieldReader(document, node: document.root, knownKeys: siteKeys, moved: siteMoved, log: log)
        let name = fields.string("name", required: true)
        // Written one way for the printer and every absolute link (`SiteAddress`).
        let url = webURL(fields, "url", required: true).map { written in
            let normalised = SiteAddress.normalise(written)
            if let leftOut = normalised.leftOut {
                log.append(.warning("'url' is where output/ is published: its '\(leftOut)' is left out, and links are made under \(normalised.url)",
                                    at: fields.location(of: "url")))
            }
            return normalised.url
        }
        let referralURL = webURL(fields, "referral_url", required: true)
        let logo = logoPath(fields, "logo", assets: assets)
        let colors = palette(fields)
        let contact = contact(fields)
        let language = languageTag(fields) ?? "en"
        let campaign = fields.string("campaign") ?? "referral-kit"
        var rewards = Rewards()
        if let reader = fields.mapping("rewards", knownKeys: ["partners", "customers"]) {
            rewards = Rewards(partners: reader.string("partners"),
                              customers: reader.string("customers"))
        }
        let unlisted = fields.bool("unlisted") ?? false
        let unsafeHTML = fields.bool("unsafe_html") ?? false
        var deploy: DeployTarget?
        if let reader = fields.mapping("deploy", knownKeys: ["directory", "git", "branch"]) {
            let directory = reader.string("directory")
            let git = reader.string("git")
            let branch = reader.string("branch") ?? "gh-pages"
            switch (directory, git) {
            case let (directory?, nil): deploy = .directory(directory)
            case let (nil, git?):
                if let problem = GitRemote.problem(git) {
                    log.append(.error("'deploy.git' \(problem): '\(git)'", at: reader.location(of: "git")))
                } else if branch.range(of: "^[A-Za-z0-9._/-]+$", options: .regularExpression) == nil || branch.hasPrefix("-") {
                    log.append(.error("'deploy.branch' is not a branch name: '\(branch)'", at: reader.location(of: "branch")))
                } else {
                    deploy = .git(remote: git, branch: branch)
                }
            default:
                log.append(.error("'deploy' needs exactly one of 'directory: PATH' or 'git: REMOTE' (with an optional 'branch:')",
                                          at: reader.location))
            }
        }
        var followUp = FollowUp()
        if let reader = fields.mapping("follow_up", knownKeys: ["partners", "customers"]) {
            followUp.partners = cadence(reader, "partners") ?? followUp.partners
            followUp.customers = cadence(reader, "customers") ?? followUp.customers
        }
        let shortLinks = fields.bool("short_links") ?? false
        let paper = paper(fields)
        var askAfterDays = fields.int("ask_after_days")
        if let days = askAfterDays, days < 1 {
            log.append(.error("'ask_after_days' must be 1 or more days, not \(days)", at: fields.location(of: "ask_after_days")))
            askAfterDays = nil
        }
        guard let name, let url, let referralURL else { return nil }
        var site = Site(name: name, url: url, referralURL: referralURL, logo: logo, colors: colors, contact: contact,
                    language: language, campaign: campaign, rewards: rewards, unlisted: unlisted, unsafeHTML: unsafeHTML,
                    deploy: deploy, followUp: followUp)
        site.shortLinks = shortLinks
        site.paper = paper
        site.outputs = outputs(fields)
        site.askAfterDays = askAfterDays ?? site.askAfterDays
        site.timeZone = timeZone(fields)
        site.currency = currency(fields)
        site.intake = intake(fields)
        return site
    }

    /// `intake: { action: URL }` or `intake: { netlify: true }`.
    static func intake(_ fields: FieldReader) -> Intake? {
        guard let reader = fields.mapping("intake", knownKeys: ["action", "netlify"]) else { return nil }
        let action = webURL(reader, "action", required: false)
        let netlify = reader.bool("netlify")
        switch (action, netlify) {
        case (let action?, nil), (let action?, false?): return .action(action)
        case (nil, true?): return .netlify
        case (_?, true?):
            fields.log.append(.error("'intake' takes one of 'action: URL' or 'netlify: true', not both", at: reader.location))
            return nil
        default:
            if reader.string("action") == nil {
                fields.log.append(.error("'intake' needs one of 'action: URL' (a form back-end such as Formspree) or 'netlify: true'",
                                         at: reader.location))
            }
            return nil
        }
    }

    /// `currency:` an ISO 4217 code, in capitals (`EUR`, `PLN`).
    static func currency(_ fields: FieldReader) -> String? {
        guard let code = fields.string("currency") else { return nil }
        guard !LocaleFormats.currencies.contains(code) else { return code }
        var message = "'currency' must be an ISO 4217 code such as EUR, USD or PLN, not '\(code)'"
        let symbols = ["€": "EUR", "$": "USD", "£": "GBP", "zł": "PLN", "kr": "SEK", "¥": "JPY", "euro": "EUR", "euros": "EUR", "dollar": "USD"]
        if LocaleFormats.currencies.contains(code.uppercased()) {
            message += "; write it in capitals: '\(code.uppercased())'"
        } else if let meant = symbols[code.lowercased()] {
            message += "; did you mean '\(meant)'?"
        } else if let meant = closest(to: code.uppercased(), among: LocaleFormats.currencies.sorted()) {
            message += "; did you mean '\(meant)'?"
        }
        fields.log.append(.error(message, at: fields.location(of: "currency")))
        return nil
    }

    /// `timezone:` an IANA time zone name, as the tz database writes it (`Europe/Warsaw`).
    static func timeZone(_ fields: FieldReader) -> String? {
        guard let name = fields.string("timezone") else { return nil }
        guard !TimeZoneRules.isKnown(name) else { return name }
        var message = "unknown time zone '\(name)': write an IANA name such as Europe/Warsaw or America/New_York"
        if let suggestion = TimeZoneRules.closest(to: name) { message += "; did you mean '\(suggestion)'?" }
        fields.log.append(.error(message, at: fields.location(of: "timezone")))
        return nil
    }

    /// A kit with seminars and no `timezone`: their invitations' times float (each reader's
    /// calendar reads 18:00 in its own zone). One warning, at site.yml, naming the first seminar.
    static func checkSeminarTimeZone(_ site: Site, library: [LibraryPiece], log: DiagnosticLog) {
        guard site.timeZone == nil, let seminar = library.first(where: { $0.seminar != nil }) else { return }
        log.append(.warning("\(seminar.file) is a seminar, and site.yml sets no 'timezone': its invitation's time floats (each reader's calendar puts it at that hour in their own zone); add timezone: with an IANA name such as Europe/Warsaw",
                            at: SourceLocation(file: "content/site.yml", line: 1, column: 1)))
    }

    /// Every source's referral link must fit in its QR code: one error, at `referral_url`, naming
    /// the source with the longest link.
    static func checkQRCapacity(_ site: Site, _ sources: [Source], _ document: YAMLDocument, log: DiagnosticLog) {
        // A link is the site's part and the source's code and slug, which are never
        // percent-encoded (A-Z, a-z, 0-9 and -): the longest is the source with the most of them.
        guard let source = sources.max(by: { $0.code.utf8.count + $0.slug.utf8.count < $1.code.utf8.count + $1.slug.utf8.count })
        else { return }
        let bytes = source.referralLink(in: site).utf8.count
        guard bytes > QRCode.capacity else { return }
        log.append(.error("the referral link is \(bytes) bytes for \(source.slug), more than a QR code holds (\(QRCode.capacity)); shorten 'referral_url'",
                          at: siteLocation(of: "referral_url", in: document)))
    }

    /// Where `key` is written in site.yml, for a rule that needs the whole kit to know it is wrong
    /// (read again without reporting: the file's own problems are reported already).
    static func siteLocation(of key: String, in document: YAMLDocument) -> SourceLocation {
        FieldReader(document, node: document.root, knownKeys: siteKeys, log: DiagnosticLog()).location(of: key)
    }

    /// `outputs: { pdf: true, bundles: true }`.
    static func outputs(_ fields: FieldReader) -> DeclaredOutputs {
        guard let reader = fields.mapping("outputs", knownKeys: ["pdf", "bundles"]) else { return DeclaredOutputs() }
        return DeclaredOutputs(pdf: reader.bool("pdf") ?? false, bundles: reader.bool("bundles") ?? false)
    }

    /// What `content/site.yml` declares in `outputs:`, read before a build fingerprints its inputs
    /// (the outputs are options of the build); a mistake in it is validation's to report.
    static func declaredOutputs(kitDirectory: String, fileSystem: any FileSystem) -> DeclaredOutputs {
        let file = "content/site.yml"
        guard let bytes = try? fileSystem.readFile(at: kitDirectory + "/" + file),
              case .success(let text) = TextDecoding.decode(bytes, file: file),
              case .success(let document) = YAMLParsing.parse(text, file: file, lineOffset: 0) else { return DeclaredOutputs() }
        return outputs(FieldReader(document, node: document.root, knownKeys: siteKeys, log: DiagnosticLog()))
    }

    /// `paper:`, in site.yml or a source's file: `a4` or `letter`, in any case (`A4`, `Letter`).
    static func paper(_ fields: FieldReader) -> Paper? {
        guard let text = fields.string("paper") else { return nil }
        guard let paper = Paper(rawValue: text.lowercased()) else {
            fields.log.append(.error("'\(fields.qualified("paper"))' must be a4 or letter, not '\(text)'", at: fields.location(of: "paper")))
            return nil
        }
        return paper
    }

    /// A follow-up cadence: `monthly`, `quarterly`, `yearly` or `every N weeks`.
    static func cadence(_ fields: FieldReader, _ key: String) -> Cadence? {
        let log = fields.log
        guard let text = fields.string(key) else { return nil }
        guard let cadence = Cadence(text) else {
            log.append(.error("'\(fields.qualified(key))' must be monthly, quarterly, yearly or every N weeks (N from 1 to 52), not '\(text)'",
                                      at: fields.location(of: key)))
            return nil
        }
        return cadence
    }
}
