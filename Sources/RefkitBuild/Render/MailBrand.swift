import RefkitModel

/// The business's look in a message it sends a source (`refkit outbox`): the e-mail's colours
/// and its logo as the e-mail draws it (an SVG logo as its PNG, `assets/email/NAME.png`), every
/// address absolute under `site.url`.
public struct MailBrand: Sendable {
    public struct Logo: Sendable {
        public var url: String
        public var alt: String
        public var width: Int
        public var height: Int
    }

    public var primary: String
    public var onPrimary: String
    public var primaryLine: String
    public var logo: Logo?

    public init(site: Site, logos: [String: RefkitModel.Logo]) {
        let branding = Branding(site: site, source: nil, logos: logos)
        let view = branding.view(root: site.url.hasSuffix("/") ? site.url : site.url + "/", place: .email)
        primary = view.primary.description
        onPrimary = view.primary.readableText.description
        primaryLine = view.primary.darkened(toContrast: 3, against: Branding.lightest).description
        logo = view.logos?.site.map { Logo(url: $0.url, alt: $0.alt, width: $0.width, height: $0.height) }
    }
}
