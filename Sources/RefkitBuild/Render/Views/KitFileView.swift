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
    var pages: [PageView]?
    var offers: [Built<OfferView>]?
    var hasOffers: Bool?
    var referral: ReferralView?
    var links: LinksView?
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
    /// A library page's piece (`S/library/ID.html`), and the source's library (its home).
    var libraryPiece: LibraryPieceView?
    var library: [LibraryPieceView]?
    /// The network blog: a post's page, the posts of an index page or of a partner's home, and
    /// where a blog page is.
    var post: PostView?
    var posts: [PostView]?
    var network: NetworkPageView?

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
        .object("t") { $0.t }, .object("email") { $0.email }, .object("share") { $0.share },
        .object("library_piece") { $0.libraryPiece }, .list("library") { $0.library },
        .flag("has_library") { $0.library.map { !$0.isEmpty } }, .object("post") { $0.post }, .list("posts") { $0.posts },
        .flag("has_posts") { $0.posts.map { !$0.isEmpty } }, .object("network") { $0.network },
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

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("slug") { $0.slug }, .text("segment") { $0.segment },
        .text("code") { $0.code }, .number("code_length") { $0.code.count }, .object("contact") { $0.contact },
        .flag("is_partner") { $0.isPartner }, .flag("is_customer") { $0.isCustomer },
        .text("message") { $0.message }, .text("signed_by") { $0.signedBy }, .text("reward") { $0.reward },
    ]
}

/// `site.contact`, `source.contact`.
struct ContactView: ViewModel {
    var name: String?
    var email: String?
    var phone: String?

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("email") { $0.email }, .text("phone") { $0.phone },
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

    static let fields: [ViewField<Self>] = [
        .text("link") { $0.link }, .text("printed_link") { $0.printedLink }, .text("qr_svg") { $0.qrSVG },
        .text("qr_url") { $0.qrURL },
    ]
}

/// `links`: the source's other files, relative to the file showing them.
struct LinksView: ViewModel {
    var handout: String
    var email: String
    var emailText: String
    var contactCard: String
    var share: String
    /// The network blog's index, when the kit has one.
    var network: String?

    static let fields: [ViewField<Self>] = [
        .text("handout") { $0.handout }, .text("email") { $0.email }, .text("email_text") { $0.emailText },
        .text("contact_card") { $0.contactCard }, .text("share") { $0.share }, .text("network") { $0.network },
    ]
}

/// `build`: the build date.
struct BuildView: ViewModel {
    var date: String

    static let fields: [ViewField<Self>] = [.text("date") { $0.date }]
}
