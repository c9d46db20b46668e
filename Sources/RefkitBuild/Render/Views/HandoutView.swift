import RefkitModel
import RefkitTemplates

/// The one-page handout, `S/handout.html`.
extension SiteRenderer {
    /// `S/handout.html`: who to refer, what to listen for, how to refer, the offer.
    func handoutJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        var handout = baseView(context, depth: 1, currentPage: nil)
        handout["handout"] = .object(handoutView(context))
        jobs.append(Job(template: "handout", path: "\(context.folder)/handout.html", view: handout))
        return jobs
    }

    /// The handout's content: who to refer, what to listen for, how to refer, the offer.
    func handoutView(_ context: SourceContext) -> ViewObject {
        let values = context.values
        func fill(_ text: String) -> String { Placeholder.fill(text, with: values) }
        var view = ViewObject()
        if let ideal = context.pages.first(where: { $0.kind == .idealClient }) {
            view["who"] = .object(["title": fill(ideal.title), "summary": ideal.summary.map(fill) ?? ""])
        }
        let phrases = context.pages.filter { $0.kind == .triggerPhrases }.flatMap(\.phrases).prefix(Handout.phrases)
        view["phrases"] = phrases.map(fill).viewValue
        view["has_phrases"] = .flag(!phrases.isEmpty)
        let steps = context.pages.filter { $0.kind == .howToRefer }.flatMap(\.steps).prefix(Handout.steps)
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
}
