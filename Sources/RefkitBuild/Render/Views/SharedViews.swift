import RefkitModel
import RefkitTemplates

/// The views many sources' files show alike, made once when the renderer is made rather than once
/// per source: the site's at each place a source's files are (its folder, `offers/` and
/// `library/`, the e-mail), and the brand a customer's files wear there, which is the business's
/// own (a customer's pages are never co-branded), and where a source's other files are.
struct SharedViews: Sendable {
    private var sites: [String: Built<SiteView>] = [:]
    private var businessBrands: [String: Built<BrandView>] = [:]
    private var links: [Int: Built<LinksView>] = [:]

    static let none = SharedViews()

    private init() {}

    init(_ renderer: SiteRenderer) {
        let email = renderer.emailRoot
        for root in ["../", "../../", email] { sites[root] = Built(renderer.siteView(root: root)) }
        for depth in [1, 2] { links[depth] = Built(renderer.linksView(depth: depth)) }
        let business = Branding(site: renderer.kit.site, source: nil, logos: renderer.kit.logos)
        for (root, place) in [("../", LogoPlace.header), ("../../", .header), ("../", .sheet), (email, .email)] {
            businessBrands[Self.key(root, place)] = Built(business.view(root: root, place: place))
        }
    }

    private static func key(_ root: String, _ place: LogoPlace) -> String { "\(place) \(root)" }

    func site(root: String) -> Built<SiteView>? { sites[root] }

    /// Where a source's other files are from one of its files `depth` folders below output/.
    func links(depth: Int) -> Built<LinksView>? { links[depth] }

    /// The brand of `source`'s files at `root` and `place`, when it is the business's own.
    func brand(of source: Source?, root: String, place: LogoPlace) -> Built<BrandView>? {
        guard !Branding.isCoBranded(source) else { return nil }
        return businessBrands[Self.key(root, place)]
    }
}

extension SiteRenderer {
    /// The site's view with links under `root`, shared when many files show it.
    func siteBuilt(root: String) -> Built<SiteView> {
        shared.site(root: root) ?? Built(siteView(root: root))
    }

    /// The brand `source`'s files wear at `root` and `place` (`Branding`), shared when it is the
    /// business's own.
    func brandBuilt(of source: Source?, root: String, place: LogoPlace = .header) -> Built<BrandView> {
        shared.brand(of: source, root: root, place: place)
            ?? Built(Branding(site: kit.site, source: source, logos: kit.logos).view(root: root, place: place))
    }

    /// Where the e-mail's links and images are: `site.url`, ending in `/`.
    var emailRoot: String { kit.site.url.hasSuffix("/") ? kit.site.url : kit.site.url + "/" }
}
