import Foundation
import RefkitLedger
import RefkitModel
import RefkitQR
import RefkitTemplates

/// What `validate` makes of a loaded kit: the typed kit and its compiled templates when there is no
/// error, and every diagnostic, sorted by file, line and column.
public struct ValidatedKit: Sendable {
    public var kit: Kit?
    public var templates: TemplateSet?
    public var diagnostics: [Diagnostic]
    /// The checked ledger, when it was asked for (or a source shows its numbers) and the kit has one.
    public var ledger: Ledger?
    /// Source files read, valid or not: what a check speaks of.
    public var sourceFiles = 0
}

/// `validate`: pure. Turns what `load` read into a `Kit`, checking everything FORMAT.md requires,
/// and reports every problem in one pass.
public enum KitValidator {
    static let siteKeys = ["name", "url", "referral_url", "logo", "colors", "contact", "language", "campaign",
                           "rewards", "unlisted", "unsafe_html", "follow_up", "deploy"]
    static let sourceKeys = ["name", "segment", "code", "contact", "brand", "message", "reward", "offers",
                             "language", "follow_up", "show_stats"]
    /// Fields written one level too high, a common slip: where they belong.
    static let siteMoved = ["email": "contact.email", "phone": "contact.phone", "primary": "colors.primary",
                            "accent": "colors.accent", "directory": "deploy.directory", "git": "deploy.git", "branch": "deploy.branch"]
    static let sourceMoved = ["logo": "brand.logo", "colors": "brand.colors", "primary": "brand.colors.primary",
                              "accent": "brand.colors.accent", "email": "contact.email", "phone": "contact.phone"]
    static let pageKeys = ["title", "kind", "order", "audience", "phrases", "steps", "summary"]
    static let offerKeys = ["title", "kind", "value", "code", "expires", "starts", "audience", "terms"]
    static let contactKeys = ["name", "email", "phone"]
    static let colorKeys = ["primary", "accent"]
    /// Names refkit writes at the top of output/ (now or in a feature to come): a source's folder
    /// may not take one, or a rebuild of that source would swap out every kit's shared files.
    static let reservedSourceSlugs: Set<String> = ["assets", "bundles", "network", "r"]
    /// File names in a source's folder that a kit page's slug may not take.
    static let reservedPageSlugs: Set<String> = ["index", "handout", "email", "qr", "offers"]

    /// - Parameters:
    ///   - secret: `REFKIT_SECRET`, which an unlisted kit needs for its folder names.
    ///   - checkLedger: check `content/ledger.csv` even if no source shows its numbers (`check`, `report`).
    public static func validate(_ loaded: LoadedKit, on date: Day, secret: String? = nil, checkLedger: Bool = false) -> ValidatedKit {
        var diagnostics = loaded.diagnostics
        let contentAssets = Set(loaded.assets.map(\.file))

        let site = loaded.site.flatMap { validateSite($0, assets: contentAssets, diagnostics: &diagnostics) }
        if let site, site.unlisted, (secret ?? "").isEmpty, let document = loaded.site {
            var repeated: [Diagnostic] = []  // the mapping's own problems are reported already
            let fields = FieldReader(document, node: document.root, knownKeys: siteKeys, diagnostics: &repeated)
            diagnostics.append(.error(
                "unlisted: true needs the environment variable REFKIT_SECRET (the key that makes each kit's folder name unguessable)",
                at: fields.location(of: "unlisted")))
        }
        let pages = validatePages(loaded.pages, diagnostics: &diagnostics)
        let offers = validateOffers(loaded.offers, on: date, diagnostics: &diagnostics)
        let sources = validateSources(loaded.sources, offers: offers, assets: contentAssets, diagnostics: &diagnostics)
        if let site, let document = loaded.site { checkQRCapacity(site, sources, document, diagnostics: &diagnostics) }
        LinkChecks.check(pages: pages, offers: offers, assets: loaded.assets, unlisted: site?.unlisted ?? false,
                         diagnostics: &diagnostics)
        var ledger: Ledger?
        if checkLedger || sources.contains(where: \.showStats) {
            let unreadable = brokenSourceNames(loaded, valid: sources)
            if let text = loaded.ledger {
                let (checked, ledgerDiagnostics) = LedgerValidator.validate(text, sources: sources, unreadable: unreadable, today: date)
                ledger = checked
                diagnostics += ledgerDiagnostics
            } else {
                ledger = .empty(sources: sources)
            }
        }
        let (templates, templateDiagnostics) = TemplateSet.compile(overrides: loaded.templates)
        diagnostics += templateDiagnostics
        if templateDiagnostics.isEmpty {
            for file in loaded.templates {
                diagnostics += FieldCheck.check(file, isPartial: !DefaultTemplates.rendered.contains(file.name))
            }
        }

        diagnostics.sort()
        guard !diagnostics.hasErrors, let site, let templates else {
            return ValidatedKit(kit: nil, templates: nil, diagnostics: diagnostics, ledger: nil,
                                sourceFiles: loaded.sources.count + loaded.unparsedSources.count)
        }
        let published = offers.filter { $0.isValid(on: date) }
        let kit = Kit(site: site, pages: pages, offers: published, sources: sources, assets: loaded.assets)
        return ValidatedKit(kit: kit, templates: templates, diagnostics: diagnostics, ledger: ledger,
                            sourceFiles: loaded.sources.count + loaded.unparsedSources.count)
    }

