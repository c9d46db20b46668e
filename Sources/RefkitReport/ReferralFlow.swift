import RefkitLedger
import RefkitModel

/// How referrals move through the business's process, from the ledger's prospects (FORMAT.md,
/// "Operating the referral process"): per step the referrals that reached it, how many went on and
/// how long that took; which are held up past a step's `within_days`; the results reviews that
/// follow each deal. Pure: computed once per report from the checked ledger.
public struct ReferralFlow: Sendable {
    /// One step's figures, over the referrals that arrived in the period (their first row dated in it).
    public struct StepFigures: Sendable, Hashable {
        public var step: ReferralProcess.Step
        /// Referrals with a row at this step's stage, or at a later step's (a deal went through the meeting).
        public var reached = 0
        /// Of those, how many reached the next step (nil for the last step).
        public var onToNext: Int?
        /// The median of the days from this step's first row to the next step's, where both are
        /// written, in half days (the middle two of an even count are averaged); nil when none are.
        public var medianHalfDays: Int?
    }

    /// A referral waiting at a step longer than its `within_days`, as of the report's last day.
    public struct HeldUp: Sendable, Hashable {
        public var source: Source
        public var prospect: String
        public var step: ReferralProcess.Step
        public var since: Day
        public var days: Int
    }

    /// A new client's results review: `ask_after_days` after their deal.
    public struct Review: Sendable, Hashable {
        public var source: Source
        public var prospect: String
        public var deal: Day
        public var cents: Int64?
        public var day: Day
    }

    public var process: ReferralProcess
    public var steps: [StepFigures]
    /// Grouped by owner (by name, unowned last), oldest first within each.
    public var heldUp: [HeldUp]
    /// The results reviews not yet done (no row of the referral written after its deal), soonest
    /// first: the latest `overdueShown` of those past due, and every one to come.
    public var reviews: [Review]
    /// Open reviews past due older than those in `reviews` (counted, not listed).
    public var olderOverdue = 0
    public static let reviewDays = 30
    public static let overdueShown = 20
    let today: Day
    /// The reviews the page lists: past due, or due in the 30 days from `today` (today included).
    public var dueReviews: ArraySlice<Review> {
        let last = Day(daysSince1970: today.daysSince1970 + Self.reviewDays - 1)
        return reviews.prefix { $0.day <= last }
    }
    /// The first review due after those.
    public var nextReview: Review? { reviews.dropFirst(dueReviews.count).first }
    /// What the calendar holds: every open review from `today` on, however far ahead.
    public var upcomingReviews: ArraySlice<Review> { reviews.drop { $0.day < today } }
    /// Referrals (a lead, appointment, deal or lost row naming a prospect) up to the last day.
    public var referrals = 0
    /// Referrals that arrived in the period, and the period's leads written without a prospect.
    public var referralsInPeriod = 0
    public var leadsWithoutProspect = 0
    /// Per source (by slug): the period's referrals that became clients, latest deal first.
    public var clients: [String: [(prospect: String, note: String?)]] = [:]

    /// Path stages, in the order `firstDays` keeps them.
    static let tracked: [Stage] = [.lead, .appointment, .deal, .lost]

    /// What the flow needs of each row, gathered as the ledger is read: per referral, the first
    /// day of each tracked stage, its arrival, its last deal day and its last row's day; one entry
    /// per deal day (for its results review).
    final class Rows {
        static let none = Int32.max
        let low: Int32, high: Int32
        var firstDays: [Int32] = [], arrived: [Int32] = [], lastDeal: [Int32] = [], lastRow: [Int32] = []
        var deals: [(referral: Int32, entry: LedgerEntry)] = []
        var leadsWithoutProspect = 0

        init(from: Day, to: Day) {
            (low, high) = (Int32(from.daysSince1970), Int32(to.daysSince1970))
        }

        /// How far a referral has come up to the report's end: a client (a deal), lost, met, or a lead.
        func furthestStage(of referral: Int32) -> Stage {
            let base = Int(referral) * ReferralFlow.tracked.count
            guard referral >= 0, base + 3 < firstDays.count else { return .lead }
            if firstDays[base + 2] != Self.none { return .deal }
            if firstDays[base + 3] != Self.none { return .lost }
            return firstDays[base + 1] != Self.none ? .appointment : .lead
        }

        func add(_ entry: LedgerEntry) {
            guard entry.days <= high else { return }
            guard entry.referral >= 0 else {
                if entry.stage == .lead, entry.days >= low { leadsWithoutProspect += 1 }
                return
            }
            let referral = Int(entry.referral)
            while arrived.count <= referral {  // a referral first met
                arrived.append(Self.none)
                lastDeal.append(Self.none)
                lastRow.append(Self.none)
                firstDays += Array(repeating: Self.none, count: ReferralFlow.tracked.count)
            }
            lastRow[referral] = entry.days
            // A referral arrives with its first lead, appointment, deal or lost row (not with a
            // referral the business gave, or a thank-you).
            guard let slot = ReferralFlow.tracked.firstIndex(of: entry.stage) else { return }
            if arrived[referral] == Self.none { arrived[referral] = entry.days }
            let index = referral * ReferralFlow.tracked.count + slot
            if firstDays[index] == Self.none { firstDays[index] = entry.days }
            // One review per deal day of a referral.
            if entry.stage == .deal, lastDeal[referral] != entry.days {
                lastDeal[referral] = entry.days
                deals.append((entry.referral, entry))
            }
        }
    }

