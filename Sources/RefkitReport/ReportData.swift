import RefkitLedger
import RefkitModel

/// What the report shows, computed from a validated kit and its ledger: pure, no formatting.
public struct ReportData: Sendable {
    /// One source's numbers.
    public struct SourceRow: Sendable {
        public var source: Source
        /// Rows dated within the report's period.
        public var period = Tally()
        /// Rows dated in the calendar year of `to`, up to `to`.
        public var year = Tally()
        /// The last row up to `to` that was not a thank-you or a referral given.
        public var lastActivity: Day?
        public var lastThanked: Day?
        /// Leads after the last thank-you (or ever, if never thanked), up to `to`.
        public var leadsSinceThanks = 0
        /// The leads after the last thank-you that name a prospect, each once, with how far each came.
        public var unthanked: [LeadStatus] = []
        /// The day of the last lead after the last thank-you.
        public var lastUnthankedLead: Day?
        /// The last day the source opened its kit, up to `to` (`opened` rows).
        public var lastOpened: Day?
        /// Views in the period that came by the printed link (`view` rows noted `printed link`).
        public var printedLinkViews = 0
        public var cadence: Cadence
        /// The follow-up series' first day, and its next occurrence on or after `today`.
        public var followUpStart: Day
        public var nextFollowUp: Day
    }

