import RefkitModel
import RefkitTemplates

/// Where a logo is drawn, and the room it gets there. Every logo gets the same area, whatever its
/// shape, within the widest and tallest the place allows: a wide wordmark is drawn wide, a tall
/// one tall, a square one square, each as large as the others to the eye (docs/FORMAT.md,
/// "Reaching every reader").
enum LogoPlace {
    /// The header of every page on screen (it fits a 320 px phone).
    case header
    /// The handout's header, printed.
    case sheet
    /// The e-mail's header (drawn into PNG at twice this size).
    case email

    var room: (area: Double, maxWidth: Double, maxHeight: Double) {
        switch self {
        case .header: (4_800, 280, 120)
        case .sheet: (6_400, 300, 130)
        case .email: (6_400, 300, 120)
        }
    }

    /// The size a logo is drawn at here, in CSS pixels.
    func size(of logo: Logo) -> (width: Int, height: Int) {
        let (area, maxWidth, maxHeight) = room
        let ratio = logo.ratio
        var width = (area * ratio).squareRoot(), height = width / ratio
        if width > maxWidth { (width, height) = (maxWidth, maxWidth / ratio) }
        if height > maxHeight { (width, height) = (maxHeight * ratio, maxHeight) }
        // An SVG logo's smallest text stands at least 10 px tall where the room allows.
        if let text = logo.smallestText, height * text < Self.textHeight {
            height = min(Self.textMaxHeight, maxWidth / ratio, Self.textHeight / text)
            width = height * ratio
        }
        return (max(1, Int(width.rounded())), max(1, Int(height.rounded())))
    }

    /// How tall a logo's smallest text is drawn, at least, where the place has room (CSS px).
    static let textHeight = 10.0
    /// How tall a logo may grow, in any place, for its text to reach `textHeight`.
    static let textMaxHeight = 160.0

    /// In the e-mail an SVG logo is drawn on white, this far in from its edges (CSS pixels).
    static let emailInset = 6

    /// The size of a logo's image in the e-mail: an SVG's PNG includes its white margin, and the
    /// whole image stays within the place's room (300 px wide at most, as FORMAT.md says).
    static func emailSize(of logo: Logo) -> (width: Int, height: Int) {
        let (width, height) = email.size(of: logo)
        guard logo.svg != nil else { return (width, height) }
        let (_, maxWidth, maxHeight) = email.room
        let inner = Double(2 * emailInset)
        let scale = min(1, (maxWidth - inner) / Double(width), (maxHeight - inner) / Double(height))
        return (Int((Double(width) * scale).rounded()) + 2 * emailInset, Int((Double(height) * scale).rounded()) + 2 * emailInset)
    }

    /// A logo's shape, for styles: `wide` (2.5:1 or wider), `tall` (taller than 4:5) or `square`.
    static func shape(of logo: Logo) -> String {
        logo.ratio >= 2.5 ? "wide" : logo.ratio <= 0.8 ? "tall" : "square"
    }

    /// Where the e-mail's PNG of an SVG logo is written: `assets/x.svg` → `assets/email/x.png`.
    static func emailPath(of logo: Logo) -> String {
        let name = logo.path.dropFirst("assets/".count)
        let stem = name.hasSuffix(".svg") || name.hasSuffix(".SVG") ? name.dropLast(4) : name
        return OutputPlan.emailLogosFolder + "/" + stem + ".png"
    }
}

/// `brand.logos.partner`, `brand.logos.site`: a logo placed by its shape, with the size it is drawn
/// at (`width`, `height`, for the `<img>` attributes) and its `shape` (`wide`, `tall`, `square`).
struct LogoView: ViewModel {
    var url: String
    var alt: String
    var width: Int
    var height: Int
    var shape: String

    init(_ logo: Logo, url: String, alt: String, place: LogoPlace) {
        self.url = url
        self.alt = alt
        (width, height) = place == .email ? LogoPlace.emailSize(of: logo) : place.size(of: logo)
        shape = LogoPlace.shape(of: logo)
    }

    static let fields: [ViewField<Self>] = [
        .text("url") { $0.url }, .text("alt") { $0.alt }, .number("width") { $0.width }, .number("height") { $0.height },
        .text("shape") { $0.shape },
    ]

    static let about: [String: String] = [
        "url": "the logo's file, relative to this file",
        "alt": "its text alternative (the name)",
        "width": "its width in CSS pixels",
        "height": "its height in CSS pixels",
        "shape": "`wide`, `tall` or `square`",
    ]
}

/// `brand.logos`: the partner's logo (co-branded pages) and the site's, each placed by its shape;
/// absent when there is neither.
struct LogosView: ViewModel {
    var partner: LogoView?
    var site: LogoView?

    static let fields: [ViewField<Self>] = [.object("partner") { $0.partner }, .object("site") { $0.site }]

    static let about: [String: String] = [
        "partner": "the partner's logo (co-branded pages)",
        "site": "the business's logo",
    ]
}
