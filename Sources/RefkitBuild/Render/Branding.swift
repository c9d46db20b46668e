import RefkitModel
import RefkitTemplates

/// The partner-branding layer: the site's brand and, for a partner, its own, computed into one
/// value per source. Every background colour comes with a readable text colour (black or white,
/// whichever contrasts more: always at least 4.5:1 under WCAG 2.2), and the primary colour has an
/// `ink` version, darkened until it reads at 4.5:1 as text on white.
struct Branding {
    static let defaultPrimary = Color(hex: "#24415f")!
    static let defaultAccent = Color(hex: "#f2b544")!

    let site: Palette
    let partner: Palette?
    let siteLogo: String?
    let partnerLogo: String?
    let title: String
    let siteName: String

    init(site: Site, source: Source?) {
        siteName = site.name
        self.site = Palette(primary: site.colors.primary ?? Self.defaultPrimary, accent: site.colors.accent ?? Self.defaultAccent)
        siteLogo = site.logo
        if let source, source.segment == .partner, let brand = source.brand {
            partner = brand.colors
            partnerLogo = brand.logo
        } else {
            partner = nil
            partnerLogo = nil
        }
        if let source, source.segment == .partner {
            title = "\(source.name) × \(site.name)"
        } else {
            title = site.name
        }
    }

    var primary: Color { partner?.primary ?? site.primary! }
    var accent: Color { partner?.accent ?? site.accent! }

    /// The view templates see as `brand`; `root` is the relative path to the output root.
    func view(root: String) -> ViewObject {
        var view: ViewObject = [
            "primary": primary.description, "on_primary": primary.readableText.description,
            "primary_ink": primary.darkened().description,
            "accent": accent.description, "on_accent": accent.readableText.description,
            "title": title, "co_branded": partnerLogo != nil || partner != nil,
            // Without a logo the header's wordmark already names the site; the title would repeat it.
            "show_title": title != siteName || siteLogo != nil,
            "site": Self.paletteView(site),
        ]
        if let partner { view["partner"] = .object(Self.paletteView(partner)) }
        if let siteLogo { view["site_logo"] = .text(root + siteLogo) }
        if let partnerLogo { view["partner_logo"] = .text(root + partnerLogo) }
        return view
    }

    private static func paletteView(_ palette: Palette) -> ViewObject {
        var view = ViewObject()
        if let primary = palette.primary {
            view["primary"] = .text(primary.description)
            view["on_primary"] = .text(primary.readableText.description)
            view["primary_ink"] = .text(primary.darkened().description)
        }
        if let accent = palette.accent {
            view["accent"] = .text(accent.description)
            view["on_accent"] = .text(accent.readableText.description)
        }
        return view
    }
}
