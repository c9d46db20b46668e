import RefkitTemplates

/// What every template sees (FORMAT.md's view). One type for every file refkit renders, so its
/// schema, the one `refkit check` reads templates against and docs/FORMAT.md lists, is the union
/// of them all; a field a file does not have is nil.
struct KitFileView: ViewModel {
    var lang: String
    /// `ltr`, or `rtl` for a language written right to left.
    var dir: String
    /// The relative path to output/ (`../`, `../../`), or `site.url` in an e-mail.
    var root: String
    var home: String?
    var noindex: Bool
    var isHome: Bool?
    var site: Built<SiteView>
    var source: Built<SourceFacts>?
    var brand: Built<BrandView>
    var pages: [Built<PageView>]?
    var offers: [Built<OfferView>]?
    var hasOffers: Bool?
    var referral: Built<ReferralView>?
    var links: Built<LinksView>?
    var build: BuildView
    var page: PageView?
    var offer: Built<OfferView>?
    var content: String?
    var handout: HandoutView?
    var stats: StatsView?
    var sources: [DirectoryEntryView]?
    var partners: [DirectoryEntryView]?
    var customers: [DirectoryEntryView]?
    var hasPartners: Bool?
    var hasCustomers: Bool?
    /// refkit's own words in the reader's language.
    var t: Built<WordsView>
    /// The e-mail's sentences (only in the e-mail).
    var email: EmailSentences?
    /// The share page's messages (only in `share.html`).
    var share: ShareView?
    /// The refer-someone form (only in `refer.html`).
    var intake: IntakeView?
    /// A library page's piece (`S/library/ID.html`), and the source's library (its home).
    var libraryPiece: LibraryPieceView?
    var library: [LibraryPieceView]?
    /// The network blog: a post's page, the posts of an index page or of a partner's home, and
    /// where a blog page is.
    var post: PostView?
    var posts: [PostView]?
    var network: NetworkPageView?
    /// What a link preview shows of the page (absent in the e-mail).
    var preview: PreviewView?

    static let fields: [ViewField<Self>] = [
        .text("lang") { $0.lang }, .text("dir") { $0.dir }, .text("root") { $0.root }, .text("home") { $0.home },
        .flag("noindex") { $0.noindex }, .flag("is_home") { $0.isHome },
        .object("site") { $0.site }, .object("source") { $0.source }, .object("brand") { $0.brand },
        .list("pages") { $0.pages }, .list("offers") { $0.offers }, .flag("has_offers") { $0.hasOffers },
        .object("referral") { $0.referral }, .object("links") { $0.links }, .object("build") { $0.build },
        .object("page") { $0.page }, .object("offer") { $0.offer }, .text("content") { $0.content },
        .object("handout") { $0.handout }, .object("stats") { $0.stats },
        .list("sources") { $0.sources }, .list("partners") { $0.partners }, .list("customers") { $0.customers },
        .flag("has_partners") { $0.hasPartners }, .flag("has_customers") { $0.hasCustomers },
        .object("t") { $0.t }, .object("email") { $0.email }, .object("share") { $0.share }, .object("intake") { $0.intake },
        .object("library_piece") { $0.libraryPiece }, .list("library") { $0.library },
        .flag("has_library") { $0.library.map { !$0.isEmpty } }, .object("post") { $0.post }, .list("posts") { $0.posts },
        .flag("has_posts") { $0.posts.map { !$0.isEmpty } }, .object("network") { $0.network },
        .object("preview") { $0.preview },
    ]

