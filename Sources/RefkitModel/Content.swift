/// The kit's content documents: pages (`content/kit/*.md`) and offers (`content/offers/*.md`),
/// each with its translations.

/// What a kit page is for: the handout and the templates pick pages by kind.
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    case page
    case idealClient = "ideal-client"
    case triggerPhrases = "trigger-phrases"
    case howToRefer = "how-to-refer"
    case whatHappensNext = "what-happens-next"
    /// The messages of the source's share page (`S/share.html`), not a page of its own.
    case share
}

/// Markdown with its placement in the file, so placeholders in it can be reported by line.
public struct MarkdownBody: Sendable, Hashable {
    public var text: String
    /// The file line on which `text` starts.
    public var firstLine: Int
    public init(text: String, firstLine: Int) {
        self.text = text
        self.firstLine = firstLine
    }
}

/// `content/kit/*.md`: a page every source gets (if its audience allows).
public struct Page: Sendable, Hashable {
    public var slug: String
    /// Path relative to the kit directory.
    public var file: String
    public var title: String
    public var kind: PageKind
    public var order: Int?
    public var audience: Audience
    public var phrases: [String]
    public var steps: [String]
    /// A share page's ready-made messages (placeholders allowed).
    public var messages: [String]
    public var summary: String?
    public var body: MarkdownBody
    /// `PAGE.LANG.md` files, by tag: this page for readers of that language, whole (front matter
    /// the translation omits is this page's).
    public var translations: [String: Page] = [:]
    /// The language a translation is written in (its file's `.LANG`); nil for the original, which
    /// is in the site's language.
    public var language: String?

    public init(
        slug: String, file: String, title: String, kind: PageKind = .page, order: Int? = nil,
        audience: Audience = .all, phrases: [String] = [], steps: [String] = [], messages: [String] = [],
        summary: String? = nil, body: MarkdownBody
    ) {
        self.messages = messages
        self.slug = slug
        self.file = file
        self.title = title
        self.kind = kind
        self.order = order
        self.audience = audience
        self.phrases = phrases
        self.steps = steps
        self.summary = summary
        self.body = body
    }
}

public enum OfferKind: String, Sendable, Hashable, CaseIterable {
    case coupon
    case giftCertificate = "gift-certificate"
}

/// `content/offers/ID.md`: a coupon or gift certificate.
public struct Offer: Sendable, Hashable {
    public var id: String
    public var file: String
    public var title: String
    public var kind: OfferKind
    public var value: String
    /// The code the prospect quotes; may contain placeholders such as `{{source.code}}`.
    public var code: String
    public var expires: Day?
    public var starts: Day?
    public var audience: Audience
    public var terms: String?
    public var body: MarkdownBody
    /// `ID.LANG.md` files, by tag: this offer for readers of that language, whole.
    public var translations: [String: Offer] = [:]
    /// The language a translation is written in (its file's `.LANG`); nil for the original, which
    /// is in the site's language.
    public var language: String?
    /// `amount:` what the offer is worth, in hundredths: `{{offer.amount}}` writes it in the
    /// reader's language (as `site.yml`'s `currency` when it has one).
    public var amountCents: Int64?

    public init(
        id: String, file: String, title: String, kind: OfferKind, value: String, code: String,
        expires: Day? = nil, starts: Day? = nil, audience: Audience = .all, terms: String? = nil,
        body: MarkdownBody
    ) {
        self.id = id
        self.file = file
        self.title = title
        self.kind = kind
        self.value = value
        self.code = code
        self.expires = expires
        self.starts = starts
        self.audience = audience
        self.terms = terms
        self.body = body
    }

    /// Whether the offer may be published on `day` (both ends inclusive).
    public func isValid(on day: Day) -> Bool {
        (starts.map { $0 <= day } ?? true) && (expires.map { day <= $0 } ?? true)
    }
}
