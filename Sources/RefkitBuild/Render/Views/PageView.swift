import RefkitModel
import RefkitTemplates

/// Each kit page the source gets, `S/PAGE.html`.
extension SiteRenderer {
    /// `S/PAGE.html` for each page whose audience includes the source.
    func pageJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        for (page, pageView) in zip(context.pages, context.pageViews) {
            var view = baseView(context, depth: 1, currentPage: page.slug)
            view["page"] = .object(pageView)
            view["content"] = .text(pageBodies[page.slug]!.fill(context.values))
            jobs.append(Job(template: "page", path: "\(context.folder)/\(page.slug).html", view: view))
        }
        return jobs
    }

    func pageView(_ page: Page, values: [String: String]) -> ViewObject {
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
}
