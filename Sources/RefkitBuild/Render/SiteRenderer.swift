import Foundation
import RefkitLedger
import RefkitMarkdown
import RefkitModel
import RefkitQR
import RefkitTemplates

/// `render`: pure. A validated kit, its templates and the build date in; one source's files out,
/// in memory. Markdown is rendered once per page when the renderer is made (cmark-gfm's parser is
/// not thread-safe, and every source shares the pages); `render(source:)` only fills placeholders
/// and templates, so sources render in parallel.
public struct SiteRenderer: Sendable {
    public let kit: Kit
    public let date: Day
    /// `REFKIT_SECRET`, for an unlisted kit's folder names.
    private let secret: String?
    private let templates: TemplateSet
    private let pageBodies: [String: FillableHTML]
    private let offerBodies: [String: FillableHTML]
    /// Offer dates written out, by language and day: formatting loads locale data, so it is done
    /// once per build, not once per page.
    private let dayTexts: [String: [Day: String]]

    /// How many trigger phrases and steps the one-page handout shows; validation warns when a
    /// page has more.
    public static let handoutPhrases = 6
    public static let handoutSteps = 5

    /// This year's numbers of the sources with `show_stats: true` (from the ledger), by slug.
    private let stats: [String: Tally]

    public init(kit: Kit, templates: TemplateSet, date: Day, secret: String? = nil, ledger: Ledger? = nil) {
        self.kit = kit
        var stats: [String: Tally] = [:]
        if let ledger, kit.sources.contains(where: \.showStats) {
            let tallies = ledger.tallies(from: Day(year: date.year, month: 1, day: 1), to: date)
            for source in kit.sources where source.showStats {
                if let index = ledger.index(of: source.slug) { stats[source.slug] = tallies[index] }
            }
        }
        self.stats = stats
        self.templates = templates
        self.date = date
        self.secret = secret
        let unsafe = kit.site.unsafeHTML
        pageBodies = Dictionary(uniqueKeysWithValues: kit.pages.map {
            ($0.slug, FillableHTML(Markdown.html($0.body.text, allowRawHTML: unsafe, rewriteURL: Self.assetLinks(root: "../"))))
        })
        offerBodies = Dictionary(uniqueKeysWithValues: kit.offers.map {
            ($0.id, FillableHTML(Markdown.html($0.body.text, allowRawHTML: unsafe, rewriteURL: Self.assetLinks(root: "../../"))))
        })
        let languages = Set([kit.site.language] + kit.sources.compactMap(\.language))
        let days = Set(kit.offers.flatMap { [$0.starts, $0.expires].compactMap { $0 } })
        dayTexts = Dictionary(uniqueKeysWithValues: languages.map { language in
            (language, Dictionary(uniqueKeysWithValues: days.map { ($0, DayFormatting.long($0, language: language)) }))
        })
    }

    /// Markdown links and images to `assets/…` (relative to content/) become relative to the page.
    private static func assetLinks(root: String) -> (String) -> String? {
        { url in url.hasPrefix("assets/") ? root + url : nil }
    }

    /// The name of a source's folder under output/ (see `Source.folder(in:secret:)`).
    public func directoryName(for source: Source) -> String {
        source.folder(in: kit.site, secret: secret)
    }

    /// The pages a source gets: those whose audience includes its segment.
    public func pages(for source: Source) -> [Page] {
        kit.pages.filter { $0.audience.includes(source.segment) }
    }

    /// The published offers a source gets: those it names, else those whose audience matches.
    public func offers(for source: Source) -> [Offer] {
        if let ids = source.offerIDs {
            return ids.compactMap { id in kit.offers.first { $0.id == id } }
        }
        return kit.offers.filter { $0.audience.includes(source.segment) }
    }

    /// One file to render: which template, where, with what view.
    struct Job {
        var template: String
        var path: String
        var view: ViewObject
    }

    /// Every file of one source's kit, paths relative to the output directory.
    public func render(source: Source) -> [OutputFile] {
        let (jobs, qr) = self.jobs(for: source)
        return jobs.map { OutputFile(path: $0.path, contents: templates.render($0.template, $0.view)) }
            + [OutputFile(path: "\(directoryName(for: source))/qr.svg", text: qr + "\n")]
    }

