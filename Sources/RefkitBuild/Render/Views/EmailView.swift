import RefkitI18n
import RefkitImages
import RefkitModel
import RefkitTemplates

/// The introduction e-mail, `S/email.html` and its plain-text twin `S/email.txt`.
extension SiteRenderer {
    /// `S/email.html` and `S/email.txt`, from one view.
    func emailJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        let email = emailView(context)
        jobs.append(Job(template: "email", path: OutputPlan.SourceFile.email.path(in: context.folder), view: email))
        jobs.append(Job(template: "email-text", path: OutputPlan.SourceFile.emailText.path(in: context.folder), view: email))
        return jobs
    }

    /// `email.html` and `email.txt`: an introduction the source sends a prospect. The e-mail leaves
    /// the site, so every link and image in it is absolute, under `site.url`.
    func emailView(_ context: SourceContext) -> KitFileView {
        let folder = context.folder
        let base = emailRoot
        var view = baseView(context, depth: 1, currentPage: nil)
        view.root = base
        view.home = base + OutputPlan.SourceFile.home.path(in: folder)
        view.site = siteBuilt(root: base)
        view.brand = brandBuilt(of: context.source, root: base, place: .email)
        view.referral = Built(ReferralView(link: context.values["referral.link"]!, printedLink: context.printedLink,
                                           qrURL: base + OutputPlan.SourceFile.qr.path(in: folder)))
        view.handout = context.handout ?? handoutView(context)
        if let url = view.handout?.offer?.url { view.handout?.offer?.url = base + folder + "/" + url }
        view.email = emailSentences(context, offer: view.handout?.offer)
        return view
    }

    /// The e-mail's sentences that carry values: the offer, and how to reach the site's contact.
    func emailSentences(_ context: SourceContext, offer: OfferView?) -> EmailSentences {
        let words = words(for: language(of: context.source)), contact = kit.site.contact
        var reach: String?
        if let name = contact.name {
            let key = ["email_reach", contact.email.map { _ in "email" }, contact.phone.map { _ in "phone" }]
                .compactMap { $0 }.joined(separator: "_")
            reach = words.text(key, ["contact": name, "email": contact.email ?? "", "phone": contact.phone ?? "",
                                     "code": context.source.code])
        }
        guard let offer else { return EmailSentences(offer: nil, offerHTML: nil, reach: reach) }
        // The offer's value may be in another language than the reader's (an untranslated offer),
        // its code in another script: in HTML each is its own isolated part, the value with its
        // `lang`; in plain text each is isolated where written the other way.
        let direction = Language.direction(of: language(of: context.source))
        let validity = offer.validityText.map { " " + $0 + "." } ?? ""
        let text = words.text("email_offer", ["value": Language.isolated(offer.value, in: direction),
                                              "code": Language.isolated(offer.code, in: direction)]) + validity
        let marked = Escape.html(words.text("email_offer", ["value": "\u{E000}", "code": "\u{E001}"]) + validity)
        let html = marked.replacingEvery("\u{E000}", with: "<bdi\(offer.langAttr)>" + Escape.html(offer.value) + "</bdi>")
            .replacingEvery("\u{E001}", with: "<bdi>" + Escape.html(offer.code) + "</bdi>")
        return EmailSentences(offer: text, offerHTML: html, reach: reach)
    }
}

/// `email`: the e-mail's sentences that carry values, written in the reader's language.
struct EmailSentences: ViewModel {
    var offer: String?
    var offerHTML: String?
    var reach: String?

    static let fields: [ViewField<Self>] = [.text("offer") { $0.offer }, .text("offer_html") { $0.offerHTML }, .text("reach") { $0.reach }]

    static let about: [String: String] = [
        "offer": "the sentence naming the first offer",
        "offer_html": "the same sentence as HTML (use `{{{…}}}`): the offer's value and code each isolated (`<bdi>`), the value with its `lang` when it is not in the reader's language",
        "reach": "the sentence saying how to reach the business",
    ]
}

extension SiteRenderer {
    /// Every SVG logo an e-mail shows drawn into PNG (`assets/email/NAME.png`), at twice the size
    /// it is shown: files every source shares, written with the theme. Only the logos an e-mail
    /// shows (the business's and the sources' brands), not every SVG under content/assets. A logo
    /// that cannot be drawn, or not in time (`SVGRaster.timeLimit`), fails the build, naming it.
    /// A logo `store` holds is read back, not drawn (a helper process each, every build).
    func emailLogoFiles(store: CardStore) throws(BuildFailure) -> [OutputFile] {
        let shown = Set([kit.site.logo].compactMap { $0 } + kit.sources.compactMap { $0.brand?.logo })
        var files: [OutputFile] = []
        for logo in kit.logos.values.filter({ shown.contains($0.path) }).sorted(by: { $0.path < $1.path }) {
            guard let svg = logo.svg else { continue }
            let (width, height) = LogoPlace.emailSize(of: logo)
            let key = store.key(svg, how: "\(2 * width)x\(2 * height) inset \(2 * LogoPlace.emailInset) on white")
            if let png = store.card(key) {
                files.append(OutputFile(path: LogoPlace.emailPath(of: logo), contents: png))
                continue
            }
            switch SVGRaster.png(svg, width: 2 * width, height: 2 * height, inset: 2 * LogoPlace.emailInset, onWhite: true) {
            case .success(let png):
                files.append(OutputFile(path: LogoPlace.emailPath(of: logo), contents: png))
                store.keep(png, key: key)
            case .failure(let failure): throw .logo(path: logo.path, failure)
            }
        }
        return files
    }
}
