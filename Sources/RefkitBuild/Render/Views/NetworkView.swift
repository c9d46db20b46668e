import RefkitI18n
import RefkitModel
import RefkitTemplates

/// The network blog the business and its partners write together: `output/network/index.html`
/// (newest first, `perPage` a page: `page/2.html`, …), `network/SLUG.html` per post with a
/// co-branded byline, and `network/feed.xml` (Atom 1.0). Written with the files every source
/// shares; it never links to a kit folder (an unlisted kit's stay unguessable).
extension SiteRenderer {
    /// Every file of the blog; none when there is no published post.
    public func renderNetwork() -> [OutputFile] {
        guard !kit.network.isEmpty else { return [] }
        return networkJobs().map { OutputFile(path: $0.path, contents: templates.renderDirectly($0.template, $0.view.viewObject)) }
            + [OutputFile(path: OutputPlan.BlogFile.feed.outputPath, text: AtomFeed(site: kit.site, posts: kit.network, authorName: authorName,
                                                                                    html: { self.networkBodies[$0.file]! }).text)]
    }

    /// The blog's templated files: its pages (`network`) and a page per post (`post`).
    func networkJobs() -> [Job] {
        var jobs: [Job] = []
        let pages = stride(from: 0, to: kit.network.count, by: OutputPlan.postsPerPage).map { Array(kit.network[$0..<min($0 + OutputPlan.postsPerPage, kit.network.count)]) }
        for (index, posts) in pages.enumerated() {
            let number = index + 1
            let list = OutputPlan.BlogFile.list(page: number)
            let depth = number == 1 ? 1 : 2
            let toBlog = depth == 1 ? "" : "../"
            var view = networkBaseView(depth: depth)
            view.posts = posts.map { postView($0, toBlog: toBlog) }
            view.network = NetworkPageView(
                page: number, pages: pages.count,
                pageText: words(for: kit.site.language).text("network_page", ["page": "\(number)", "pages": "\(pages.count)"]),
                newer: number == 1 ? nil : OutputPlan.BlogFile.list(page: number - 1).link(from: list),
                older: number == pages.count ? nil : OutputPlan.BlogFile.list(page: number + 1).link(from: list),
                feed: OutputPlan.BlogFile.feed.link(from: list), index: OutputPlan.BlogFile.list(page: 1).link(from: list))
            let title = words(for: kit.site.language).text("network_title", wordValues(for: nil, language: kit.site.language))
            jobs.append(job("network", path: list.outputPath, view: view, title: title,
                            description: words(for: kit.site.language).text("network_lead", wordValues(for: nil, language: kit.site.language)),
                            source: nil, language: kit.site.language))
        }
        for post in kit.network {
            var view = networkBaseView(depth: 1)
            view.post = postView(post, toBlog: "")
            view.content = networkBodies[post.file]!
            view.network = NetworkPageView(page: 1, pages: pages.count, pageText: nil, newer: nil, older: nil,
                                           feed: OutputPlan.BlogFile.feed.path, index: OutputPlan.BlogFile.list(page: 1).path)
            // A partner's post shows the partner's card, unless the kit is unlisted: the card is
            // in the partner's folder, whose name the blog never gives away.
            let author = kit.site.unlisted ? nil : post.author.flatMap { slug in kit.sources.first { $0.slug == slug } }
            jobs.append(job("post", path: OutputPlan.BlogFile.post(slug: post.slug).outputPath, view: view,
                            title: post.title + " · " + kit.site.name, description: post.summary, source: author, language: kit.site.language))
        }
        return jobs
    }

    /// The pages of the blog: how many HTML files `renderNetwork` writes.
    public var networkPageCount: Int {
        OutputPlan.blogFiles(postSlugs: kit.network.map(\.slug)).filter { $0 != .feed }.count
    }

    /// A blog page's view: the site's brand, in the site's language.
    func networkBaseView(depth: Int) -> KitFileView {
        let root = String(repeating: "../", count: depth)
        return KitFileView(
            lang: kit.site.language, dir: Language.direction(of: kit.site.language), root: root,
            home: kit.site.unlisted ? nil : root + OutputPlan.directoryPage, noindex: kit.site.unlisted, site: Built(siteView(root: root)),
            brand: Built(Branding(site: kit.site, source: nil, logos: kit.logos).view(root: root)), build: BuildView(date: date.description),
            t: wordsView(for: nil, language: kit.site.language))
    }

