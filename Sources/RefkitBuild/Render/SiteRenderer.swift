import Foundation
import RefkitI18n
import RefkitLedger
import RefkitMarkdown
import RefkitModel
import RefkitQR
import RefkitTemplates

/// `render`: pure. A validated kit, its templates and the build date in; one source's files out,
/// in memory. Markdown is rendered once per page when the renderer is made (cmark-gfm's parser is
/// not thread-safe, and every source shares the pages); `render(source:)` only fills placeholders
/// and templates, so sources render in parallel.
public struct SiteRenderer: Sendable {
    public let kit: Kit
    public let date: Day
    /// `REFKIT_SECRET`, for an unlisted kit's folder names.
    let secret: String?
    let templates: TemplateSet
    /// Each page's and offer's Markdown, rendered, by file (a translation has its own).
    let pageBodies: [String: FillableHTML]
    let offerBodies: [String: FillableHTML]
    /// Each library piece's Markdown (translations too), and each network post's, rendered.
    let libraryBodies: [String: FillableHTML]
    let networkBodies: [String: String]
    /// refkit's words with the kit's own over them, and those of every language in use.
    let translations: Translations
    let wordsByLanguage: [String: Words]
    /// Each of those languages' words as the `t` view shows them (`WordsTable`).
    let wordTables: [String: WordsTable]
    /// Offer dates written out, by language and day: formatting loads locale data, so each is
    /// written once per build, not once per page, and only for the languages rendered.
    private let dayTexts = Memo<DayInLanguage, String>()

    /// This year's numbers of the sources with `show_stats: true` (from the ledger), by slug.
    let stats: [String: Tally]
    /// The QR codes, encoded once (`QRStore`: a memo, kept between builds in the kit's cache).
    let qrCodes: QRStore
    /// The views many sources' files show alike, made once.
    private(set) var shared = SharedViews.none

    /// QR codes encoded for this renderer alone (the builder passes the kit's kept ones).
    public init(kit: Kit, templates: TemplateSet, date: Day, secret: String? = nil, ledger: Ledger? = nil) {
        self.init(kit: kit, templates: templates, date: date, secret: secret, ledger: ledger, qrCodes: QRStore())
    }

    init(kit: Kit, templates: TemplateSet, date: Day, secret: String?, ledger: Ledger?, qrCodes: QRStore) {
        self.kit = kit
        self.qrCodes = qrCodes
        var stats: [String: Tally] = [:]
        if let ledger, kit.sources.contains(where: \.showStats) {
            // (The ledger was checked on the build date: its `thisYear` is 1 January to `date`.)
            for source in kit.sources where source.showStats {
                if let index = ledger.index(of: source.slug) { stats[source.slug] = ledger.thisYear[index] }
            }
        }
        self.stats = stats
        self.templates = templates
        self.date = date
        self.secret = secret
        let unsafe = kit.site.unsafeHTML
        pageBodies = Dictionary(uniqueKeysWithValues: kit.pages.flatMap { [$0] + $0.translations.values }.map {
            ($0.file, FillableHTML(Markdown.html($0.body.text, allowRawHTML: unsafe, topHeading: 2, rewriteURL: Self.assetLinks(root: "../"))))
        })
        offerBodies = Dictionary(uniqueKeysWithValues: kit.offers.flatMap { [$0] + $0.translations.values }.map {
            ($0.file, FillableHTML(Markdown.html($0.body.text, allowRawHTML: unsafe, topHeading: 2, rewriteURL: Self.assetLinks(root: "../../"))))
        })
        libraryBodies = Dictionary(uniqueKeysWithValues: kit.library.flatMap { [$0] + $0.translations.values }.map {
            ($0.file, FillableHTML(Markdown.html($0.body.text, allowRawHTML: unsafe, topHeading: 2, rewriteURL: Self.assetLinks(root: "../../"))))
        })
        networkBodies = Dictionary(uniqueKeysWithValues: kit.network.map {
            ($0.file, Markdown.html($0.body.text, allowRawHTML: unsafe, topHeading: 2, rewriteURL: Self.assetLinks(root: "../")))
        })
        let languages = Set([kit.site.language] + kit.sources.compactMap(\.language))
        translations = Translations(overrides: kit.words, siteLanguage: kit.site.language)
        wordsByLanguage = Dictionary(uniqueKeysWithValues: languages.map { [translations] in ($0, translations.words(for: $0)) })
        // Each language's words with the site's name put in once (as `wordValues` isolates it
        // for a reader of that language), the source's values left for each source.
        let siteName = kit.site.name
        wordTables = Dictionary(uniqueKeysWithValues: wordsByLanguage.map { ($0, WordsTable($1, language: $0, siteName: siteName)) })
        shared = SharedViews(self)
    }