    init(rows: Rows, ledger: Ledger, sources: [String: Source], process: ReferralProcess, askAfterDays: Int, today: Day) {
        self.process = process
        let none = Rows.none
        let (low, high) = (rows.low, rows.high)
        let count = rows.arrived.count
        let (firstDays, arrived, lastDeal, lastRow, deals) = (rows.firstDays, rows.arrived, rows.lastDeal, rows.lastRow, rows.deals)
        let leadsWithoutProspect = rows.leadsWithoutProspect
        func first(_ referral: Int, _ stage: Stage) -> Int32 {
            firstDays[referral * Self.tracked.count + Self.tracked.firstIndex(of: stage)!]
        }
        self.leadsWithoutProspect = leadsWithoutProspect
        // A review is done once a row of its referral is written after the deal (the review, the
        // next deal, anything): until then it is listed, past due or to come.
        // Past due, the latest few are listed (a ledger of years has thousands nobody closed).
        let open = deals.filter { lastRow[Int($0.referral)] == $0.entry.days }  // in date order
        let firstUpcoming = open.firstIndex { Int($0.entry.days) + askAfterDays >= today.daysSince1970 } ?? open.count
        let listedOverdue = max(0, firstUpcoming - Self.overdueShown)
        olderOverdue = listedOverdue
        self.today = today
        self.reviews = open[listedOverdue...].compactMap { deal -> Review? in
            guard let source = sources[ledger.slugs[Int(deal.entry.source)]] else { return nil }
            return Review(source: source, prospect: ledger.referrals[Int(deal.referral)].prospect, deal: deal.entry.day,
                          cents: deal.entry.cents, day: Day(daysSince1970: Int(deal.entry.days) + askAfterDays))
        }.sorted { ($0.day, $0.source.slug, $0.prospect) < ($1.day, $1.source.slug, $1.prospect) }

        // The steps, over the referrals that arrived in the period.
        let steps = process.steps
        var reached = [Int](repeating: 0, count: steps.count)
        var waits = [[Int32]](repeating: [], count: steps.count)
        var inPeriod = 0
        var clients: [String: [(prospect: String, note: String?, deal: Int32)]] = [:]
        for referral in 0..<count where arrived[referral] >= low && arrived[referral] != none {
            inPeriod += 1
            // The furthest step reached: a later step's row means the earlier ones were passed.
            let furthest = steps.lastIndex { first(referral, $0.stage) != none }
            if let furthest { for index in 0...furthest { reached[index] += 1 } }
            for index in steps.indices.dropLast() {
                let here = first(referral, steps[index].stage), next = first(referral, steps[index + 1].stage)
                if here != none, next != none, next >= here { waits[index].append(next - here) }
            }
            let deal = first(referral, .deal)
            if deal != none {
                let facts = ledger.referrals[referral]
                clients[ledger.slugs[Int(facts.source)], default: []].append((facts.prospect, facts.note, lastDeal[referral]))
            }
        }
        referralsInPeriod = inPeriod
        referrals = arrived.lazy.filter { $0 != none }.count
        self.steps = steps.indices.map { index in
            var figures = StepFigures(step: steps[index], reached: reached[index])
            if index + 1 < steps.count {
                figures.onToNext = reached[index + 1]
                figures.medianHalfDays = Self.medianHalfDays(waits[index])
            }
            return figures
        }
        self.clients = clients.mapValues { list in
            list.sorted { ($1.deal, $0.prospect) < ($0.deal, $1.prospect) }.map { ($0.prospect, $0.note) }
        }

        // Held up: each open referral's furthest step, if it has waited there past its days.
        var heldUp: [HeldUp] = []
        for referral in 0..<count where arrived[referral] != none && first(referral, .lost) == none {
            guard let furthest = steps.lastIndex(where: { first(referral, $0.stage) != none }),
                  let within = steps[furthest].withinDays,
                  !Self.tracked.contains(where: { $0.rawValue > steps[furthest].stage.rawValue && $0 != .lost
                                                  && first(referral, $0) != none }) else { continue }
            let since = first(referral, steps[furthest].stage)
            let waited = Int(high - since)
            guard waited > within, let source = sources[ledger.slugs[Int(ledger.referrals[referral].source)]] else { continue }
            heldUp.append(HeldUp(source: source, prospect: ledger.referrals[referral].prospect, step: steps[furthest],
                                 since: Day(daysSince1970: Int(since)), days: waited))
        }
        self.heldUp = heldUp.sorted {
            ($0.step.owner == nil ? 1 : 0, $0.step.owner ?? "", -$0.days, $0.source.slug, $0.prospect)
                < ($1.step.owner == nil ? 1 : 0, $1.step.owner ?? "", -$1.days, $1.source.slug, $1.prospect)
        }
    }

    static func medianHalfDays(_ values: [Int32]) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Int(sorted[middle]) * 2 : Int(sorted[middle - 1]) + Int(sorted[middle])
    }
}
