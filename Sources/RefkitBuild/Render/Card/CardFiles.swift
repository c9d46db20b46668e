import RefkitI18n
import RefkitImages
import RefkitModel

/// The link-preview cards a kit publishes (contract "Link previews"): each partner's own,
/// `S/card.png`, co-branded and in its language; and the business's, `assets/cards/LANG.png`, in
/// the site's language and each customer's (a customer's name never goes on a public image). The
/// SVG is composed here (pure); drawing it is `refkit-draw`'s, many cards to one helper process.
extension SiteRenderer {
    /// The card a partner's pages show, composed; nil for a customer (its pages show the
    /// business's card in its language).
    func cardSVG(for source: Source) -> String? {
        guard source.segment == .partner else { return nil }
        let branding = Branding(site: kit.site, source: source, logos: kit.logos)
        let language = language(of: source)
        return PreviewCard(
            partner: PreviewCard.Side(name: source.name, logo: branding.partnerLogo),
            business: PreviewCard.Side(name: kit.site.name, logo: branding.siteLogo), names: source.name, keep: Branding.coBrandJoin + kit.site.name,
            headline: words(for: language).text("card_headline"), language: language, rightToLeft: Language.isRightToLeft(language),
            stripe: branding.site.primary ?? Branding.defaultPrimary, band: branding.primary).svg()
    }

    /// The business's card in `language`.
    func businessCardSVG(language: String) -> String {
        let branding = Branding(site: kit.site, source: nil, logos: kit.logos)
        return PreviewCard(
            partner: nil, business: PreviewCard.Side(name: kit.site.name, logo: branding.siteLogo), names: kit.site.name,
            headline: words(for: language).text("card_headline"), language: language, rightToLeft: Language.isRightToLeft(language),
            stripe: branding.site.primary ?? Branding.defaultPrimary, band: branding.primary).svg()
    }

    /// The languages the business's card is drawn in: the site's (the directory, the blog) and
    /// every customer's.
    var businessCardLanguages: [String] {
        Set([kit.site.language] + kit.sources.filter { $0.segment == .customer }.map(language(of:))).sorted()
    }

    /// Where the card a page shows is, under the output folder: a partner's own, else the
    /// business's in the page's language.
    func cardPath(for source: Source?, language: String) -> String {
        if let source, source.segment == .partner { return OutputPlan.SourceFile.card.path(in: directoryName(for: source)) }
        return OutputPlan.businessCard(language: language)
    }

    /// A card to draw: where it goes, its SVG, and the logos it carries (named when it fails:
    /// a partner's card carries the partner's and the business's, either may be the one at fault).
    struct CardJob: Sendable {
        var path: String
        var svg: [UInt8]
        var logos: [String]
    }

    /// The cards of these partners (customers have none), composed.
    func partnerCardJobs(for sources: [Source]) -> [CardJob] {
        sources.compactMap { source in
            cardSVG(for: source).map {
                CardJob(path: OutputPlan.SourceFile.card.path(in: directoryName(for: source)), svg: Array($0.utf8),
                        logos: Array(Set([source.brand?.logo, kit.site.logo].compactMap { $0 })).sorted())
            }
        }
    }

    /// The business's cards (`OutputPlan.Shared.cards`), composed.
    func businessCardJobs() -> [CardJob] {
        businessCardLanguages.map { CardJob(path: OutputPlan.businessCard(language: $0), svg: Array(businessCardSVG(language: $0).utf8), logos: [kit.site.logo].compactMap { $0 }) }
    }

    /// Cards drawn by one helper process; a card that cannot be drawn names the logos it carries.
    static func draw(_ cards: [CardJob]) throws(BuildFailure) -> [OutputFile] {
        let drawn = SVGRaster.cards(cards.map(\.svg), width: PreviewCard.width, height: PreviewCard.height)
        var files: [OutputFile] = []
        for (card, result) in zip(cards, drawn) {
            switch result {
            case .success(let png): files.append(OutputFile(path: card.path, contents: png))
            case .failure(let failure): throw .card(path: card.path, logos: card.logos, failure)
            }
        }
        return files
    }
}
