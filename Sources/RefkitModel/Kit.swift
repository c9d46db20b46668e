/// A validated referral kit: everything `render` needs, with no file access and no errors left.
/// Built by `validate` from what `load` read; see docs/ARCHITECTURE.md.
public struct Kit: Sendable {
    public var site: Site
    /// Kit pages in navigation order (`order`, then file name).
    public var pages: [Page]
    /// Offers by id.
    public var offers: [Offer]
    /// Referral sources, sorted by slug (`firstIndex(ofSlug:)` finds one).
    public var sources: [Source]
    /// Files copied to `output/assets/`, by output path.
    public var assets: [Asset]
    /// The kit's own words, `templates/i18n/LANG.yml`: by tag, key → text (over refkit's).
    public var words: [String: [String: String]]
    /// Every image under assets/ whose shape could be read (what a logo may name), by output path.
    public var logos: [String: Logo]
    /// `content/library/*.md`, by id.
    public var library: [LibraryPiece] = []
    /// The published posts of `content/network/*.md` (dated on or before the build date), newest first.
    public var network: [NetworkPost] = []

    public init(site: Site, pages: [Page], offers: [Offer], sources: [Source], assets: [Asset],
                words: [String: [String: String]] = [:], logos: [String: Logo] = [:]) {
        self.logos = logos
        self.site = site
        self.pages = pages
        self.offers = offers
        self.sources = sources
        self.assets = assets
        self.words = words
    }
}

/// `content/site.yml`: the business that wants referrals.
public struct Site: Sendable, Hashable {
    public var name: String
    public var url: String
    public var referralURL: String
    /// Path relative to `content/`, e.g. `assets/northwind.svg`.
    public var logo: String?
    public var colors: Palette
    public var contact: Contact
    public var language: String
    public var campaign: String
    public var rewards: Rewards
    public var unlisted: Bool
    public var unsafeHTML: Bool
    /// `short_links: true`: printed things carry `url/r/CODE`, a page that forwards to the link.
    public var shortLinks: Bool = false
    /// `paper: a4|letter`: what every source's PDFs are printed on unless it says otherwise.
    public var paper: Paper?
    /// `ask_after_days`: a deal is followed this many days later by a results review with the new
    /// client, the moment to ask them for introductions (FORMAT.md, "Operating the referral process").
    public var askAfterDays = 90
    /// `currency:` an ISO 4217 code (`EUR`): every amount is written as that currency.
    public var currency: String?
    /// `timezone:` an IANA name (`Europe/Warsaw`): a seminar's `.ics` carries it as `TZID`.
    public var timeZone: String?
    /// Where `refkit deploy` publishes output/.
    public var deploy: DeployTarget?
    /// `outputs:`: what every build of the kit writes besides its pages (PDFs, bundles).
    public var outputs = DeclaredOutputs()
    /// `follow_up:`: how often `refkit report`'s calendar has the business follow up, per segment.
    public var followUp: FollowUp
    /// `intake:`: where the refer-someone form (`S/refer.html`) sends what a source fills in.
    public var intake: Intake?

    /// Where each source's refer-someone form goes: `intake`, else a `mailto:` form to
    /// `contact.email`; nil (no form) when the site has neither.
    public var intakeForm: Intake? { intake ?? contact.email.map(Intake.mail) }

    public init(
        name: String, url: String, referralURL: String, logo: String? = nil, colors: Palette = .init(),
        contact: Contact = .init(), language: String = "en", campaign: String = "referral-kit",
        rewards: Rewards = .init(), unlisted: Bool = false, unsafeHTML: Bool = false, deploy: DeployTarget? = nil,
        followUp: FollowUp = .init()
    ) {
        self.deploy = deploy
        self.followUp = followUp
        self.name = name
        self.url = url
        self.referralURL = referralURL
        self.logo = logo
        self.colors = colors
        self.contact = contact
        self.language = language
        self.campaign = campaign
        self.rewards = rewards
        self.unlisted = unlisted
        self.unsafeHTML = unsafeHTML
    }
}

/// `site.yml`'s `deploy:`: a folder to mirror output/ into, or a branch of a git remote that gets one
/// commit of exactly output/.
public struct Palette: Sendable, Hashable {
    public var primary: Color?
    public var accent: Color?
    public init(primary: Color? = nil, accent: Color? = nil) {
        self.primary = primary
        self.accent = accent
    }
}

public struct Contact: Sendable, Hashable {
    public var name: String?
    public var email: String?
    public var phone: String?
    /// A source's `consent: false`: it gets no message from `refkit outbox`.
    public var consent = true
    public init(name: String? = nil, email: String? = nil, phone: String? = nil, consent: Bool = true) {
        self.consent = consent
        self.name = name
        self.email = email
        self.phone = phone
    }
}

public struct Rewards: Sendable, Hashable {
    public var partners: String?
    public var customers: String?
    /// `content/site.LANG.yml`'s rewards, by tag, what it omits taken from these.
    public var translations: [String: Rewards] = [:]
    public init(partners: String? = nil, customers: String? = nil) {
        self.partners = partners
        self.customers = customers
    }

    /// The translation for readers of `tag` (the tag as given, then its language subtag), if any.
    public func translation(for tag: String) -> Rewards? {
        translations[tag] ?? translations[String(tag.prefix { $0 != "-" })]
    }

    /// The rewards a reader of `tag` gets: their translation, or these.
    public func translated(to tag: String) -> Rewards { translation(for: tag) ?? self }

    public func reward(for segment: Segment) -> String? { segment == .partner ? partners : customers }
}

/// `site.yml`'s `follow_up: { partners: …, customers: … }`; by default partners monthly and
/// customers quarterly.
public struct FollowUp: Sendable, Hashable {
    public var partners: Cadence
    public var customers: Cadence
    public init(partners: Cadence = .months(1), customers: Cadence = .months(3)) {
        self.partners = partners
        self.customers = customers
    }

