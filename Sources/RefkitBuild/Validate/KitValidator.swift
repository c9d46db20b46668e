import Foundation
import RefkitImages
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
    /// `content/process.yml`, checked along with the ledger; nil when the kit has none.
    public var process: ReferralProcess?
    /// Source files read, valid or not: what a check speaks of.
    public var sourceFiles = 0
}

/// `validate`: pure. Turns what `load` read into a `Kit`, checking everything FORMAT.md requires,
/// and reports every problem in one pass.
public enum KitValidator {
    static let siteKeys = ["name", "url", "referral_url", "logo", "colors", "contact", "language", "campaign",
                           "rewards", "unlisted", "unsafe_html", "short_links", "follow_up", "deploy", "paper", "ask_after_days", "outputs",
                           "timezone", "currency", "intake"]
    static let sourceKeys = ["name", "segment", "code", "contact", "brand", "message", "reward", "offers",
                             "language", "follow_up", "show_stats", "paper", "website", "listed"]
    /// Fields written one level too high, a common slip: where they belong.
    static let siteMoved = ["email": "contact.email", "phone": "contact.phone", "primary": "colors.primary",
                            "accent": "colors.accent", "directory": "deploy.directory", "git": "deploy.git", "branch": "deploy.branch"]
    static let sourceMoved = ["logo": "brand.logo", "colors": "brand.colors", "primary": "brand.colors.primary",
                              "accent": "brand.colors.accent", "email": "contact.email", "phone": "contact.phone"]
    static let pageKeys = ["title", "kind", "order", "audience", "phrases", "steps", "messages", "summary"]
    static let offerKeys = ["title", "kind", "value", "code", "expires", "starts", "audience", "terms", "amount"]
    static let contactKeys = ["name", "email", "phone"]
    static let colorKeys = ["primary", "accent"]
    /// Names refkit writes at the top of output/ (now or in a feature to come): a source's folder
    /// may not take one, or a rebuild of that source would swap out every kit's shared files.
    static var reservedSourceSlugs: Set<String> { OutputPlan.reservedSourceSlugs }
    /// File names in a source's folder that a kit page's slug may not take.
    static var reservedPageSlugs: Set<String> { OutputPlan.reservedPageSlugs }