    public struct Month: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var tally = Tally()
    }

    public var from: Day
    public var to: Day
    public var today: Day
    public var overall = Tally()
    public var partners = Tally()
    public var customers = Tally()
    /// Every source, by slug.
    public var sources: [SourceRow]
    /// The months of the period (the last 24 at most), oldest first.
    public var months: [Month]
    /// The process, what is held up, the results reviews (from the rows that name a prospect).
    public var flow: ReferralFlow
    /// The ledger has an `opened` row (`refkit import` reads the web server's access log).
    public var opensAreRecorded = false

    /// Sources that never opened their kit up to `to` (the ones to call first), by slug; empty
    /// when no opening is recorded at all.
    public var neverOpened: [SourceRow] {
        opensAreRecorded ? sources.filter { $0.lastOpened == nil }.sorted { $0.source.slug < $1.source.slug } : []
    }

    /// A source is quiet after this many days with no row but thank-yous.
    public static let quietDays = 90

    /// Sources with nothing but thank-yous in the last 90 days up to `to`, longest quiet first.
    public var quiet: [SourceRow] {
        let limit = to.daysSince1970 - Self.quietDays
        return sources.filter { ($0.lastActivity?.daysSince1970 ?? .min) <= limit }
            .sorted { ($0.lastActivity?.daysSince1970 ?? .min, $0.source.slug) < ($1.lastActivity?.daysSince1970 ?? .min, $1.source.slug) }
    }

    /// Sources that have sent referrals since they were last thanked, most first.
    public var thankYou: [SourceRow] {
        sources.filter { $0.leadsSinceThanks > 0 }
            .sorted { (-$0.leadsSinceThanks, $0.source.slug) < (-$1.leadsSinceThanks, $1.source.slug) }
    }

    /// Sources whose follow-up falls in the seven days from `today`, soonest first.
    public var dueThisWeek: [SourceRow] {
        let limit = today.daysSince1970 + 6
        return upcoming.filter { $0.nextFollowUp.daysSince1970 <= limit }
    }

    /// Every source by its next follow-up, soonest first.
    public var upcoming: [SourceRow] {
        sources.sorted { ($0.nextFollowUp, $0.source.slug) < ($1.nextFollowUp, $1.source.slug) }
    }

    /// The period a report covers: `from` (default: the first of the month 11 months before
    /// `to`'s: a year) to `to` (default: `today`).
    public static func period(from: Day?, to: Day?, today: Day) -> (from: Day, to: Day) {
        let to = to ?? today
        return (from ?? Day(year: to.year, month: to.month, day: 1)!.adding(months: -11), to)
    }

    /// What the report needs of each row, gathered as the ledger is read (`LedgerFold`): per
    /// source its tallies and last days, per month and segment the period's tallies, and the
    /// referrals' flow. Rows after `to` are left out.
    public final class Rows: LedgerFold {
        let from: Day, to: Day
        let low: Int32, high: Int32, yearStart: Int32
        let firstMonth: Int, lastMonth: Int
        /// Per source (indexed like the ledger's slugs; nil: a broken source file's rows).
        let segments: [Segment?]
        var period: [Tally], year: [Tally]
        var lastActivity: [Int32?], lastThanked: [Int32?], leadsSinceThanks: [Int]
        var lastOpened: [Int32?], printedLinkViews: [Int]
        /// Per source, the referrals of its leads after its last thank-you, and the last one's day.
        var unthanked: [[Int32]]
        var lastUnthankedLead: [Int32?]
        /// Whether the ledger has any `opened` row: without one, no kit is known to be unopened.
        var anyOpened = false
        var months: [Tally]
        var overall = Tally(), partners = Tally(), customers = Tally()
        /// Month of each day, cached: a ledger has far fewer days than rows.
        private var monthOfDay: [Int32: Int] = [:]
        let flow: ReferralFlow.Rows

        public init(slugs: [String], sources: [Source], from: Day, to: Day) {
            (self.from, self.to) = (from, to)
            let bySlug = Dictionary(uniqueKeysWithValues: sources.map { ($0.slug, $0.segment) })
            segments = slugs.map { bySlug[$0] }
            (low, high) = (Int32(from.daysSince1970), Int32(to.daysSince1970))
            yearStart = Int32(Day(year: to.year, month: 1, day: 1)!.daysSince1970)
            // Months shown: the period's, at most the last 24.
            lastMonth = to.year * 12 + to.month - 1
            firstMonth = max(from.year * 12 + from.month - 1, lastMonth - 23)
            months = Array(repeating: Tally(), count: max(firstMonth, lastMonth) - firstMonth + 1)
            (period, year) = (Array(repeating: Tally(), count: slugs.count), Array(repeating: Tally(), count: slugs.count))
            (lastActivity, lastThanked) = (Array(repeating: nil, count: slugs.count), Array(repeating: nil, count: slugs.count))
            leadsSinceThanks = Array(repeating: 0, count: slugs.count)
            (lastOpened, printedLinkViews) = (Array(repeating: nil, count: slugs.count), Array(repeating: 0, count: slugs.count))
            unthanked = Array(repeating: [], count: slugs.count)
            lastUnthankedLead = Array(repeating: nil, count: slugs.count)
            flow = ReferralFlow.Rows(from: from, to: to)
        }

        public func add(_ entry: LedgerEntry) {
            flow.add(entry)
            guard entry.days <= high else { return }
            let index = Int(entry.source)
            guard let segment = segments[index] else { return }
            if entry.stage == .thanked {
                lastThanked[index] = entry.days
                leadsSinceThanks[index] = 0
                unthanked[index] = []
                lastUnthankedLead[index] = nil
            } else if entry.stage != .given {
                if entry.stage == .opened { (lastOpened[index], anyOpened) = (max(entry.days, lastOpened[index] ?? .min), true) }
                lastActivity[index] = entry.days
                if entry.stage == .lead {
                    leadsSinceThanks[index] += 1
                    lastUnthankedLead[index] = max(entry.days, lastUnthankedLead[index] ?? .min)
                    if entry.referral >= 0, !unthanked[index].contains(entry.referral) { unthanked[index].append(entry.referral) }
                }
            }
            if entry.days >= yearStart { year[index].add(entry) }
            guard entry.days >= low else { return }
            if entry.printedLink { printedLinkViews[index] += entry.viewCount }
            period[index].add(entry)
            overall.add(entry)
            if segment == .partner { partners.add(entry) } else { customers.add(entry) }
            let month: Int
            if let cached = monthOfDay[entry.days] { month = cached } else {
                let day = entry.day
                month = day.year * 12 + day.month - 1
                monthOfDay[entry.days] = month
            }
            if month >= firstMonth { months[month - firstMonth].add(entry) }
        }
    }

    /// - Parameters:
    ///   - rows: what was gathered from the ledger's rows as it was read (its period is the report's).
    ///   - process: `content/process.yml`; without one, the ledger's stages stand in for its steps.
    public init(kit: Kit, ledger: Ledger, rows: Rows, process: ReferralProcess? = nil, today: Day) {
        (from, to) = (rows.from, rows.to)
        self.today = today
        let bySlug = Dictionary(uniqueKeysWithValues: kit.sources.map { ($0.slug, $0) })
        sources = ledger.slugs.enumerated().compactMap { index, slug -> SourceRow? in
            guard let source = bySlug[slug] else { return nil }
            let cadence = source.resolvedFollowUp(in: kit.site)
            let start = FollowUpSchedule.start(slug: slug, cadence: cadence)
            var row = SourceRow(source: source, cadence: cadence, followUpStart: start,
                                nextFollowUp: cadence.next(onOrAfter: today, start: start))
            row.period = rows.period[index]
            row.year = rows.year[index]
            row.lastActivity = rows.lastActivity[index].map { Day(daysSince1970: Int($0)) }
            row.lastThanked = rows.lastThanked[index].map { Day(daysSince1970: Int($0)) }
            row.leadsSinceThanks = rows.leadsSinceThanks[index]
            row.lastOpened = rows.lastOpened[index].map { Day(daysSince1970: Int($0)) }
            row.printedLinkViews = rows.printedLinkViews[index]
            row.lastUnthankedLead = rows.lastUnthankedLead[index].map { Day(daysSince1970: Int($0)) }
            row.unthanked = rows.unthanked[index].map {
                LeadStatus(prospect: ledger.referrals[Int($0)].prospect, stage: rows.flow.furthestStage(of: $0))
            }
            return row
        }
        months = rows.months.indices.map { offset in
            let month = rows.firstMonth + offset
            return Month(year: month / 12, month: month % 12 + 1, tally: rows.months[offset])
        }
        (overall, partners, customers) = (rows.overall, rows.partners, rows.customers)
        opensAreRecorded = rows.anyOpened
        flow = ReferralFlow(rows: rows.flow, ledger: ledger, sources: bySlug, process: process ?? .stagesOnly,
                            askAfterDays: kit.site.askAfterDays, today: today)
    }
}