    func authorName(_ post: NetworkPost) -> String {
        post.author.flatMap { slug in kit.sources.first { $0.slug == slug }?.name } ?? kit.site.name
    }

    /// A post as the blog and its author's home show it; `toBlog` leads to `output/network/`.
    /// Posts are in the site's language; `reader` is the language of the page showing it.
    func postView(_ post: NetworkPost, toBlog: String, reader: String? = nil) -> PostView {
        let author = post.author.flatMap { slug in kit.sources.first { $0.slug == slug } }
        let root = toBlog + "../"
        let branding = Branding(site: kit.site, source: author, logos: kit.logos)
        let logo = author != nil ? branding.partnerLogo : branding.siteLogo
        let name = authorName(post)
        return PostView(
            slug: post.slug, title: post.title, summary: post.summary, date: post.date.description,
            dateText: DayFormatting.long(post.date, language: kit.site.language), url: toBlog + OutputPlan.BlogFile.post(slug: post.slug).path,
            author: AuthorView(
                name: name, byline: words(for: kit.site.language).text("network_by", ["author": name]),
                logo: logo.map { LogoView($0, url: root + $0.path, alt: name, place: .header) },
                color: branding.primary, website: author?.website, isBusiness: author == nil),
            langAttr: langAttribute(kit.site.language, reader: reader ?? kit.site.language))
    }
}

/// `network`: where a blog page is in the blog.
struct NetworkPageView: ViewModel {
    var page: Int
    var pages: Int
    var pageText: String?
    var newer: String?
    var older: String?
    var feed: String
    var index: String

    static let fields: [ViewField<Self>] = [
        .number("page") { $0.page }, .number("pages") { $0.pages }, .text("page_text") { $0.pageText },
        .text("newer") { $0.newer }, .text("older") { $0.older }, .text("feed") { $0.feed }, .text("index") { $0.index },
    ]

    static let about: [String: String] = [
        "page": "this blog page's number, from 1",
        "pages": "how many blog pages there are",
        "page_text": "\"page 2 of 3\" in the site's language",
        "newer": "the link to newer posts (absent on the first page)",
        "older": "the link to older posts (absent on the last)",
        "feed": "the Atom feed, relative to this page",
        "index": "the blog's first page, relative to this page",
    ]
}

/// `post` (a post's page) and each of `posts` (the blog's index, a partner's home).
struct PostView: ViewModel {
    var slug: String
    var title: String
    var summary: String?
    var date: String
    var dateText: String
    var url: String
    var author: AuthorView

    /// ` lang="…"` when the post (in the site's language) is shown on a page in another.
    var langAttr = ""

    static let fields: [ViewField<Self>] = [
        .text("slug") { $0.slug }, .text("title") { $0.title }, .text("summary") { $0.summary }, .text("date") { $0.date },
        .text("date_text") { $0.dateText }, .text("url") { $0.url }, .object("author") { $0.author },
        .text("lang_attr") { $0.langAttr },
    ]

    static let about: [String: String] = [
        "slug": "the post's file name without `.md`",
        "title": "its title",
        "summary": "its summary",
        "date": "its date, `YYYY-MM-DD`",
        "date_text": "its date written the site's way",
        "url": "its page, relative to this file",
        "author": "who wrote it",
        "lang_attr": "` lang=\"…\"` (and `dir`) when the post is shown on a page in another language, else empty",
    ]
}

/// `post.author`: who wrote it, the business or a partner, with its logo, colour and website.
struct AuthorView: ViewModel {
    var name: String
    var byline: String
    var logo: LogoView?
    var color: Color
    var website: String?
    var isBusiness: Bool

    static let fields: [ViewField<Self>] = [
        .text("name") { $0.name }, .text("byline") { $0.byline }, .object("logo") { $0.logo },
        .text("color") { $0.color.description }, .text("on_color") { $0.color.readableText.description },
        .text("ink") { $0.color.darkened().description },
        .text("line") { $0.color.darkened(toContrast: 3, against: Branding.lightest).description },
        .text("website") { $0.website }, .flag("is_business") { $0.isBusiness },
    ]

    static let about: [String: String] = [
        "name": "the business's or the partner's name",
        "byline": "\"By …\" in the site's language",
        "logo": "the author's logo",
        "color": "the author's colour",
        "on_color": "a text colour readable on `color`",
        "ink": "`color` darkened for text on white",
        "line": "`color` darkened to a visible line on white",
        "website": "the partner's website",
        "is_business": "true when the business wrote it",
    ]
}