    // MARK: - site.yml

    static func validateSite(_ document: YAMLDocument, assets: Set<String>, diagnostics: inout [Diagnostic]) -> Site? {
        let fields = FieldReader(document, node: document.root, knownKeys: siteKeys, moved: siteMoved, diagnostics: &diagnostics)
        let name = fields.string("name", required: true, diagnostics: &diagnostics)
        let url = webURL(fields, "url", required: true, diagnostics: &diagnostics)
        let referralURL = webURL(fields, "referral_url", required: true, diagnostics: &diagnostics)
        let logo = assetPath(fields, "logo", assets: assets, diagnostics: &diagnostics)
        let colors = palette(fields, diagnostics: &diagnostics)
        let contact = contact(fields, diagnostics: &diagnostics)
        let language = languageTag(fields, diagnostics: &diagnostics) ?? "en"
        let campaign = fields.string("campaign", diagnostics: &diagnostics) ?? "referral-kit"
        var rewards = Rewards()
        if let reader = fields.mapping("rewards", knownKeys: ["partners", "customers"], diagnostics: &diagnostics) {
            rewards = Rewards(partners: reader.string("partners", diagnostics: &diagnostics),
                              customers: reader.string("customers", diagnostics: &diagnostics))
        }
        let unlisted = fields.bool("unlisted", diagnostics: &diagnostics) ?? false
        let unsafeHTML = fields.bool("unsafe_html", diagnostics: &diagnostics) ?? false
        var deploy: DeployTarget?
        if let reader = fields.mapping("deploy", knownKeys: ["directory", "git", "branch"], diagnostics: &diagnostics) {
            let directory = reader.string("directory", diagnostics: &diagnostics)
            let git = reader.string("git", diagnostics: &diagnostics)
            let branch = reader.string("branch", diagnostics: &diagnostics) ?? "gh-pages"
            switch (directory, git) {
            case let (directory?, nil): deploy = .directory(directory)
            case let (nil, git?):
                if let problem = Checks.gitRemoteProblem(git) {
                    diagnostics.append(.error("'deploy.git' \(problem): '\(git)'", at: reader.location(of: "git")))
                } else if branch.range(of: "^[A-Za-z0-9._/-]+$", options: .regularExpression) == nil || branch.hasPrefix("-") {
                    diagnostics.append(.error("'deploy.branch' is not a branch name: '\(branch)'", at: reader.location(of: "branch")))
                } else {
                    deploy = .git(remote: git, branch: branch)
                }
            default:
                diagnostics.append(.error("'deploy' needs exactly one of 'directory: PATH' or 'git: REMOTE' (with an optional 'branch:')",
                                          at: reader.location))
            }
        }
        var followUp = FollowUp()
        if let reader = fields.mapping("follow_up", knownKeys: ["partners", "customers"], diagnostics: &diagnostics) {
            followUp.partners = cadence(reader, "partners", diagnostics: &diagnostics) ?? followUp.partners
            followUp.customers = cadence(reader, "customers", diagnostics: &diagnostics) ?? followUp.customers
        }
        guard let name, let url, let referralURL else { return nil }
        return Site(name: name, url: url, referralURL: referralURL, logo: logo, colors: colors, contact: contact,
                    language: language, campaign: campaign, rewards: rewards, unlisted: unlisted, unsafeHTML: unsafeHTML,
                    deploy: deploy, followUp: followUp)
    }