    /// The templated files of one source's kit, and its QR code.
    func jobs(for source: Source) -> (jobs: [Job], qr: String) {
        let folder = directoryName(for: source)
        let values = placeholderValues(for: source)
        let pages = pages(for: source)
        let offers = offers(for: source)
        let qr = QRCode.svg(for: values["referral.link"]!, label: "QR code for your referral link") ?? ""
        let branding = Branding(site: kit.site, source: source)
        let language = language(of: source)
        var site: [Int: ViewObject] = [:], brand: [Int: ViewObject] = [:], offerViews: [Int: [ViewObject]] = [:]
        for depth in [1, 2] {
            let root = String(repeating: "../", count: depth)
            site[depth] = siteView(root: root)
            brand[depth] = branding.view(root: root)
            let toSource = String(repeating: "../", count: depth - 1)
            offerViews[depth] = offers.map { offerView($0, values: values, language: language, urlPrefix: toSource) }
        }
        let context = SourceContext(
            source: source, values: values, pages: pages, offers: offers, qr: qr,
            pageViews: pages.map { pageView($0, values: values) }, site: site, brand: brand, offerViews: offerViews,
            sourceView: sourceView(source))
        var jobs: [Job] = []

        var home = baseView(context, depth: 1, currentPage: nil)
        home["is_home"] = .flag(true)
        if let stats = statsView(source) { home["stats"] = .object(stats) }
        jobs.append(Job(template: "home", path: "\(folder)/index.html", view: home))

        for (page, pageView) in zip(pages, context.pageViews) {
            var view = baseView(context, depth: 1, currentPage: page.slug)
            view["page"] = .object(pageView)
            view["content"] = .text(pageBodies[page.slug]!.fill(values))
            jobs.append(Job(template: "page", path: "\(folder)/\(page.slug).html", view: view))
        }
        for (offer, offerView) in zip(offers, context.offerViews[1]!) {
            var view = baseView(context, depth: 2, currentPage: nil)
            view["offer"] = .object(offerView)
            view["content"] = .text(offerBodies[offer.id]!.fill(values))
            jobs.append(Job(template: "offer", path: "\(folder)/offers/\(offer.id).html", view: view))
        }

        var handout = baseView(context, depth: 1, currentPage: nil)
        handout["handout"] = .object(handoutView(context))
        jobs.append(Job(template: "handout", path: "\(folder)/handout.html", view: handout))

        let email = emailView(context, folder: folder)
        jobs.append(Job(template: "email", path: "\(folder)/email.html", view: email))
        jobs.append(Job(template: "email-text", path: "\(folder)/email.txt", view: email))
        return (jobs, qr)
    }

    /// `output/index.html`: the directory of every kit (nil for an unlisted kit).
    public func renderDirectory() -> OutputFile? {
        guard !kit.site.unlisted else { return nil }
        return OutputFile(path: "index.html", text: templates.renderDirectly("directory", directoryView()))
    }

    /// What the directory page shows of `source`.
    func directoryEntry(for source: Source) -> ViewObject {
        ["name": source.name, "code": source.code, "slug": source.slug, "url": "\(directoryName(for: source))/index.html",
         "is_partner": source.segment == .partner]
    }

    /// The fields of `directoryEntry(for:)` in one string: when a source's is unchanged (and no
    /// source came or went), the directory page is unchanged.
    public func listing(of source: Source) -> String {
        [source.name, source.code, source.slug, directoryName(for: source), source.segment.rawValue].joined(separator: "\u{0}")
    }

    func directoryView() -> ViewObject {
        let entry = directoryEntry(for:)
        let partners = kit.sources.filter { $0.segment == .partner }.map(entry)
        let customers = kit.sources.filter { $0.segment == .customer }.map(entry)
        let view: ViewObject = [
            "lang": kit.site.language, "root": "", "noindex": false, "site": siteView(root: ""),
            "brand": Branding(site: kit.site, source: nil).view(root: ""),
            "sources": kit.sources.map(entry), "partners": partners, "customers": customers,
            "has_partners": !partners.isEmpty, "has_customers": !customers.isEmpty,
            "build": ["date": date.description] as ViewObject,
        ]
        return view
    }

    // MARK: - Views

    /// What one source's files share, computed once per source: its views of the pages and offers
    /// (placeholders filled), and the parts of the view that depend only on a file's depth.
    private struct SourceContext {
        var source: Source
        var values: [String: String]
        var pages: [Page]
        var offers: [Offer]
        var qr: String
        var pageViews: [ViewObject]
        /// By depth (1: the source's folder, 2: offers/): site, brand and offer views.
        var site: [Int: ViewObject]
        var brand: [Int: ViewObject]
        var offerViews: [Int: [ViewObject]]
        var sourceView: ViewObject
    }

