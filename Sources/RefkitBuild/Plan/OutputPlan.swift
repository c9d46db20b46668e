import RefkitModel
import RefkitTemplates

/// Every file refkit writes for a kit, named in one place: the files of a source's folder and
/// which of them a source has, and the groups of files every source shares. The renderer writes at
/// these paths, `check` accepts links to them and keeps page and source slugs off them, `serve`
/// routes by them, `--pdf` prints from them, and `OutputPlanTests` hold the build to them: a file
/// the renderer writes that the plan does not list (or the other way round) fails. A new output is
/// one view and one entry here.
public enum OutputPlan {
    /// A file in a source's folder, by what it is.
    public enum SourceFile: Hashable, Sendable {
        case home, handout, email, emailText, qr, share, contactCard
        /// `refer.html`: the refer-someone form, when the site has somewhere to send it
        /// (`Site.intakeForm`).
        case intake
        /// `card.png`: a partner's link-preview card (customers' pages show the business's).
        case card
        case page(slug: String)
        case offer(id: String)
        case libraryPiece(id: String)
        case seminarCalendar(id: String)
        /// `--pdf` (or `outputs: { pdf: true }`): the handout and each offer printed.
        case handoutPDF
        case offerPDF(id: String)

        /// Its path in the source's folder.
        public var path: String {
            switch self {
            case .home: "index.html"
            case .handout: "handout.html"
            case .email: "email.html"
            case .emailText: "email.txt"
            case .qr: "qr.svg"
            case .share: "share.html"
            case .contactCard: "contact.vcf"
            case .intake: "refer.html"
            case .card: "card.png"
            case .page(let slug): "\(slug).html"
            case .offer(let id): "\(OutputPlan.offersFolder)/\(id).html"
            case .libraryPiece(let id): "\(OutputPlan.libraryFolder)/\(id).html"
            case .seminarCalendar(let id): "\(OutputPlan.libraryFolder)/\(id).ics"
            case .handoutPDF: "handout.pdf"
            case .offerPDF(let id): "\(OutputPlan.offersFolder)/\(id).pdf"
            }
        }

        /// The file at `path` in a source's folder, if a source can have one there.
        public init?(path: String) {
            if let fixed = (SourceFile.always + [.intake, .card, .handoutPDF]).first(where: { $0.path == path }) {
                self = fixed
                return
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard let name = parts.last, let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            let (stem, type) = (String(name[..<dot]), name[name.index(after: dot)...])
            switch (parts.count == 2 ? String(parts[0]) : nil, type) {
            case (nil, "html") where parts.count == 1: self = .page(slug: stem)
            case (OutputPlan.offersFolder?, "html"): self = .offer(id: stem)
            case (OutputPlan.offersFolder?, "pdf"): self = .offerPDF(id: stem)
            case (OutputPlan.libraryFolder?, "html"): self = .libraryPiece(id: stem)
            case (OutputPlan.libraryFolder?, "ics"): self = .seminarCalendar(id: stem)
            default: return nil
            }
        }

        /// Its path under the output folder, in the source's folder `folder`.
        public func path(in folder: String) -> String { folder + "/" + path }

        /// The PDF this page is printed into, for the pages `--pdf` prints.
        public var printed: SourceFile? {
            switch self {
            case .handout: .handoutPDF
            case .offer(let id): .offerPDF(id: id)
            default: nil
            }
        }

        /// Whether it is a PDF `--pdf` prints.
        public var isPrinted: Bool {
            switch self {
            case .handoutPDF, .offerPDF: true
            default: false
            }
        }

        /// The files every source has, whatever its kit holds.
        static let always: [SourceFile] = [.home, .handout, .email, .emailText, .qr, .share, .contactCard]
    }

    static let offersFolder = "offers"
    static let libraryFolder = "library"

    /// The files of `source`'s folder a build of `kit` writes, in this order: its own files, its
    /// pages, offers and library pieces (with a seminar's calendar), and with `pdfs` the printed ones.
    public static func files(of source: Source, in kit: Kit, pdfs: Bool) -> [SourceFile] {
        files(pages: kit.pages(for: source), offers: kit.offers(for: source), library: kit.library(for: source),
              intake: kit.site.intakeForm != nil, partner: source.segment == .partner, pdfs: pdfs)
    }

    /// The files of a source's folder that has these pages, offers and library pieces (and with
    /// `intake`, the refer-someone form; a `partner`'s, its card).
    static func files(pages: [Page], offers: [Offer], library: [LibraryPiece], intake: Bool, partner: Bool, pdfs: Bool) -> [SourceFile] {
        var files = SourceFile.always
        if intake { files.append(.intake) }
        if partner { files.append(.card) }
        files += pages.filter { $0.kind != .share }.map { .page(slug: $0.slug) }
        files += offers.map { .offer(id: $0.id) }
        for piece in library {
            files.append(.libraryPiece(id: piece.id))
            if piece.seminar != nil { files.append(.seminarCalendar(id: piece.id)) }
        }
        if pdfs { files += files.compactMap(\.printed) }
        return files
    }

    /// Page slugs a page may not take: its `SLUG.html` (or folder) would be one of refkit's own
    /// files in every source's folder. (A `kind: share` page makes `share.html`, so it may be `share`.)
    static let reservedPageSlugs: Set<String> = Set((SourceFile.always + [.intake]).map { String($0.path.prefix { $0 != "." }) } + [offersFolder])

