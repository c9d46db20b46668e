import RefkitModel
import RefkitTemplates

/// The partner-branding layer: the site's brand and, for a partner, its own, computed into one
/// value per source. Every background colour comes with a readable text colour (black or white,
/// whichever contrasts more: always at least 4.5:1 under WCAG 2.2), and the primary colour has an
/// `ink` version, darkened until it reads at 4.5:1 as text on white.
struct Branding {
    static let defaultPrimary = Color(hex: "#24415f")!
    static let defaultAccent = Color(hex: "#f2b544")!
    /// The darkest of the light backgrounds a brand's lines and bars sit on (the page, cards,
    /// the e-mail's margin): a `…_line` colour is darkened until it reads at 3:1 against it.
    static let lightest = Color(hex: "#f4f4f1")!

    let site: Palette
    let partner: Palette?
    let siteLogo: Logo?
    let partnerLogo: Logo?
    let title: String
    let siteName: String
    let partnerName: String?

    /// - Parameter logos: the kit's images by path (`Kit.logos`), for the logos' shapes.
    init(site: Site, source: Source?, logos: [String: Logo]) {
        siteName = site.name
        self.site = Palette(primary: site.colors.primary ?? Self.defaultPrimary, accent: site.colors.accent ?? Self.defaultAccent)
        siteLogo = site.logo.flatMap { logos[$0] }
        partnerName = source?.name
        if let source, Self.isCoBranded(source), let brand = source.brand {
            partner = brand.colors
            partnerLogo = brand.logo.flatMap { logos[$0] }
        } else {
            partner = nil
            partnerLogo = nil
        }
        title = Self.names(source: source, business: site.name)
    }

    /// What joins a partner's name to the business's: "Partner × Business".
    static let coBrandJoin = " × "

    /// The names a source's pages go by: "Partner × Business" for a partner (the header's title,
    /// the link preview's alt text, the card), the business's alone for a customer (whose name is
    /// never on a public image).
    static func names(source: Source?, business: String) -> String {
        guard let source, isCoBranded(source) else { return business }
        return source.name + coBrandJoin + business
    }

    /// Whether `source`'s pages are co-branded: a partner's are; a customer's (and the pages of
    /// no source) wear the business's brand alone.
    static func isCoBranded(_ source: Source?) -> Bool { source?.segment == .partner }

    var primary: Color { partner?.primary ?? site.primary! }
    var accent: Color { partner?.accent ?? site.accent! }

    /// The view templates see as `brand`; `root` is the relative path (or the address) of the
    /// output root, `place` where its logos are drawn. In the e-mail an SVG logo is its PNG.
    func view(root: String, place: LogoPlace = .header) -> BrandView {
        func url(_ logo: Logo) -> String { root + (place == .email && logo.svg != nil ? LogoPlace.emailPath(of: logo) : logo.path) }
        return BrandView(
            primary: primary, accent: accent, title: title, coBranded: partnerLogo != nil || partner != nil,
            // Without a logo the header's wordmark already names the site; the title would repeat it.
            showTitle: title != siteName || siteLogo != nil,
            site: PaletteView(site), partner: partner.map(PaletteView.init),
            siteLogo: siteLogo.map { root + $0.path }, partnerLogo: partnerLogo.map { root + $0.path },
            logos: partnerLogo == nil && siteLogo == nil ? nil : LogosView(
                partner: partnerLogo.map { LogoView($0, url: url($0), alt: partnerName ?? "", place: place) },
                site: siteLogo.map { LogoView($0, url: url($0), alt: siteName, place: place) }))
    }
}

/// `brand`: the colours and logos a page wears (the partner's beside the site's when co-branded).
/// Every background colour comes with its readable text colour (`on_…`), the primary with its `ink`
/// (text on white), and both with a `line` (borders, bars, a button's edge: 3:1 on light grounds).
struct BrandView: ViewModel {
    var primary: Color
    var accent: Color
    var title: String
    var coBranded: Bool
    var showTitle: Bool
    var site: PaletteView
    var partner: PaletteView?
    var siteLogo: String?
    var partnerLogo: String?
    var logos: LogosView?

    static let fields: [ViewField<Self>] = [
        .text("primary") { $0.primary.description }, .text("on_primary") { $0.primary.readableText.description },
        .text("primary_ink") { $0.primary.darkened().description },
        .text("primary_line") { $0.primary.darkened(toContrast: 3, against: Branding.lightest).description },
        .text("accent") { $0.accent.description }, .text("on_accent") { $0.accent.readableText.description },
        .text("accent_line") { $0.accent.darkened(toContrast: 3, against: Branding.lightest).description },
        .text("title") { $0.title }, .flag("co_branded") { $0.coBranded }, .flag("show_title") { $0.showTitle },
        .object("site") { $0.site }, .object("partner") { $0.partner },
        .text("site_logo") { $0.siteLogo }, .text("partner_logo") { $0.partnerLogo },
        .object("logos") { $0.logos },
    ]

    static let about: [String: String] = [
        "primary": "the primary colour (the partner's on co-branded pages)",
        "on_primary": "a text colour readable on `primary`",
        "primary_ink": "`primary` darkened for text on white",
        "primary_line": "`primary` darkened to a visible line on white",
        "accent": "the accent colour",
        "on_accent": "a text colour readable on `accent`",
        "accent_line": "`accent` darkened to a visible line on white",
        "title": "the header's title (\"Partner × Business\" when co-branded)",
        "co_branded": "true on a partner's pages",
        "show_title": "true when the header shows `title` as text",
        "site": "the business's colours",
        "partner": "the partner's colours",
        "site_logo": "the business's logo file, relative to this file",
        "partner_logo": "the partner's logo file, relative to this file",
        "logos": "both logos, each placed by its shape",
    ]
}

/// `brand.site`, `brand.partner`: one side's own colours, each as set.
struct PaletteView: ViewModel {
    var palette: Palette

    init(_ palette: Palette) { self.palette = palette }

    static let fields: [ViewField<Self>] = [
        .text("primary") { $0.palette.primary?.description },
        .text("on_primary") { $0.palette.primary?.readableText.description },
        .text("primary_ink") { $0.palette.primary?.darkened().description },
        .text("accent") { $0.palette.accent?.description },
        .text("on_accent") { $0.palette.accent?.readableText.description },
    ]

    static let about: [String: String] = [
        "primary": "the primary colour",
        "on_primary": "a text colour readable on it",
        "primary_ink": "it, darkened for text on white",
        "accent": "the accent colour",
        "on_accent": "a text colour readable on it",
    ]
}
