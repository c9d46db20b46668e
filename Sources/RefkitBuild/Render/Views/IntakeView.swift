import RefkitI18n
import RefkitModel
import RefkitTemplates

/// The refer-someone form, `S/refer.html` (FORMAT.md, "Measuring from real signals"): what a
/// source fills in to pass on a name, sent where `intake:` says, else by the reader's mail program.
extension SiteRenderer {
    func intakeJobs(_ context: SourceContext) -> [Job] {
        guard let intake = kit.site.intakeForm else { return [] }
        let words = words(for: language(of: context.source))
        // The subject names the source plainly (no isolation marks): a mail program shows it as text.
        let subject = words.text("refer_subject", ["source": context.source.name, "code": context.source.code, "site": kit.site.name])
        var view = baseView(context, depth: 1, currentPage: nil)
        view.intake = IntakeView(intake: intake, subject: subject)
        return [job("refer", path: OutputPlan.SourceFile.intake.path(in: context.folder), view: view,
                    title: words.text("refer_title") + " · " + kit.site.name, description: nil, preview: context.preview)]
    }
}

/// `intake`: where the form goes and how. Its fields are named for the CSV a form back-end exports
/// (`refkit import` reads them back): `code` (hidden, the source's code), `prospect`, `contact`,
/// `need`, `consent`, and the honeypot `_gotcha`, which a person never sees or fills in.
struct IntakeView: ViewModel {
    var intake: Intake
    var subject: String

    /// The form's `action`: the back-end's address, `mailto:` with the subject, or none for
    /// Netlify (the form posts to its own page, where Netlify takes it).
    var action: String? {
        switch intake {
        case .action(let url): url
        case .netlify: nil
        case .mail(let address): "mailto:\(address)?subject=\(percentEncodeQueryValue(subject))"
        }
    }

    static let fields: [ViewField<Self>] = [
        .text("action") { $0.action }, .text("subject") { $0.subject },
        .flag("is_action") { if case .action = $0.intake { true } else { nil } },
        .flag("is_netlify") { $0.intake == .netlify ? true : nil },
        .flag("is_mail") { if case .mail = $0.intake { true } else { nil } },
    ]

    static let about: [String: String] = [
        "action": "the form's `action`: `intake.action`, or `mailto:` with the subject; absent for Netlify (the form posts to its own page)",
        "subject": "the subject the business receives it under (`_subject` for a form back-end)",
        "is_action": "true with `intake: { action: URL }`",
        "is_netlify": "true with `intake: { netlify: true }`",
        "is_mail": "true without `intake`: a `mailto:` form to `contact.email`",
    ]
}