    static let about: [String: String] = [
        "lang": "the reader's language, a BCP 47 tag (`<html lang>`)",
        "dir": "`ltr`, or `rtl` for a language written right to left",
        "root": "the relative path to `output/` (`../`, `../../`); `site.url` in an e-mail",
        "home": "the link to the kit's home page (the directory page on a blog page; absent when unlisted)",
        "noindex": "true when search engines must not index the page (customers' pages, unlisted kits)",
        "is_home": "true on a source's kit home",
        "site": "the business",
        "source": "the referral source this kit is for (absent on the directory and blog pages)",
        "brand": "colours, title and logos: the business's, or co-branded with a partner's",
        "pages": "the kit pages this source gets, in order",
        "offers": "the offers this source gets that are live on the build date",
        "has_offers": "true when `offers` is not empty",
        "referral": "the source's tracked referral link and its QR code",
        "links": "where the source's other files are, relative to this one",
        "build": "the build",
        "page": "the page being rendered (`page` template)",
        "offer": "the offer being rendered (`offer` template)",
        "content": "the page's, piece's or post's Markdown rendered to HTML, placeholders filled (use `{{{content}}}`)",
        "handout": "what the handout and the e-mail show",
        "stats": "the source's referrals this year, with `show_stats: true`",
        "sources": "every source the directory lists",
        "partners": "the partners the directory lists",
        "customers": "the customers the directory lists (`listed: true`)",
        "has_partners": "true when `partners` is not empty",
        "has_customers": "true when `customers` is not empty",
        "t": "refkit's own words in the reader's language (`templates/i18n/LANG.yml`)",
        "email": "the e-mail's sentences that carry values",
        "share": "the share page's messages",
        "intake": "where the refer-someone form (`refer.html`) sends what a source fills in",
        "library_piece": "the library piece being rendered (`library` template)",
        "library": "the library pieces this source passes on (its kit home)",
        "has_library": "true when `library` is not empty",
        "post": "the post being rendered (`post` template)",
        "posts": "the posts of a blog page, or a partner's posts on its kit home",
        "has_posts": "true when `posts` is not empty",
        "network": "where a blog page is among the blog's pages",
        "preview": "what a link preview shows of the page: Open Graph title, description, address and card (absent in the e-mail)",
    ]
}

/// `site`: the business.
struct SiteView: ViewModel {
    var name: String
    var url: String
    var referralURL: String
    var language: String
    var campaign: String
    var logo: String?
    var contact: ContactView
    var hasContact: Bool

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("url") { $0.url }, .text("referral_url") { $0.referralURL },
        .text("language") { $0.language }, .text("campaign") { $0.campaign }, .object("contact") { $0.contact },
        .flag("has_contact") { $0.hasContact }, .text("logo") { $0.logo },
    ]

    static let about: [String: String] = [
        "name": "the business's name",
        "url": "where `output/` is published (`site.url`)",
        "referral_url": "where referred people land, before refkit adds the source's parameters",
        "language": "the site's language (`site.yml`'s `language`)",
        "campaign": "the `utm_campaign` of every referral link",
        "contact": "the business's contact",
        "has_contact": "true when the contact has a name, e-mail or phone",
        "logo": "the business's logo, relative to this file",
    ]
}

/// `source`: the customer or partner the kit is for.
struct SourceFacts: ViewModel {
    var name: String
    var slug: String
    var segment: String
    var code: String
    var contact: ContactView
    var isPartner: Bool
    var isCustomer: Bool
    var message: String?
    /// Who signs for the source, when that is a person apart from the source's own name.
    var signedBy: String?
    var reward: String?

    /// ` lang="…"` when the reward is not in the source's language (`site.yml`'s, untranslated).
    var rewardLangAttr = ""

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("slug") { $0.slug }, .text("segment") { $0.segment },
        .text("code") { $0.code }, .number("code_length") { $0.code.count }, .object("contact") { $0.contact },
        .flag("is_partner") { $0.isPartner }, .flag("is_customer") { $0.isCustomer },
        .text("message") { $0.message }, .text("signed_by") { $0.signedBy }, .text("reward") { $0.reward },
        .text("reward_lang_attr") { $0.rewardLangAttr },
    ]

    static let about: [String: String] = [
        "name": "the source's name",
        "slug": "the source's file name without `.yml`",
        "segment": "`partner` or `customer`",
        "code": "the source's referral code",
        "code_length": "how many characters the code has (to size it)",
        "contact": "the source's contact person (shown to the source only)",
        "is_partner": "true for a partner",
        "is_customer": "true for a customer",
        "message": "the business's personal note to the source",
        "signed_by": "who signs the note (the business's contact and name)",
        "reward": "what the source gets for a referral, in its language",
        "reward_lang_attr": "` lang=\"…\"` (and `dir`) when the reward is `site.yml`'s, untranslated for the source's language, else empty",
    ]
}

