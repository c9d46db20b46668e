import RefkitModel
import RefkitTemplates

/// Each kit page the source gets, `S/PAGE.html`.
extension SiteRenderer {
    /// `S/PAGE.html` for each page whose audience includes the source.
    func pageJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        for (page, pageView) in zip(context.pages, context.pageViews) {
            var view = baseView(context, depth: 1, currentPage: page.slug)
            view.page = pageView
            view.content = pageBodies[page.file]!.fill(context.values)
            jobs.append(job("page", path: OutputPlan.SourceFile.page(slug: page.slug).path(in: context.folder), view: view,
                            title: pageView.title + " · " + kit.site.name, description: pageView.summary, preview: context.preview))
        }
        return jobs
    }

    func pageView(_ page: Page, values: [String: String], reader: String) -> PageView {
        var view = PageView(
            title: Placeholder.fill(page.title, with: values), slug: page.slug, kind: page.kind,
            phrases: page.phrases.map { Placeholder.fill($0, with: values) },
            steps: page.steps.map { Placeholder.fill($0, with: values) },
            summary: page.summary.map { Placeholder.fill($0, with: values) })
        view.langAttr = langAttribute(page.language ?? kit.site.language, reader: reader)
        return view
    }
}

/// `page` and each of `pages`: a kit page, placeholders filled.
struct PageView: ViewModel {
    var title: String
    var slug: String
    var kind: PageKind
    var phrases: [String]
    var steps: [String]
    var summary: String?
    /// In `pages`: the page's address from the file showing it, and whether it is that file.
    var url: String?
    var current: Bool?
    /// ` lang="…"` when its text is not in the reader's language (`LanguageOfParts.swift`).
    var langAttr = ""

    /// `is_page`, `is_ideal_client`, …: true for the page's own kind, absent for the others.
    private static let kindFlags: [ViewField<Self>] = PageKind.allCases.map { kind in
        .flag("is_" + kind.rawValue.replacingOccurrences(of: "-", with: "_")) { $0.kind == kind ? true : nil }
    }

    static let fields: [ViewField<Self>] = [
        .text("title") { $0.title }, .text("slug") { $0.slug }, .text("kind") { $0.kind.rawValue },
        .texts("phrases") { $0.phrases }, .texts("steps") { $0.steps },
        .flag("has_phrases") { !$0.phrases.isEmpty }, .flag("has_steps") { !$0.steps.isEmpty },
    ] + kindFlags + [
        .text("summary") { $0.summary }, .text("url") { $0.url }, .flag("current") { $0.current },
        .text("lang_attr") { $0.langAttr },
    ]

    static let about: [String: String] = [
        "title": "the page's title",
        "slug": "the page's name (its file name without `NN-` and `.md`)",
        "kind": "`page`, `ideal-client`, `trigger-phrases`, `how-to-refer` or `what-happens-next`",
        "phrases": "a trigger-phrases page's phrases",
        "steps": "a how-to-refer page's steps",
        "has_phrases": "true when `phrases` is not empty",
        "has_steps": "true when `steps` is not empty",
        "is_page": "true for a plain page",
        "is_ideal_client": "true for the ideal-client page",
        "is_trigger_phrases": "true for the trigger-phrases page",
        "is_how_to_refer": "true for the how-to-refer page",
        "is_what_happens_next": "true for the what-happens-next page",
        "is_share": "true for the `share` page (its messages fill `share.html`)",
        "summary": "the page's one-sentence summary",
        "url": "the page's file, relative to this one",
        "current": "true in the navigation on the page being rendered",
        "lang_attr": "` lang=\"…\"` (and `dir`) when its text is not in the reader's language, else empty: `<article{{{page.lang_attr}}}>`",
    ]
}