/// Where each source's follow-up series starts: fixed by its slug, so the calendar is the same
/// every time it is made (re-importing updates events, never moves them), and spread over the
/// cadence's period, so a roster's calls do not all land on one day.
public enum FollowUpSchedule {
    /// Monday 2026-01-05: the series' epoch.
    public static let epoch = Day(year: 2026, month: 1, day: 5)!

    public static func start(slug: String, cadence: Cadence) -> Day {
        let spread = Int(stableHash(slug) % 1_000_003)
        switch cadence {
        case .weeks(let n):
            // A weekday within the first n weeks.
            let offset = spread % (5 * n)
            return Day(daysSince1970: epoch.daysSince1970 + offset / 5 * 7 + offset % 5)
        case .months(let n):
            // Day 1 to 28 (a day every month has) of one of the first n months.
            let first = Day(year: 2026, month: 1 + spread / 28 % n, day: 1 + spread % 28)!
            return first
        case .years:
            return Day(year: 2026, month: 1 + spread / 28 % 12, day: 1 + spread % 28)!
        }
    }

    /// FNV-1a over the slug's bytes: the same on every machine and every run.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

/// A lead not yet thanked for: its prospect, and how far it has come (lead, appointment, deal, lost).
public struct LeadStatus: Sendable, Hashable {
    public var prospect: String
    public var stage: Stage
}
