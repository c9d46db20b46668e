import RefkitLedger
import RefkitModel

/// How many of one step's referrals reached the next (views → leads → appointments → deals),
/// counted among the same referrals, so it is never above 100%. The ledger does not say which view
/// became which lead, but each source's referrals at the next step passed through this step at
/// that source: per source, at most as many as it had here. Views and appointments are optional
/// rows: with fewer of them than of the step after (views recorded for a few sources, say), or none,
/// that step is not tracked, and the report says so instead of dividing by it ("750% of views").
/// Leads are always recorded: a period's deals whose leads came before it count as far as the
/// period's leads go.
enum Conversion: Equatable {
    /// Percent, 0 to 100.
    case rate(Int)
    case notTracked
    /// Nothing at either step.
    case nothing

    /// From `first` to `next` over per-source tallies (one source's: a list of one).
    init(from first: Stage, to next: Stage, in tallies: [Tally]) {
        let before = tallies.reduce(0) { $0 + $1[first] }
        let after = tallies.reduce(0) { $0 + $1[next] }
        if before == 0, after == 0 {
            self = .nothing
        } else if before == 0 || (before < after && Self.optional.contains(first)) {
            self = .notTracked
        } else {
            let through = tallies.reduce(0) { $0 + min($1[first], $1[next]) }
            self = .rate((through * 100 + before / 2) / before)
        }
    }

    /// Stages a ledger may leave out.
    static let optional: Set<Stage> = [.view, .appointment]

    /// For a table cell: "42%", "not tracked" or "–".
    var cell: String {
        switch self {
        case .rate(let percent): Formatting.percent(percent)
        case .notTracked: Formatting.text("not_tracked")
        case .nothing: "–"
        }
    }

    /// Beside a funnel bar: "42% of views", "views not tracked" or "–" (`step`: the stage above).
    func caption(of step: Stage) -> String {
        switch self {
        case .rate(let percent): Formatting.text("rate_of_\(step.name)", ["rate": Formatting.percent(percent)])
        case .notTracked: Formatting.text("not_tracked_\(step.name)")
        case .nothing: "–"
        }
    }
}

extension ReportData {
    /// The period's tally of each source in `segment` (every source when nil).
    func tallies(_ segment: Segment?) -> [Tally] {
        sources.filter { segment == nil || $0.source.segment == segment }.map(\.period)
    }
}