    /// - Parameters:
    ///   - secret: `REFKIT_SECRET`, which an unlisted kit needs for its folder names.
    ///   - checkLedger: check `content/ledger.csv` even if no source shows its numbers (`check`, `report`).
    ///   - renderMode: how the compiled templates will render (`REFKIT_RENDER`).
    ///   - ledgerFolds: what else is computed from the ledger's rows as they are read (the report's
    ///     figures), made from the ledger's slugs and the kit's valid sources.
    ///   - readLogos: how librsvg's reading of the SVG logos is asked (`AssetIndex.LogoReader`).
    public static func validate(_ loaded: LoadedKit, on date: Day, secret: String? = nil, checkLedger: Bool = false,
                                renderMode: RenderMode = .shape,
                                ledgerFolds: (_ slugs: [String], _ sources: [Source]) -> [any LedgerFold] = { _, _ in [] },
                                readLogos: (@Sendable ([[UInt8]]) -> [SVGRaster.DrawFailure?])? = nil) -> ValidatedKit {
        let log = DiagnosticLog(loaded.diagnostics)
        let contentAssets = AssetIndex(loaded, readLogos: readLogos)

        var site = loaded.site.flatMap { validateSite($0, assets: contentAssets, log: log) }
        if let valid = site { site?.rewards.translations = validateSiteTranslations(loaded.siteTranslations, site: valid, log: log) }
        if let site, site.unlisted, (secret ?? "").isEmpty, let document = loaded.site {
            log.append(.error(
                "unlisted: true needs the environment variable REFKIT_SECRET (the key that makes each kit's folder name unguessable)",
                at: siteLocation(of: "unlisted", in: document)))
        }
        let pageFiles = splitTranslations(loaded.pages), offerFiles = splitTranslations(loaded.offers)
        let pages = attachTranslations(pageFiles.translations, to: validatePages(pageFiles.originals, log: log), originals: pageFiles.originals,
                                       pageTranslation, log: log)
        let offers = attachTranslations(offerFiles.translations, to: validateOffers(offerFiles.originals, on: date, log: log), originals: offerFiles.originals, offerTranslation,
                                        log: log)
        let sources = validateSources(loaded.sources, offers: offers, assets: contentAssets, log: log)
        // Sample text nobody replaced (each source's in its own check; process.yml is private: its
        // sample owner is never published).
        if let site = loaded.site { checkStarterText(site, log: log) }
        for document in loaded.pages + loaded.offers + loaded.library + loaded.network {
            checkStarterText(document.frontMatter, body: document.body, log: log)
        }
        let libraryFiles = splitTranslations(loaded.library)
        let library = attachTranslations(libraryFiles.translations, to: validateLibrary(libraryFiles.originals, log: log), originals: libraryFiles.originals,
                                         libraryTranslation,
                                         log: log)
        // Names of source files with errors of their own: what names them elsewhere is not reported again.
        let broken = brokenSourceNames(loaded, valid: sources)
        let network = validateNetwork(loaded.network, sources: sources, broken: Set(broken), on: date, log: log)
        if let site, let document = loaded.site {
            checkQRCapacity(site, sources, document, log: log)
            // (A `timezone` written but wrong is its own error, not this warning as well.)
            if document.root?["timezone"] == nil { checkSeminarTimeZone(site, library: library, log: log) }
        }
        LinkChecks.check(pages: pages.flatMap { [$0] + $0.translations.values.sorted { $0.file < $1.file } },
                         offers: offers.flatMap { [$0] + $0.translations.values.sorted { $0.file < $1.file } },
                         library: library.flatMap { [$0] + $0.translations.values.sorted { $0.file < $1.file } }, posts: network,
                         assets: loaded.assets, unlisted: site?.unlisted ?? false, intake: site?.intakeForm != nil,
                         pdfs: site?.outputs.pdf ?? false, log: log)
        let words = validateWords(loaded.words, log: log)
        if let site {
            checkLanguages(site: site, pages: pages, offers: offers.filter { $0.isValid(on: date) }, library: library, sources: sources,
                           words: words, loaded: loaded, log: log)
        }
        var ledger: Ledger?
        var process: ReferralProcess?
        if checkLedger, let document = loaded.process { process = validateProcess(document, log: log) }
        if checkLedger || sources.contains(where: \.showStats) {
            if let input = loaded.ledger {
                let (checked, ledgerDiagnostics) = LedgerValidator.validate(input, sources: sources, unreadable: broken, today: date,
                                                                            folds: { ledgerFolds($0, sources) })
                ledger = checked
                log.append(contentsOf: ledgerDiagnostics)
            } else {
                ledger = .empty(sources: sources)
            }
        }
        let compiled = ContentMemo.shared.templates(loaded.templates, mode: renderMode) { compileTemplates(loaded.templates, mode: renderMode) }
        let templates = compiled.templates
        log.append(contentsOf: compiled.diagnostics)

        let diagnostics = log.entries.sorted()
        guard !diagnostics.hasErrors, let site, let templates else {
            return ValidatedKit(kit: nil, templates: nil, diagnostics: diagnostics, ledger: nil,
                                sourceFiles: loaded.sources.count + loaded.unparsedSources.count)
        }
        let published = offers.filter { $0.isValid(on: date) }
        var kit = Kit(site: site, pages: pages, offers: published, sources: sources, assets: loaded.assets, words: words,
                      logos: contentAssets.logos)
        (kit.library, kit.network) = (library, network)
        var validated = ValidatedKit(kit: kit, templates: templates, diagnostics: diagnostics, ledger: ledger,
                                     sourceFiles: loaded.sources.count + loaded.unparsedSources.count)
        validated.process = process
        return validated
    }
}
