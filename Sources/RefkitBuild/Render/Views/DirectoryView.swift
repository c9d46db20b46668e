import RefkitI18n
import RefkitModel
import RefkitTemplates

/// The directory of every kit, `output/index.html`.
extension SiteRenderer {
    /// `output/index.html`: the directory of every kit (nil for an unlisted kit).
    public func renderDirectory() -> OutputFile? {
        guard !kit.site.unlisted else { return nil }
        return OutputFile(path: OutputPlan.directoryPage, contents: templates.renderDirectly("directory", directoryView().viewObject))
    }

    /// What the directory page shows of `source`.
    func directoryEntry(for source: Source) -> DirectoryEntryView {
        DirectoryEntryView(name: source.name, code: source.code, slug: source.slug,
                           url: OutputPlan.SourceFile.home.path(in: directoryName(for: source)), isPartner: source.segment == .partner)
    }

    /// The fields of `directoryEntry(for:)` in one string: when a source's is unchanged (and no
    /// source came or went), the directory page is unchanged.
    public func listing(of source: Source) -> String {
        guard source.isInDirectory else { return "" }
        return [source.name, source.code, source.slug, directoryName(for: source), source.segment.rawValue].joined(separator: "\u{0}")
    }

    /// Partners, and the customers who opted in with `listed: true` (customers are people: FORMAT.md,
    /// "Privacy by default").
    func directoryView() -> KitFileView {
        let entry = directoryEntry(for:)
        let listed = kit.sources.filter(\.isInDirectory)
        let partners = listed.filter { $0.segment == .partner }.map(entry)
        let customers = listed.filter { $0.segment == .customer }.map(entry)
        let language = kit.site.language
        var view = KitFileView(
            lang: language, dir: Language.direction(of: language), root: "", noindex: false, site: Built(siteView(root: "")),
            brand: Built(Branding(site: kit.site, source: nil, logos: kit.logos).view(root: "")), build: BuildView(date: date.description),
            sources: listed.map(entry), partners: partners, customers: customers,
            hasPartners: !partners.isEmpty, hasCustomers: !customers.isEmpty,
            t: wordsView(for: nil, language: language))
        view.preview = preview(path: OutputPlan.directoryPage, title: words(for: language).text("directory_title") + " · " + kit.site.name,
                               description: nil, parts: previewParts(source: nil, language: language))
        return view
    }
}

/// Each of the directory's `sources`, `partners` and `customers`.
struct DirectoryEntryView: ViewModel {
    var name: String
    var code: String
    var slug: String
    var url: String
    var isPartner: Bool

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("code") { $0.code }, .number("code_length") { $0.code.count }, .text("slug") { $0.slug }, .text("url") { $0.url },
        .flag("is_partner") { $0.isPartner },
    ]

    static let about: [String: String] = [
        "name": "the source's name",
        "code": "its referral code",
        "code_length": "how many characters the code has",
        "slug": "its slug",
        "url": "its kit folder, relative to the directory page",
        "is_partner": "true for a partner",
    ]
}