    /// `day` written out for readers of `language` (`DayFormatting.long`).
    func text(of day: Day, language: String) -> String {
        dayTexts.value(for: DayInLanguage(day: day, language: language)) { DayFormatting.long(day, language: language) }
    }

    private struct DayInLanguage: Hashable, Sendable {
        var day: Day
        var language: String
    }

    /// Markdown links and images to `assets/…` (relative to content/) become relative to the page.
    private static func assetLinks(root: String) -> (String) -> String? {
        { url in url.hasPrefix("assets/") ? root + url : nil }
    }

    /// The name of a source's folder under output/ (see `Source.folder(in:secret:)`).
    public func directoryName(for source: Source) -> String {
        source.folder(in: kit.site, secret: secret)
    }

    /// Every name a template may use: derived from the typed views, never written by hand.
    public static let viewSchema = KitFileView.schema

    /// One file to render: which template, where, with what view.
    struct Job {
        var template: String
        var path: String
        var view: KitFileView
    }

    /// Every file of one source's kit, paths relative to the output directory.
    public func render(source: Source) -> [OutputFile] {
        let (jobs, qr, files) = self.jobs(for: source)
        return jobs.map { OutputFile(path: $0.path, contents: templates.render($0.template, $0.view)) }
            + [OutputFile(path: OutputPlan.SourceFile.qr.path(in: directoryName(for: source)), text: qr + "\n")] + files
    }

    /// The templated files of one source's kit, its QR code, and the files written without a template.
    func jobs(for source: Source) -> (jobs: [Job], qr: String, files: [OutputFile]) {
        let folder = directoryName(for: source)
        let values = placeholderValues(for: source)
        let wordValues = wordValues(for: source)
        let pages = kit.pages(for: source)
        let offers = kit.offers(for: source)
        let language = language(of: source)
        // The QR code is printed: it carries the short link when the site has them.
        let printedLink = source.printedLink(in: kit.site)
        let qr = qrCodes.modules(for: printedLink).map { QRCode.svg(of: $0, label: words(for: language).text("qr_label")) } ?? ""
        var site: [Int: Built<SiteView>] = [:], brand: [Int: Built<BrandView>] = [:]
        var offerViews: [Int: [OfferView]] = [:], builtOffers: [Int: [Built<OfferView>]] = [:]
        for depth in [1, 2] {
            let root = String(repeating: "../", count: depth)
            site[depth] = siteBuilt(root: root)
            brand[depth] = brandBuilt(of: source, root: root)
            let toSource = String(repeating: "../", count: depth - 1)
            offerViews[depth] = offers.map { offerView($0, values: values, language: language, urlPrefix: toSource) }
            builtOffers[depth] = offerViews[depth]!.map(Built.init)
        }
        var context = SourceContext(
            folder: folder, source: source, values: values, pages: pages, offers: offers, printedLink: printedLink, qr: qr,
            pageViews: pages.map { pageView($0, values: values, reader: language) }, site: site, brand: brand, offerViews: offerViews,
            builtOffers: builtOffers, sourceView: Built(sourceView(source)), wordValues: wordValues,
            words: wordsView(for: source, language: language, values: wordValues),
            preview: previewParts(source: source, language: language, wordValues: wordValues))
        for depth in [1, 2] {
            (context.referral[depth], context.links[depth]) = referralAndLinks(context, depth: depth)
            context.navigation[depth] = pages.indices.map { Built(navigationView(context, index: $0, depth: depth, current: false)) }
        }
        context.handout = handoutView(context)
        // One line per output: each is built in its own file under Views/.
        var jobs: [Job] = []
        jobs += homeJobs(context)
        jobs += pageJobs(context)
        jobs += offerJobs(context)
        jobs += handoutJobs(context)
        jobs += emailJobs(context)
        jobs += shareJobs(context)
        jobs += intakeJobs(context)
        jobs += libraryJobs(context)
        return (jobs, qr, [contactCard(context)] + libraryCalendars(context))
    }
}

extension SiteRenderer {
    /// Per template, the top-level fields its views have in this kit (nil ones left out): what
    /// docs/FORMAT.md says each template sees, read from the files the renderer really makes.
    func fieldsByTemplate() -> [String: Set<String>] {
        var fields: [String: Set<String>] = [:]
        func add(_ template: String, _ view: KitFileView) { fields[template, default: []].formUnion(view.viewObject.fields.map(\.name)) }
        for source in kit.sources {
            for job in jobs(for: source).jobs { add(job.template, job.view) }
        }
        for job in networkJobs() { add(job.template, job.view) }
        add("directory", directoryView())
        return fields
    }
}
