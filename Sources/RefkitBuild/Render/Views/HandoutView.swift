import RefkitI18n
import RefkitModel
import RefkitTemplates

/// The one-page handout, `S/handout.html`.
extension SiteRenderer {
    /// `S/handout.html`: who to refer, what to listen for, how to refer, the offer.
    func handoutJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        var handout = baseView(context, depth: 1, currentPage: nil)
        handout.handout = context.handout ?? handoutView(context)
        // Printed, the logos get the sheet's room.
        handout.brand = brandBuilt(of: context.source, root: "../", place: .sheet)
        let reader = language(of: context.source)
        jobs.append(job("handout", path: OutputPlan.SourceFile.handout.path(in: context.folder), view: handout,
                        title: words(for: reader).text("handout_title", context.wordValues), description: nil, preview: context.preview))
        return jobs
    }

    /// The handout's content: who to refer, what to listen for, how to refer, the offer.
    func handoutView(_ context: SourceContext) -> HandoutView {
        func fill(_ text: String) -> String { Placeholder.fill(text, with: context.values) }
        let ideal = context.pages.first { $0.kind == .idealClient }
        let next = context.pages.first { $0.kind == .whatHappensNext }
        let reader = language(of: context.source)
        func attribute(_ page: Page?) -> String { page.map { langAttribute($0.language ?? kit.site.language, reader: reader) } ?? "" }
        var view = HandoutView(
            who: ideal.map { HandoutView.Section(title: fill($0.title), summary: $0.summary.map(fill) ?? "", langAttr: attribute($0)) },
            phrases: context.pages.filter { $0.kind == .triggerPhrases }.flatMap(\.phrases).prefix(Handout.phrases).map(fill),
            steps: context.pages.filter { $0.kind == .howToRefer }.flatMap(\.steps).prefix(Handout.steps).map(fill),
            next: next.flatMap { page in page.summary.map { HandoutView.Section(title: fill(page.title), summary: fill($0), langAttr: attribute(page)) } },
            offer: context.offerViews[1]!.first)
        let phrases = context.pages.first { $0.kind == .triggerPhrases }
        view.phrasesLangAttr = attribute(phrases)
        (view.quoteOpen, view.quoteClose) = CLDR.quotationMarks(in: phrases.map { $0.language ?? kit.site.language } ?? reader)
        view.stepsLangAttr = attribute(context.pages.first { $0.kind == .howToRefer })
        // A kit without guide pages (ideal client, phrases, steps, what next) still fills the
        // sheet: with the pages the source gets, by title and summary.
        if !view.hasGuide {
            view.pages = context.pageViews.map { HandoutView.Section(title: $0.title, summary: $0.summary ?? "", langAttr: $0.langAttr) }
        }
        return view
    }
}

/// `handout`: what the one-page handout and the e-mail show.
struct HandoutView: ViewModel {
    /// A page by title and summary.
    struct Section: ViewModel {
        var title: String
        var summary: String
        /// ` lang="…"` when the page it comes from is not in the reader's language.
        var langAttr = ""

        static let fields: [ViewField<Self>] = [.text("title") { $0.title }, .text("summary") { $0.summary },
                                                .text("lang_attr") { $0.langAttr }]

        static let about: [String: String] = [
            "title": "the page's title",
            "summary": "the page's summary",
            "lang_attr": "` lang=\"…\"` (and `dir`) when the page is not in the reader's language, else empty",
        ]
    }

    var who: Section?
    var phrases: [String]
    var steps: [String]
    var next: Section?
    var offer: OfferView?
    /// ` lang="…"` when the phrases', the steps' page is not in the reader's language.
    var phrasesLangAttr = "", stepsLangAttr = ""
    /// The quotation marks of the phrases' language (`„…“` for German phrases on any page).
    var quoteOpen = "\u{201C}", quoteClose = "\u{201D}"
    /// Without guide pages: every page the source gets.
    var pages: [Section]?

    var hasGuide: Bool { who != nil || !phrases.isEmpty || !steps.isEmpty || next != nil }

    static let fields: [ViewField<Self>] = [
        .object("who") { $0.who }, .texts("phrases") { $0.phrases }, .flag("has_phrases") { !$0.phrases.isEmpty },
        .texts("steps") { $0.steps }, .flag("has_steps") { !$0.steps.isEmpty }, .object("next") { $0.next },
        .object("offer") { $0.offer }, .flag("has_guide") { $0.hasGuide }, .list("pages") { $0.pages },
        .text("phrases_lang_attr") { $0.phrasesLangAttr }, .text("steps_lang_attr") { $0.stepsLangAttr },
        .text("quote_open") { $0.quoteOpen }, .text("quote_close") { $0.quoteClose },
    ]

    static let about: [String: String] = [
        "who": "the ideal-client page",
        "phrases": "the trigger phrases (the first six)",
        "has_phrases": "true when `phrases` is not empty",
        "steps": "how to refer, step by step",
        "has_steps": "true when `steps` is not empty",
        "next": "the what-happens-next page",
        "offer": "the first offer the source gets",
        "has_guide": "true when any of `who`, `phrases`, `steps`, `next` is there",
        "pages": "every page the source gets, when it has none of the guide's kinds",
        "phrases_lang_attr": "` lang=\"…\"` (and `dir`) when the phrases' page is not in the reader's language, else empty",
        "steps_lang_attr": "` lang=\"…\"` (and `dir`) when the steps' page is not in the reader's language, else empty",
        "quote_open": "the opening quotation mark of the phrases' language",
        "quote_close": "the closing quotation mark of the phrases' language",
    ]
}
