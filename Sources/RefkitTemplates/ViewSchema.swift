/// The shape of the view every template sees: FORMAT.md's `site`, `source`, `page`, `pages`,
/// `offers`, `referral`, `brand`, `content`, `build`, and refkit's additions. The renderer builds
/// dictionaries of this shape (a test checks every key it produces is here), and `refkit check`
/// reports template tags that name anything else.
public indirect enum ViewSchema: Sendable {
    /// A string, Bool or number.
    case value
    case object([String: ViewSchema])
    case list(ViewSchema)

    static func values(_ names: String...) -> [String: ViewSchema] {
        Dictionary(uniqueKeysWithValues: names.map { ($0, .value) })
    }

    public static let contact = ViewSchema.object(values("name", "email", "phone"))
    public static let palette = ViewSchema.object(values("primary", "on_primary", "primary_ink", "accent", "on_accent"))
    public static let brand = ViewSchema.object(
        values("primary", "on_primary", "primary_ink", "accent", "on_accent", "title", "co_branded", "show_title", "site_logo", "partner_logo")
            .merging(["site": palette, "partner": palette]) { a, _ in a })
    public static let site = ViewSchema.object(
        values("name", "url", "referral_url", "language", "campaign", "logo", "has_contact").merging(["contact": contact]) { a, _ in a })
    public static let source = ViewSchema.object(
        values("name", "slug", "segment", "code", "message", "reward", "signed_by", "is_partner", "is_customer")
            .merging(["contact": contact]) { a, _ in a })
    public static let page = ViewSchema.object(
        values("title", "slug", "kind", "summary", "has_phrases", "has_steps", "url", "current",
               "is_page", "is_ideal_client", "is_trigger_phrases", "is_how_to_refer", "is_what_happens_next")
            .merging(["phrases": .list(.value), "steps": .list(.value)]) { a, _ in a })
    public static let offer = ViewSchema.object(
        values("id", "title", "kind", "is_coupon", "is_gift_certificate", "value", "code", "url", "terms",
               "expires", "expires_text", "starts", "starts_text", "validity_text"))
    public static let handout = ViewSchema.object([
        "who": .object(values("title", "summary")), "next": .object(values("title", "summary")),
        "phrases": .list(.value), "steps": .list(.value), "has_phrases": .value, "has_steps": .value, "offer": offer,
        "has_guide": .value, "pages": .list(.object(values("title", "summary"))),
    ])
    public static let directoryEntry = ViewSchema.object(values("name", "code", "slug", "url", "is_partner"))

    /// The root of every view.
    public static let root = ViewSchema.object(
        values("lang", "root", "home", "noindex", "is_home", "content", "has_offers", "has_partners", "has_customers")
            .merging([
                "site": site, "source": source, "brand": brand, "page": page, "pages": .list(page),
                "offers": .list(offer), "offer": offer, "handout": handout,
                "referral": .object(values("link", "qr_svg", "qr_url")),
                "links": .object(values("handout", "email", "email_text")),
                "build": .object(values("date")),
                "stats": .object(values("year", "referrals", "clients", "text")),
                "sources": .list(directoryEntry), "partners": .list(directoryEntry), "customers": .list(directoryEntry),
            ]) { a, _ in a })

    /// Every name a template may use, one Markdown list item each (`- `site.contact.name``), for
    /// docs/FORMAT.md: generated, never copied (a test compares the two).
    public var documentation: String {
        func lines(_ schema: ViewSchema, _ prefix: String) -> [String] {
            switch schema {
            case .value: return ["- `\(prefix)`"]
            case .list(let element):
                let inner = lines(element, "")
                return ["- `\(prefix)`: a list" + (inner == ["- ``"] ? " of text" : ", each with:")]
                    + (inner == ["- ``"] ? [] : inner.map { "  " + $0 })
            case .object(let fields):
                return fields.sorted { $0.key < $1.key }.flatMap { key, value in
                    lines(value, prefix.isEmpty ? key : prefix + "." + key)
                }
            }
        }
        return lines(self, "").joined(separator: "\n") + "\n"
    }

    var fields: [String: ViewSchema] {
        if case .object(let fields) = self { return fields }
        return [:]
    }

    /// Every object in the schema (list elements included): the scopes a partial may be used in.
    var allScopes: [ViewSchema] {
        switch self {
        case .value: []
        case .list(let element): element.allScopes
        case .object(let fields): [self] + fields.sorted { $0.key < $1.key }.flatMap(\.value.allScopes)
        }
    }
}