    public func cadence(for segment: Segment) -> Cadence {
        segment == .partner ? partners : customers
    }
}

public enum Segment: String, Sendable, Hashable, CaseIterable {
    case partner, customer
}

/// Who a page or offer is for.
public enum Audience: String, Sendable, Hashable, CaseIterable {
    case all, partners, customers

    public func includes(_ segment: Segment) -> Bool {
        switch self {
        case .all: true
        case .partners: segment == .partner
        case .customers: segment == .customer
        }
    }
}

/// `content/sources/SLUG.yml`: one referral source, a customer or a partner.
public struct Source: Sendable, Hashable {
    public var slug: String
    public var name: String
    public var segment: Segment
    /// The source's referral code, `[A-Z0-9-]{3,32}`; derived from the slug when the file has none.
    public var code: String
    public var contact: Contact
    /// Co-branding; only partners carry one.
    public var brand: Brand?
    public var message: String?
    /// The source's own reward, before falling back to the site's reward for its segment.
    public var reward: String?
    /// Offer ids named by the source; nil means every offer whose audience matches the segment.
    public var offerIDs: [String]?
    public var language: String?
    /// The source's own `follow_up:`, before falling back to the site's for its segment.
    public var followUp: Cadence?
    /// `show_stats: true`: the kit's home thanks the source with its numbers from the ledger.
    public var showStats: Bool
    /// `paper: a4|letter`: what its PDFs are printed on (`Kit.paper(of:)`).
    public var paper: Paper?
    /// `website`: the source's own site, shown on its byline and library pieces.
    public var website: String?
    /// `listed: true`: a customer who agreed to appear on the public directory page (partners always do).
    public var listed: Bool = false

    /// Whether the public directory page names this source: partners, and customers who opted in.
    public var isInDirectory: Bool { segment == .partner || listed }

    public init(
        slug: String, name: String, segment: Segment, code: String, contact: Contact = .init(),
        brand: Brand? = nil, message: String? = nil, reward: String? = nil, offerIDs: [String]? = nil,
        language: String? = nil, followUp: Cadence? = nil, showStats: Bool = false
    ) {
        self.followUp = followUp
        self.showStats = showStats
        self.slug = slug
        self.name = name
        self.segment = segment
        self.code = code
        self.contact = contact
        self.brand = brand
        self.message = message
        self.reward = reward
        self.offerIDs = offerIDs
        self.language = language
    }

    /// The source's follow-up cadence, or the site's for the source's segment.
    public func resolvedFollowUp(in site: Site) -> Cadence {
        followUp ?? site.followUp.cadence(for: segment)
    }

    /// The source's reward, or the site's reward for the source's segment in the source's
    /// language (`content/site.LANG.yml`), else as `site.yml` writes it.
    public func resolvedReward(in site: Site) -> String? {
        reward ?? site.rewards.translated(to: language ?? site.language).reward(for: segment)
    }
}

public struct Brand: Sendable, Hashable {
    /// Path relative to `content/`.
    public var logo: String?
    public var colors: Palette
    public init(logo: String? = nil, colors: Palette = .init()) {
        self.logo = logo
        self.colors = colors
    }
}

/// A file copied verbatim to `output/assets/`.
/// `outputs: { pdf: true, bundles: true }` in site.yml: what the kit publishes besides its pages,
/// so `build`, `deploy` and `serve` agree on it (`--pdf` and `--bundle` add them for one build).
public struct DeclaredOutputs: Sendable, Hashable {
    public var pdf = false
    public var bundles = false
    public init(pdf: Bool = false, bundles: Bool = false) {
        (self.pdf, self.bundles) = (pdf, bundles)
    }
}

public struct Asset: Sendable, Hashable {
    /// Path under the output directory, e.g. `assets/northwind.svg`.
    public var outputPath: String
    /// Path relative to the kit directory, e.g. `content/assets/northwind.svg`.
    public var file: String
    public init(outputPath: String, file: String) {
        self.outputPath = outputPath
        self.file = file
    }
}

/// An image under assets/ that a logo may name: its intrinsic size, which gives its shape (an
/// SVG's viewBox, a PNG's pixels), and an SVG's bytes, which are drawn into PNG for the e-mail.
public struct Logo: Sendable, Hashable {
    /// Path under the output directory, e.g. `assets/northwind.svg`.
    public var path: String
    public var width: Double
    public var height: Double
    public var svg: [UInt8]?
    /// An SVG logo's smallest text, as a fraction of its own height (a 16-unit subtitle on a
    /// 64-unit canvas: 0.25); nil for a bitmap or an SVG without text.
    public var smallestText: Double?
    /// A bitmap logo's bytes and media type (`image/png`), for the link-preview card, which
    /// carries the logo inside its SVG; nil for an SVG logo (its bytes are `svg`).
    public var bitmap: (bytes: [UInt8], mediaType: String)? {
        get { bitmapBytes.map { ($0, bitmapType) } }
        set { (bitmapBytes, bitmapType) = (newValue?.bytes, newValue?.mediaType ?? "") }
    }
    private var bitmapBytes: [UInt8]?
    private var bitmapType = ""

    public init(path: String, width: Double, height: Double, svg: [UInt8]? = nil, smallestText: Double? = nil,
                bitmap: (bytes: [UInt8], mediaType: String)? = nil) {
        self.path = path
        self.width = width
        self.height = height
        self.svg = svg
        self.smallestText = smallestText
        self.bitmap = bitmap
    }

    /// Width over height: 15 for a 15:1 wordmark, 0.25 for a tall one.
    public var ratio: Double { width / height }
}