    /// The files every source shares, in groups that are rendered (and, in `serve`, asked for) as
    /// a whole.
    public enum Shared: Hashable, Sendable, CaseIterable {
        /// `index.html`: every listed source (none for an unlisted kit).
        case directory
        /// `assets/refkit.css`, refkit's style sheet (a kit's own `templates/assets/` replaces it).
        case theme
        /// `assets/email/NAME.png`: the SVG logos the e-mail shows, drawn.
        case emailLogos
        /// `assets/cards/LANG.png`: the business's link-preview card, in the site's language and
        /// each customer's.
        case cards
        /// `r/CODE/index.html` and `_redirects`, when the site has short links.
        case shortLinks
        /// `network/`: the network blog, its pages and feed.
        case network

        /// The group `path` (under the output folder) belongs to; nil for a source's file, an
        /// asset copied from the kit, or a bundle.
        public init?(path: String) {
            switch path {
            case OutputPlan.directoryPage: self = .directory
            case DefaultTheme.path: self = .theme
            case OutputPlan.redirectsFile: self = .shortLinks
            case _ where path.hasPrefix(OutputPlan.emailLogosFolder + "/"): self = .emailLogos
            case _ where path.hasPrefix(OutputPlan.cardsFolder + "/"): self = .cards
            case _ where path.hasPrefix(OutputPlan.shortLinksFolder + "/"): self = .shortLinks
            case _ where path.hasPrefix(OutputPlan.networkFolder + "/"): self = .network
            default: return nil
            }
        }

        /// The output folder's top-level entries the group's files make up (how the manifest
        /// records them and a partial build swaps them).
        var entries: [String] {
            switch self {
            case .directory: [OutputPlan.directoryPage]
            case .theme, .emailLogos, .cards: [OutputPlan.assetsFolder]
            case .shortLinks: [OutputPlan.shortLinksFolder, OutputPlan.redirectsFile]
            case .network: [OutputPlan.networkFolder]
            }
        }

        /// The group's files, rendered (drawings read from `store` when it has them).
        func files(_ renderer: SiteRenderer, store: CardStore) throws(BuildFailure) -> [OutputFile] {
            switch self {
            case .directory: [renderer.renderDirectory()].compactMap { $0 }
            case .theme: renderer.themeFiles()
            case .emailLogos: try renderer.emailLogoFiles(store: store)
            case .cards: try CardBatches.files(renderer.businessCardJobs(), store: store)
            case .shortLinks: renderer.shortLinkFiles()
            case .network: renderer.renderNetwork()
            }
        }
    }

    /// A file of the network blog (`network/`), by what it is.
    public enum BlogFile: Hashable, Sendable {
        /// The list of posts, newest first: page 1 is `index.html`, then `page/2.html`, ….
        case list(page: Int)
        case post(slug: String)
        case feed

        /// Its path in the blog's folder.
        public var path: String {
            switch self {
            case .list(1): "index.html"
            case .list(let page): "page/\(page).html"
            case .post(let slug): "\(slug).html"
            case .feed: "feed.xml"
            }
        }

        /// Its path under the output folder.
        public var outputPath: String { OutputPlan.networkFolder + "/" + path }

        /// The relative link to it from the blog file `page`.
        public func link(from page: BlogFile) -> String {
            guard let slash = page.path.lastIndex(of: "/") else { return path }
            let folder = page.path[...slash]
            return path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : "../" + path
        }
    }

    /// How many posts a page of the blog's list shows.
    static let postsPerPage = 10

    /// The blog's files for these posts (in the order the blog lists them): none without a post.
    static func blogFiles(postSlugs: [String]) -> [BlogFile] {
        guard !postSlugs.isEmpty else { return [] }
        let pages = (postSlugs.count + postsPerPage - 1) / postsPerPage
        return (1...pages).map { .list(page: $0) } + postSlugs.map { .post(slug: $0) } + [.feed]
    }

    static let assetsFolder = "assets"
    static let networkFolder = "network"
    static let bundlesFolder = "bundles"
    static let shortLinksFolder = "r"
    static let redirectsFile = "_redirects"
    static let emailLogosFolder = assetsFolder + "/email"
    static let cardsFolder = assetsFolder + "/cards"
    /// `assets/cards/LANG.png`: the business's link-preview card in `language`.
    static func businessCard(language: String) -> String { "\(cardsFolder)/\(language).png" }
    /// The build's one record in the output folder: says the folder is refkit's (holds only a
    /// hash; the manifest and journal are written beside the folder, never in it).
    public static let marker = ".refkit-output"
    /// The directory page, at the top of the output.
    static let directoryPage = "index.html"

    /// `r/CODE/index.html`: the short link's page.
    static func shortLinkPage(code: String) -> String { "\(shortLinksFolder)/\(code)/index.html" }
    /// `bundles/FOLDER.zip`: a source's kit as one zip.
    static func bundle(ofSourceFolder folder: String) -> String { "\(bundlesFolder)/\(folder).zip" }

    /// Source slugs a source may not take: its folder would be one the shared files are written in.
    static let reservedSourceSlugs: Set<String> = [assetsFolder, bundlesFolder, networkFolder, OutputPlan.shortLinksFolder]
}
