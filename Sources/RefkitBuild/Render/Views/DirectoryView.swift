import RefkitModel
import RefkitTemplates

/// The directory of every kit, `output/index.html`.
extension SiteRenderer {
    /// `output/index.html`: the directory of every kit (nil for an unlisted kit).
    public func renderDirectory() -> OutputFile? {
        guard !kit.site.unlisted else { return nil }
        return OutputFile(path: "index.html", contents: templates.renderDirectly("directory", directoryView()))
    }

    /// What the directory page shows of `source`.
    func directoryEntry(for source: Source) -> ViewObject {
        ["name": source.name, "code": source.code, "slug": source.slug, "url": "\(directoryName(for: source))/index.html",
         "is_partner": source.segment == .partner]
    }

    /// The fields of `directoryEntry(for:)` in one string: when a source's is unchanged (and no
    /// source came or went), the directory page is unchanged.
    public func listing(of source: Source) -> String {
        [source.name, source.code, source.slug, directoryName(for: source), source.segment.rawValue].joined(separator: "\u{0}")
    }

    func directoryView() -> ViewObject {
        let entry = directoryEntry(for:)
        let partners = kit.sources.filter { $0.segment == .partner }.map(entry)
        let customers = kit.sources.filter { $0.segment == .customer }.map(entry)
        let view: ViewObject = [
            "lang": kit.site.language, "root": "", "noindex": false, "site": siteView(root: ""),
            "brand": Branding(site: kit.site, source: nil).view(root: ""),
            "sources": kit.sources.map(entry), "partners": partners, "customers": customers,
            "has_partners": !partners.isEmpty, "has_customers": !customers.isEmpty,
            "build": ["date": date.description] as ViewObject,
        ]
        return view
    }
}