    /// Every source's referral link must fit in its QR code: one error, at `referral_url`, naming
    /// the source with the longest link.
    static func checkQRCapacity(_ site: Site, _ sources: [Source], _ document: YAMLDocument, diagnostics: inout [Diagnostic]) {
        let longest = sources.map { ($0, $0.referralLink(in: site).utf8.count) }.max { $0.1 < $1.1 }
        guard let (source, bytes) = longest, bytes > QRCode.capacity else { return }
        var repeated: [Diagnostic] = []  // the mapping's own problems are reported already
        let fields = FieldReader(document, node: document.root, knownKeys: siteKeys, diagnostics: &repeated)
        diagnostics.append(.error("the referral link is \(bytes) bytes for \(source.slug), more than a QR code holds (\(QRCode.capacity)); shorten 'referral_url'",
                                  at: fields.location(of: "referral_url")))
    }

    /// Names (slugs and codes) of source files that exist but did not make a source: a YAML error,
    /// a bad code. Their own errors are reported; rows naming them in the ledger are not reported
    /// again as unknown sources (one mistake, one error). The code is the one derived from the
    /// slug and the file's `code:` line as written, which may be what failed.
    static func brokenSourceNames(_ loaded: LoadedKit, valid: [Source]) -> [String] {
        let validSlugs = Set(valid.map(\.slug))
        let broken = loaded.sources.filter { !validSlugs.contains($0.slug) }.map { ($0.slug, Optional($0.document.text)) }
            + loaded.unparsedSources.map { ($0.slug, $0.text) }
        return broken.flatMap { slug, text -> [String] in
            let code = text?.split(separator: "\n").lazy.compactMap { line -> String? in
                guard line.hasPrefix("code:") else { return nil }
                let value = line.dropFirst(5).prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
                return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).uppercased()
            }.first
            return [slug, String(slug.uppercased().prefix(32))] + (code.map { [$0] } ?? [])
        }
    }

    /// A follow-up cadence: `monthly`, `quarterly`, `yearly` or `every N weeks`.
    static func cadence(_ fields: FieldReader, _ key: String, diagnostics: inout [Diagnostic]) -> Cadence? {
        guard let text = fields.string(key, diagnostics: &diagnostics) else { return nil }
        guard let cadence = Cadence(text) else {
            diagnostics.append(.error("'\(fields.qualified(key))' must be monthly, quarterly, yearly or every N weeks (N from 1 to 52), not '\(text)'",
                                      at: fields.location(of: key)))
            return nil
        }
        return cadence
    }

    // MARK: - sources/*.yml

    static func validateSources(_ documents: [(slug: String, document: YAMLDocument)], offers: [Offer],
                                assets: Set<String>, diagnostics: inout [Diagnostic]) -> [Source] {
        // Each source on its own, on every core (a roster may hold thousands); then, in file
        // order, what needs them all: the same slug or code twice. Diagnostics are sorted later,
        // so the result is the same as one by one.
        let offerIDs = offers.map(\.id)
        let checked = ParallelResults<CheckedSource>(count: documents.count)
        parallelForEach(documents.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            let (slug, document) = documents[index]
            checked.set(index, validateSource(slug: slug, document: document, offerIDs: offerIDs, assets: assets))
        }
        var sources: [Source] = []
        var slugs: [String: String] = [:]  // lowercased slug → file
        var codes: [String: String] = [:]  // uppercased code → file
        for ((slug, document), result) in zip(documents, checked.all) {
            diagnostics += result.diagnostics
            if let other = slugs[slug.lowercased()] {
                diagnostics.append(.error("slug '\(slug)' is the same as \(other)'s, ignoring case", at: SourceLocation(file: document.file)))
            }
            slugs[slug.lowercased()] = document.file
            if let (code, location) = result.code {
                if let other = codes[code.uppercased()] {
                    diagnostics.append(.error("code '\(code)' is already used by \(other)", at: location))
                }
                codes[code.uppercased()] = document.file
            }
            if let source = result.source { sources.append(source) }
        }
        return sources.sorted { $0.slug < $1.slug }
    }

    /// What one source file makes: the source (nil if it has errors that leave it without a
    /// name, segment or code), its code and where it is written, and its own diagnostics.
    struct CheckedSource: Sendable {
        var source: Source?
        var code: (String, SourceLocation)?
        var diagnostics: [Diagnostic]
    }

    static func validateSource(slug: String, document: YAMLDocument, offerIDs: [String], assets: Set<String>) -> CheckedSource {
        var diagnostics: [Diagnostic] = []
        let top = SourceLocation(file: document.file)
        if !Checks.isSlug(slug) {
            diagnostics.append(.error("the file name '\(slug)' is not a valid slug: use lowercase letters, digits and - (at most 64 characters)", at: top))
        } else if reservedSourceSlugs.contains(slug) {
            diagnostics.append(.error("the slug '\(slug)' is reserved: refkit writes output/\(slug)/ for every kit; rename the file", at: top))
        }

        let fields = FieldReader(document, node: document.root, knownKeys: sourceKeys, moved: sourceMoved, diagnostics: &diagnostics)
        let name = fields.string("name", required: true, diagnostics: &diagnostics)
        let segment = fields.choice("segment", Segment.self, required: true, diagnostics: &diagnostics)

        var code: String?
        if let written = fields.string("code", diagnostics: &diagnostics) {
            if Checks.isCode(written) {
                code = written
            } else {
                var message = "'code' must be 3 to 32 characters from A-Z, 0-9 and -, not '\(written)'"
                if Checks.isCode(written.uppercased()) { message += "; did you mean '\(written.uppercased())'?" }
                diagnostics.append(.error(message, at: fields.location(of: "code")))
            }
        } else {
            let derived = String(slug.uppercased().prefix(32))
            if Checks.isCode(derived) {
                code = derived
            } else if Checks.isSlug(slug) {
                diagnostics.append(.error("the code derived from the slug, '\(derived)', is shorter than 3 characters; set 'code'", at: fields.location))
            }
        }

        let contact = contact(fields, diagnostics: &diagnostics)
        var brand: Brand?
        if let reader = fields.mapping("brand", knownKeys: ["logo", "colors"], diagnostics: &diagnostics) {
            brand = Brand(logo: assetPath(reader, "logo", assets: assets, diagnostics: &diagnostics),
                          colors: palette(reader, diagnostics: &diagnostics))
            if segment == .customer {
                diagnostics.append(.warning("'brand' is ignored: only partners are co-branded", at: reader.location))
                brand = nil
            }
        }
        let message = fields.string("message", diagnostics: &diagnostics)
        let reward = fields.string("reward", diagnostics: &diagnostics)
        var chosenOffers: [String]?
        if let listed = fields.strings("offers", diagnostics: &diagnostics) {
            chosenOffers = []
            for (id, location) in listed {
                if offerIDs.contains(id) {
                    chosenOffers!.append(id)
                } else {
                    var text = "unknown offer '\(id)': there is no content/offers/\(id).md"
                    if let suggestion = closest(to: id, among: offerIDs) { text += "; did you mean '\(suggestion)'?" }
                    diagnostics.append(.error(text, at: location))
                }
            }
        }
        let language = languageTag(fields, diagnostics: &diagnostics)
        let followUp = cadence(fields, "follow_up", diagnostics: &diagnostics)
        let showStats = fields.bool("show_stats", diagnostics: &diagnostics) ?? false
        let codeAt = code.map { ($0, fields.value("code")?.location ?? top) }
        guard let name, let segment, let code else { return CheckedSource(source: nil, code: codeAt, diagnostics: diagnostics) }
        let source = Source(slug: slug, name: name, segment: segment, code: code, contact: contact, brand: brand,
                            message: message, reward: reward, offerIDs: chosenOffers, language: language,
                            followUp: followUp, showStats: showStats)
        return CheckedSource(source: source, code: codeAt, diagnostics: diagnostics)
    }

    // MARK: - kit/*.md

    static func validatePages(_ documents: [MarkdownDocument], diagnostics: inout [Diagnostic]) -> [Page] {
        var pages: [Page] = []
        var slugs: [String: String] = [:]
        for document in documents {
            let slug = pageSlug(document.name)
            let top = SourceLocation(file: document.file)
            if !Checks.isSlug(slug) {
                diagnostics.append(.error("the page slug '\(slug)' (from the file name) must use lowercase letters, digits and -", at: top))
            } else if reservedPageSlugs.contains(slug) {
                diagnostics.append(.error("the page slug '\(slug)' is reserved for refkit's own \(slug) file; rename the page", at: top))
            }
            // Both files are told: either may be the one to rename.
            if let other = slugs[slug] {
                diagnostics.append(.error("page slug '\(slug)' is also the slug of \(other)", at: top))
                diagnostics.append(.error("page slug '\(slug)' is also the slug of \(document.file)", at: SourceLocation(file: other)))
            } else {
                slugs[slug] = document.file
            }

            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: pageKeys, diagnostics: &diagnostics)
            let title = fields.string("title", required: true, diagnostics: &diagnostics)
            let kind = fields.choice("kind", PageKind.self, diagnostics: &diagnostics) ?? .page
            let order = fields.int("order", diagnostics: &diagnostics)
            let audience = fields.choice("audience", Audience.self, diagnostics: &diagnostics) ?? .all
            let phrases = fields.strings("phrases", diagnostics: &diagnostics) ?? []
            let steps = fields.strings("steps", diagnostics: &diagnostics) ?? []
            let summary = fields.string("summary", diagnostics: &diagnostics)
            if kind == .triggerPhrases, phrases.isEmpty {
                diagnostics.append(.warning("a trigger-phrases page has no 'phrases' to show", at: fields.location))
            }
            if kind == .howToRefer, steps.isEmpty {
                diagnostics.append(.warning("a how-to-refer page has no 'steps' to show", at: fields.location))
            }
            // The handout is one printed page: it shows the first phrases and steps, in order.
            for (key, count, limit) in [("phrases", phrases.count, Handout.phrases),
                                        ("steps", steps.count, Handout.steps)] where count > limit {
                diagnostics.append(.warning("the one-page handout shows the first \(limit) of these \(count) \(key); the page shows them all",
                                            at: fields.location(of: key)))
            }
            checkPlaceholders(in: fields, keys: ["title", "summary", "phrases", "steps"], diagnostics: &diagnostics)
            checkPlaceholders(in: document.body, file: document.file, diagnostics: &diagnostics)
            guard let title else { continue }
            pages.append(Page(slug: slug, file: document.file, title: title, kind: kind, order: order, audience: audience,
                              phrases: phrases.map(\.0), steps: steps.map(\.0), summary: summary, body: document.body))
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

    // MARK: - offers/*.md

    static func validateOffers(_ documents: [MarkdownDocument], on date: Day, diagnostics: inout [Diagnostic]) -> [Offer] {
        var offers: [Offer] = []
        for document in documents {
            let id = document.name
            if !Checks.isSlug(id) {
                diagnostics.append(.error("the offer id '\(id)' (from the file name) must use lowercase letters, digits and -",
                                          at: SourceLocation(file: document.file)))
            }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: offerKeys, diagnostics: &diagnostics)
            let title = fields.string("title", required: true, diagnostics: &diagnostics)
            let kind = fields.choice("kind", OfferKind.self, required: true, diagnostics: &diagnostics)
            let value = fields.string("value", required: true, diagnostics: &diagnostics)
            let code = fields.string("code", required: true, diagnostics: &diagnostics)
            let expires = day(fields, "expires", diagnostics: &diagnostics)
            let starts = day(fields, "starts", diagnostics: &diagnostics)
            let audience = fields.choice("audience", Audience.self, diagnostics: &diagnostics) ?? .all
            let terms = fields.string("terms", diagnostics: &diagnostics)
            checkPlaceholders(in: fields, keys: ["title", "value", "code", "terms"], diagnostics: &diagnostics)
            checkPlaceholders(in: document.body, file: document.file, diagnostics: &diagnostics)
            if let starts, let expires, expires < starts {
                diagnostics.append(.error("'expires' (\(expires)) is before 'starts' (\(starts))", at: fields.location(of: "expires")))
            } else if let expires, expires < date {
                diagnostics.append(.warning("offer expired on \(expires) and is not published (build date \(date))",
                                            at: fields.location(of: "expires")))
            } else if let expires, expires.daysSince1970 - date.daysSince1970 <= 30 {
                let days = expires.daysSince1970 - date.daysSince1970
                diagnostics.append(.warning("offer expires on \(expires), \(days == 0 ? "today" : days == 1 ? "tomorrow" : "in \(days) days")",
                                            at: fields.location(of: "expires")))
            } else if let starts, date < starts {
                diagnostics.append(.warning("offer starts on \(starts) and is not published yet (build date \(date))",
                                            at: fields.location(of: "starts")))
            }
            guard let title, let kind, let value, let code else { continue }
            offers.append(Offer(id: id, file: document.file, title: title, kind: kind, value: value, code: code,
                                expires: expires, starts: starts, audience: audience, terms: terms, body: document.body))
        }
        return offers.sorted { $0.id < $1.id }
    }
}