/// `site.contact`, `source.contact`.
struct ContactView: ViewModel {
    var name: String?
    var email: String?
    var phone: String?

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("email") { $0.email }, .text("phone") { $0.phone },
        .text("email_html") { $0.email.map(Breaking.html) },
    ]

    static let about: [String: String] = [
        "name": "a person's name",
        "email": "an e-mail address",
        "email_html": "the address as HTML that breaks only after `@` or `.` (`<wbr>`; use `{{{…}}}`)",
        "phone": "a phone number",
    ]
}

/// `referral`: the source's tracked link and its QR code.
struct ReferralView: ViewModel {
    var link: String
    /// What printed things show: `site.url/r/CODE` with `short_links: true`, else `link`.
    var printedLink: String
    /// The QR code inline (absent in the e-mail, which links `qr_url`).
    var qrSVG: String?
    var qrURL: String
    /// The QR code's size in CSS pixels (its file's `width` and `height`).
    var qrSize: Int?

    static let fields: [ViewField<Self>] = [
        .text("link") { $0.link }, .text("printed_link") { $0.printedLink }, .text("printed_link_html") { Breaking.html($0.printedLink) }, .text("qr_svg") { $0.qrSVG },
        .text("qr_url") { $0.qrURL }, .number("qr_size") { $0.qrSize },
    ]

    static let about: [String: String] = [
        "link": "the tracked referral link (`referral_url` with `ref`, `utm_*`)",
        "printed_link": "what printed things carry: the short link with `short_links: true`, else the referral link",
        "printed_link_html": "`printed_link` as HTML that breaks only after `/`, `.`, `?`, `&` or `=` (`<wbr>`; use `{{{…}}}`)",
        "qr_svg": "the QR code of `printed_link`, as inline SVG (use `{{{referral.qr_svg}}}`)",
        "qr_url": "the QR code's file, `qr.svg`, relative to this file (every page links it: a browser fetches it once; a PDF prints it as the page shows it)",
        "qr_size": "the QR code's width and height in CSS pixels, for an `<img>` of `qr_url`",
    ]
}

/// `links`: the source's other files, relative to the file showing them.
struct LinksView: ViewModel {
    var handout: String
    var email: String
    var emailText: String
    var contactCard: String
    var share: String
    /// The refer-someone form, when the site has one.
    var refer: String?
    /// The network blog's index, when the kit has one.
    var network: String?

    static let fields: [ViewField<Self>] = [
        .text("handout") { $0.handout }, .text("email") { $0.email }, .text("email_text") { $0.emailText },
        .text("contact_card") { $0.contactCard }, .text("share") { $0.share }, .text("refer") { $0.refer },
        .text("network") { $0.network },
    ]

    static let about: [String: String] = [
        "handout": "the handout page",
        "email": "the HTML introduction e-mail",
        "email_text": "the plain-text e-mail",
        "contact_card": "the business's vCard, `contact.vcf`",
        "share": "the share page",
        "refer": "the refer-someone form, `refer.html` (absent when the site has no `intake` and no `contact.email`)",
        "network": "the network blog's first page (absent without posts)",
    ]
}

/// `build`: the build date.
struct BuildView: ViewModel {
    var date: String

    static let fields: [ViewField<Self>] = [.text("date") { $0.date }]

    static let about: [String: String] = [
        "date": "the build date, `YYYY-MM-DD`",
    ]
}

/// An address or link as HTML that a line may break only where a reader expects it: after `@`,
/// `/`, `.`, `?`, `&` or `=` (`<wbr>`), never inside a word (`referrals@lumenphysio.examp` / `le`).
enum Breaking {
    static func html(_ text: String) -> String {
        var html: [UInt8] = []
        html.reserveCapacity(text.utf8.count + 32)
        for byte in Escape.html(text).utf8 {
            html.append(byte)
            // After the escaping, `&` starts an entity (`&amp;`): a break goes after the entity's `;`.
            switch byte {
            case UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "="): html += Self.wbr
            case UInt8(ascii: ";") where html.count >= 5 && html.suffix(5).elementsEqual("&amp;".utf8): html += Self.wbr
            default: break
            }
        }
        return String(decoding: html, as: UTF8.self)
    }

    private static let wbr = Array("<wbr>".utf8)
}
