import RefkitModel

/// The rules of `content/kit/*.md`: front matter, slugs, handout limits, placeholders.
extension KitValidator {
    static func validatePages(_ documents: [MarkdownDocument], log: DiagnosticLog) -> [Page] {
        var pages: [Page] = []
        var slugs: [String: String] = [:]
        for document in documents {
            let slug = pageSlug(document.name)
            let top = SourceLocation(file: document.file)
            // A share page is not written at its slug (it makes share.html), so `share.md` is fine.
            var isSharePage = false
            if case .scalar(PageKind.share.rawValue, _)? = document.frontMatter.root?["kind"]?.value { isSharePage = true }
            if !Checks.isSlug(slug) {
                log.append(.error("the page slug '\(slug)' (from the file name) must use lowercase letters, digits and -", at: top))
            } else if reservedPageSlugs.contains(slug), !isSharePage {
                log.append(.error("the page slug '\(slug)' is reserved for refkit's own \(slug) file; rename the page", at: top))
            }
            // Both files are told: either may be the one to rename.
            if let other = slugs[slug] {
                log.append(.error("page slug '\(slug)' is also the slug of \(other)", at: top))
                log.append(.error("page slug '\(slug)' is also the slug of \(document.file)", at: SourceLocation(file: other)))
            } else {
                slugs[slug] = document.file
            }

            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: pageKeys, log: log)
            let title = fields.string("title", required: true)
            let kind = fields.choice("kind", PageKind.self) ?? .page
            let order = fields.int("order")
            let audience = fields.choice("audience", Audience.self) ?? .all
            let phrases = fields.strings("phrases") ?? []
            let steps = fields.strings("steps") ?? []
            let messages = fields.strings("messages") ?? []
            let summary = fields.string("summary")
            if kind == .share, messages.isEmpty {
                log.append(.warning("a share page has no 'messages': share.html shows refkit's own", at: fields.location))
            }
            if kind == .triggerPhrases, phrases.isEmpty {
                log.append(.warning("a trigger-phrases page has no 'phrases' to show", at: fields.location))
            }
            if kind == .howToRefer, steps.isEmpty {
                log.append(.warning("a how-to-refer page has no 'steps' to show", at: fields.location))
            }
            // The handout is one printed page: it shows the first phrases and steps, in order.
            for (key, count, limit) in [("phrases", phrases.count, Handout.phrases),
                                        ("steps", steps.count, Handout.steps)] where count > limit {
                log.append(.warning("the one-page handout shows the first \(limit) of these \(count) \(key); the page shows them all",
                                            at: fields.location(of: key)))
            }
            checkPlaceholders(in: fields, keys: ["title", "summary", "phrases", "steps", "messages"])
            checkPlaceholders(in: document.body, file: document.file, log: log)
            guard let title else { continue }
            pages.append(Page(slug: slug, file: document.file, title: title, kind: kind, order: order, audience: audience,
                              phrases: phrases.map(\.0), steps: steps.map(\.0), messages: messages.map(\.0), summary: summary,
                              body: document.body))
        }
        // Navigation order: `order` first (pages without one after), then file name.
        return pages.sorted { ($0.order ?? Int.max, $0.file) < ($1.order ?? Int.max, $1.file) }
    }

    /// A page's slug: its file name without a leading `NN-` order prefix.
    static func pageSlug(_ name: String) -> String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, name.dropFirst(digits.count).first == "-", name.count > digits.count + 1 {
            return String(name.dropFirst(digits.count + 1))
        }
        return name
    }
}