    /// What every template of a source sees. `depth` is how many folders below output/ the file is.
    private func baseView(_ context: SourceContext, depth: Int, currentPage: String?) -> ViewObject {
        let root = String(repeating: "../", count: depth)
        let toSource = String(repeating: "../", count: depth - 1)
        return [
            "lang": language(of: context.source),
            "root": root,
            "home": toSource + "index.html",
            "noindex": kit.site.unlisted,
            "site": context.site[depth]!,
            "source": context.sourceView,
            "brand": context.brand[depth]!,
            "pages": zip(context.pages, context.pageViews).map { page, pageView -> ViewObject in
                var view = pageView
                view["url"] = .text(toSource + page.slug + ".html")
                view["current"] = .flag(page.slug == currentPage)
                return view
            },
            "offers": context.offerViews[depth]!,
            "has_offers": !context.offers.isEmpty,
            "referral": ["link": context.values["referral.link"]!, "qr_svg": context.qr, "qr_url": toSource + "qr.svg"] as ViewObject,
            "links": ["handout": toSource + "handout.html", "email": toSource + "email.html",
                      "email_text": toSource + "email.txt"] as ViewObject,
            "build": ["date": date.description] as ViewObject,
        ]
    }

    /// The handout's content: who to refer, what to listen for, how to refer, the offer.
    private func handoutView(_ context: SourceContext) -> ViewObject {
        let values = context.values
        func fill(_ text: String) -> String { Placeholder.fill(text, with: values) }
        var view = ViewObject()
        if let ideal = context.pages.first(where: { $0.kind == .idealClient }) {
            view["who"] = .object(["title": fill(ideal.title), "summary": ideal.summary.map(fill) ?? ""])
        }
        let phrases = context.pages.filter { $0.kind == .triggerPhrases }.flatMap(\.phrases).prefix(Self.handoutPhrases)
        view["phrases"] = phrases.map(fill).viewValue
        view["has_phrases"] = .flag(!phrases.isEmpty)
        let steps = context.pages.filter { $0.kind == .howToRefer }.flatMap(\.steps).prefix(Self.handoutSteps)
        view["steps"] = steps.map(fill).viewValue
        view["has_steps"] = .flag(!steps.isEmpty)
        if let next = context.pages.first(where: { $0.kind == .whatHappensNext }), let summary = next.summary {
            view["next"] = .object(["title": fill(next.title), "summary": fill(summary)])
        }
        if let offer = context.offerViews[1]!.first {
            view["offer"] = .object(offer)
        }
        // A kit without guide pages (ideal client, phrases, steps, what next) still fills the
        // sheet: with the pages the source gets, by title and summary.
        let guide = view["who"] != nil || !phrases.isEmpty || !steps.isEmpty || view["next"] != nil
        view["has_guide"] = .flag(guide)
        if !guide {
            view["pages"] = .list(context.pageViews.map { .object(["title": $0["title"]!, "summary": $0["summary"] ?? .text("")]) })
        }
        return view
    }

    /// `email.html` and `email.txt`: an introduction the source sends a prospect. The e-mail leaves
    /// the site, so every link and image in it is absolute, under `site.url`.
    private func emailView(_ context: SourceContext, folder: String) -> ViewObject {
        let base = kit.site.url.hasSuffix("/") ? kit.site.url : kit.site.url + "/"
        var view = baseView(context, depth: 1, currentPage: nil)
        view["root"] = .text(base)
        view["home"] = .text(base + folder + "/index.html")
        view["site"] = .object(siteView(root: base))
        view["brand"] = .object(Branding(site: kit.site, source: context.source).view(root: base))
        view["referral"] = .object(["link": context.values["referral.link"]!, "qr_url": base + folder + "/qr.svg"])
        var handout = handoutView(context)
        if case .object(var offer)? = handout["offer"], case .text(let url)? = offer["url"] {
            offer["url"] = .text(base + folder + "/" + url)
            handout["offer"] = .object(offer)
        }
        view["handout"] = .object(handout)
        return view
    }

    private func language(of source: Source) -> String { source.language ?? kit.site.language }

    private func siteView(root: String) -> ViewObject {
        let site = kit.site
        var view: ViewObject = [
            "name": site.name, "url": site.url, "referral_url": site.referralURL, "language": site.language,
            "campaign": site.campaign, "contact": contactView(site.contact),
            "has_contact": site.contact.name != nil || site.contact.email != nil || site.contact.phone != nil,
        ]
        if let logo = site.logo { view["logo"] = .text(root + logo) }
        return view
    }

    private func sourceView(_ source: Source) -> ViewObject {
        var view: ViewObject = [
            "name": source.name, "slug": source.slug, "segment": source.segment.rawValue, "code": source.code,
            "contact": contactView(source.contact),
            "is_partner": source.segment == .partner, "is_customer": source.segment == .customer,
        ]
        if let message = source.message { view["message"] = .text(message) }
        // Who signs for the source, when that is a person apart from the source's own name (a
        // customer is often both): the e-mail then never signs "Maria Schäfer / Maria Schäfer".
        if let person = source.contact.name, person != source.name { view["signed_by"] = .text(person) }
        if let reward = source.resolvedReward(in: kit.site) { view["reward"] = .text(reward) }
        return view
    }

