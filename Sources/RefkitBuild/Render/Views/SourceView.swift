import RefkitModel
import RefkitTemplates

/// What every file of a source's kit sees: the context computed once per source, the parts of
/// the view that depend only on a file's depth, the site, the source and the placeholder values.
extension SiteRenderer {
    /// What one source's files share, computed once per source: its views of the pages and offers
    /// (placeholders filled), and the parts of the view that depend only on a file's depth.
    struct SourceContext {
        var folder: String
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
    func baseView(_ context: SourceContext, depth: Int, currentPage: String?) -> ViewObject {
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

    func language(of source: Source) -> String { source.language ?? kit.site.language }

    func siteView(root: String) -> ViewObject {
        let site = kit.site
        var view: ViewObject = [
            "name": site.name, "url": site.url, "referral_url": site.referralURL, "language": site.language,
            "campaign": site.campaign, "contact": contactView(site.contact),
            "has_contact": site.contact.name != nil || site.contact.email != nil || site.contact.phone != nil,
        ]
        if let logo = site.logo { view["logo"] = .text(root + logo) }
        return view
    }

    func sourceView(_ source: Source) -> ViewObject {
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

    func contactView(_ contact: Contact) -> ViewObject {
        var view = ViewObject()
        if let name = contact.name { view["name"] = .text(name) }
        if let email = contact.email { view["email"] = .text(email) }
        if let phone = contact.phone { view["phone"] = .text(phone) }
        return view
    }

    /// The values placeholders are filled with, for one source (`PlaceholderField`).
    func placeholderValues(for source: Source) -> [String: String] {
        Placeholder.values(for: source, in: kit.site)
    }
}
