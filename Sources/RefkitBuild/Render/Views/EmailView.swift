import RefkitModel
import RefkitTemplates

/// The introduction e-mail, `S/email.html` and its plain-text twin `S/email.txt`.
extension SiteRenderer {
    /// `S/email.html` and `S/email.txt`, from one view.
    func emailJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        let email = emailView(context)
        jobs.append(Job(template: "email", path: "\(context.folder)/email.html", view: email))
        jobs.append(Job(template: "email-text", path: "\(context.folder)/email.txt", view: email))
        return jobs
    }

    /// `email.html` and `email.txt`: an introduction the source sends a prospect. The e-mail leaves
    /// the site, so every link and image in it is absolute, under `site.url`.
    func emailView(_ context: SourceContext) -> KitFileView {
        let folder = context.folder
        let base = kit.site.url.hasSuffix("/") ? kit.site.url : kit.site.url + "/"
        var view = baseView(context, depth: 1, currentPage: nil)
        view.root = base
        view.home = base + folder + "/index.html"
        view.site = Built(siteView(root: base))
        view.brand = Built(Branding(site: kit.site, source: context.source).view(root: base))
        view.referral = ReferralView(link: context.values["referral.link"]!, qrURL: base + folder + "/qr.svg")
        view.handout = handoutView(context)
        if let url = view.handout?.offer?.url { view.handout?.offer?.url = base + folder + "/" + url }
        return view
    }
}
