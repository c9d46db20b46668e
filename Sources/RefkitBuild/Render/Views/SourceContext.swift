import RefkitI18n
import RefkitModel
import RefkitTemplates
import RefkitQR

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
        /// What printed things carry (`Source.printedLink`), and its QR code.
        var printedLink: String
        var qr: String
        var pageViews: [PageView]
        /// By depth (1: the source's folder, 2: offers/): site, brand and offer views.
        var site: [Int: Built<SiteView>]
        var brand: [Int: Built<BrandView>]
        /// By depth: the referral link and QR code, and where the source's other files are.
        var referral: [Int: Built<ReferralView>] = [:]
        var links: [Int: Built<LinksView>] = [:]
        var offerViews: [Int: [OfferView]]
        var builtOffers: [Int: [Built<OfferView>]]
        var sourceView: Built<SourceFacts>
        /// `{site}`, `{source}`, `{code}`, `{name}` for refkit's words (`wordValues(for:)`).
        var wordValues: [String: String]
        var words: Built<WordsView>
        /// What every page's link preview shows of the source.
        var preview: PreviewParts
        /// By depth: the pages as the navigation lists them, none of them current. Each file
        /// shares them; the one page a file is gets its own, current.
        var navigation: [Int: [Built<PageView>]] = [:]
        /// What the handout and the e-mail both show (`handoutView`).
        var handout: HandoutView?
    }

    /// What every template of a source sees. `depth` is how many folders below output/ the file is.
    func baseView(_ context: SourceContext, depth: Int, currentPage: String?) -> KitFileView {
        let root = String(repeating: "../", count: depth)
        let toSource = String(repeating: "../", count: depth - 1)
        return KitFileView(
            lang: language(of: context.source), dir: Language.direction(of: language(of: context.source)), root: root, home: toSource + OutputPlan.SourceFile.home.path, noindex: kit.site.unlisted || context.source.segment == .customer,
            site: context.site[depth]!, source: context.sourceView, brand: context.brand[depth]!,
            pages: zip(context.pages, context.navigation[depth]!).enumerated().map { index, listed in
                guard listed.0.slug == currentPage else { return listed.1 }
                return Built(navigationView(context, index: index, depth: depth, current: true))
            },
            offers: context.builtOffers[depth]!, hasOffers: !context.offers.isEmpty,
            referral: context.referral[depth]!, links: context.links[depth]!,
            build: BuildView(date: date.description), t: context.words)
    }

    /// The page at `index` as the navigation of a file `depth` folders below output/ lists it.
    func navigationView(_ context: SourceContext, index: Int, depth: Int, current: Bool) -> PageView {
        var view = context.pageViews[index]
        view.url = String(repeating: "../", count: depth - 1) + OutputPlan.SourceFile.page(slug: context.pages[index].slug).path
        view.current = current
        return view
    }

    /// The referral view and the links of a source's file `depth` folders below output/: the same
    /// for every file at that depth, so made once (`Built`) and shared; the links are the same for
    /// every source too (`SharedViews`).
    func referralAndLinks(_ context: SourceContext, depth: Int) -> (Built<ReferralView>, Built<LinksView>) {
        let qr = context.qr
        let toSource = String(repeating: "../", count: depth - 1)
        let referral = ReferralView(link: context.values["referral.link"]!, printedLink: context.printedLink,
                                    qrSVG: qr, qrURL: toSource + OutputPlan.SourceFile.qr.path, qrSize: QRCode.pixelSize(ofSVG: qr))
        return (Built(referral), shared.links(depth: depth) ?? Built(linksView(depth: depth)))
    }

    /// Where a source's other files are from one of its files `depth` folders below output/.
    func linksView(depth: Int) -> LinksView {
        let root = String(repeating: "../", count: depth)
        let toSource = String(repeating: "../", count: depth - 1)
        return LinksView(handout: toSource + OutputPlan.SourceFile.handout.path, email: toSource + OutputPlan.SourceFile.email.path,
                         emailText: toSource + OutputPlan.SourceFile.emailText.path,
                         contactCard: toSource + OutputPlan.SourceFile.contactCard.path, share: toSource + OutputPlan.SourceFile.share.path,
                         refer: kit.site.intakeForm.map { _ in toSource + OutputPlan.SourceFile.intake.path },
                         network: kit.network.isEmpty ? nil : root + OutputPlan.BlogFile.list(page: 1).outputPath)
    }

    func language(of source: Source) -> String { kit.language(of: source) }

    func siteView(root: String) -> SiteView {
        let site = kit.site
        return SiteView(
            name: site.name, url: site.url, referralURL: site.referralURL, language: site.language, campaign: site.campaign,
            logo: site.logo.map { root + $0 }, contact: contactView(site.contact),
            hasContact: site.contact.name != nil || site.contact.email != nil || site.contact.phone != nil)
    }

    func sourceView(_ source: Source) -> SourceFacts {
        SourceFacts(
            name: source.name, slug: source.slug, segment: source.segment.rawValue, code: source.code,
            contact: contactView(source.contact), isPartner: source.segment == .partner,
            isCustomer: source.segment == .customer, message: source.message,
            // A customer is often their own contact: the e-mail then never signs "Maria Schäfer / Maria Schäfer".
            signedBy: source.contact.name.flatMap { $0 != source.name ? $0 : nil },
            reward: source.resolvedReward(in: kit.site),
            rewardLangAttr: langAttribute(rewardLanguage(of: source), reader: language(of: source)))
    }

    func contactView(_ contact: Contact) -> ContactView {
        ContactView(name: contact.name, email: contact.email, phone: contact.phone)
    }

    /// The values placeholders are filled with, for one source (`PlaceholderField`): a name or
    /// text written the other way than the source reads is isolated (`Language.isolated`), so a
    /// Latin name keeps its full stop in an Arabic sentence; codes and URLs are as they are.
    func placeholderValues(for source: Source) -> [String: String] {
        let direction = Language.direction(of: language(of: source))
        var values = Placeholder.values(for: source, in: kit.site)
        for field in PlaceholderField.allCases where field.isFreeText {
            values[field.rawValue] = values[field.rawValue].map { Language.isolated($0, in: direction) }
        }
        return values
    }
}