    /// "You sent us 3 referrals this year, 2 became clients — thank you!": only with `show_stats:
    /// true`, and only once the source has sent a referral this year.
    private func statsView(_ source: Source) -> ViewObject? {
        guard let tally = stats[source.slug], tally[.lead] > 0 else { return nil }
        let referrals = tally[.lead], clients = tally[.deal]
        var text = "You sent us \(referrals) referral\(referrals == 1 ? "" : "s") this year"
        if clients > 0 { text += clients == 1 ? ", 1 became a client" : ", \(clients) became clients" }
        text += " — thank you!"
        return ["year": date.year, "referrals": referrals, "clients": clients, "text": text]
    }

    private func contactView(_ contact: Contact) -> ViewObject {
        var view = ViewObject()
        if let name = contact.name { view["name"] = .text(name) }
        if let email = contact.email { view["email"] = .text(email) }
        if let phone = contact.phone { view["phone"] = .text(phone) }
        return view
    }

    private func pageView(_ page: Page, values: [String: String]) -> ViewObject {
        let phrases = page.phrases.map { Placeholder.fill($0, with: values) }
        let steps = page.steps.map { Placeholder.fill($0, with: values) }
        var view: ViewObject = [
            "title": Placeholder.fill(page.title, with: values), "slug": page.slug, "kind": page.kind.rawValue,
            "phrases": phrases, "steps": steps, "has_phrases": !phrases.isEmpty, "has_steps": !steps.isEmpty,
            "is_\(page.kind.rawValue.replacingOccurrences(of: "-", with: "_"))": true,
        ]
        if let summary = page.summary { view["summary"] = .text(Placeholder.fill(summary, with: values)) }
        return view
    }

    private func offerView(_ offer: Offer, values: [String: String], language: String, urlPrefix: String) -> ViewObject {
        var view: ViewObject = [
            "id": offer.id, "title": Placeholder.fill(offer.title, with: values), "kind": offer.kind.rawValue,
            "is_coupon": offer.kind == .coupon, "is_gift_certificate": offer.kind == .giftCertificate,
            "value": Placeholder.fill(offer.value, with: values), "code": Placeholder.fill(offer.code, with: values),
            "url": urlPrefix + "offers/\(offer.id).html",
        ]
        if let terms = offer.terms { view["terms"] = .text(Placeholder.fill(terms, with: values)) }
        if let expires = offer.expires {
            view["expires"] = .text(expires.description)
            view["expires_text"] = dayTexts[language]?[expires].map(ViewValue.text)
        }
        if let starts = offer.starts {
            view["starts"] = .text(starts.description)
            view["starts_text"] = dayTexts[language]?[starts].map(ViewValue.text)
        }
        switch (view["starts_text"], view["expires_text"]) {
        case let (.text(starts)?, .text(expires)?): view["validity_text"] = .text("Valid from \(starts) until \(expires)")
        case let (nil, .text(expires)?): view["validity_text"] = .text("Valid until \(expires)")
        case let (.text(starts)?, nil): view["validity_text"] = .text("Valid from \(starts)")
        default: break
        }
        return view
    }

    /// The values placeholders are filled with, for one source.
    func placeholderValues(for source: Source) -> [String: String] {
        let site = kit.site
        return [
            "referral.link": source.referralLink(in: site),
            "site.campaign": site.campaign, "site.name": site.name, "site.url": site.url,
            "site.referral_url": site.referralURL,
            "site.contact.name": site.contact.name ?? "", "site.contact.email": site.contact.email ?? "",
            "site.contact.phone": site.contact.phone ?? "",
            "source.code": source.code, "source.name": source.name, "source.slug": source.slug,
            "source.segment": source.segment.rawValue, "source.message": source.message ?? "",
            "source.reward": source.resolvedReward(in: site) ?? "",
            "source.contact.name": source.contact.name ?? "", "source.contact.email": source.contact.email ?? "",
            "source.contact.phone": source.contact.phone ?? "",
        ]
    }
}

/// Days written out for a language: `30 June 2027` (en-GB), `June 30, 2027` (en), `30. Juni 2027` (de).
enum DayFormatting {
    static func long(_ day: Day, language: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        var components = DateComponents()
        (components.year, components.month, components.day) = (day.year, day.month, day.day)
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return day.description }
        return formatter.string(from: date)
    }
}
