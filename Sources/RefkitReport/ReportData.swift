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

    /// - Parameters:
    ///   - from: first day of the period (default: the first of the month 11 months before `to`'s: a year).
    ///   - to: last day of the period (default: `today`).
    ///   - process: `content/process.yml`; without one, the ledger's stages stand in for its steps.
    public init(kit: Kit, ledger: Ledger, process: ReferralProcess? = nil, from: Day? = nil, to: Day? = nil, today: Day) {
        let to = to ?? today
        let from = from ?? Day(year: to.year, month: to.month, day: 1)!.adding(months: -11)
        self.from = from
        self.to = to
        self.today = today

        let bySlug = Dictionary(uniqueKeysWithValues: kit.sources.map { ($0.slug, $0) })
        var rows: [SourceRow?] = ledger.slugs.map { slug in
            guard let source = bySlug[slug] else { return nil }
            let cadence = source.resolvedFollowUp(in: kit.site)
            let start = FollowUpSchedule.start(slug: slug, cadence: cadence)
            return SourceRow(source: source, cadence: cadence, followUpStart: start,
                             nextFollowUp: cadence.next(onOrAfter: today, start: start))
        }

        // Months shown: the period's, at most the last 24.
        let lastMonth = to.year * 12 + to.month - 1
        let firstMonth = max(from.year * 12 + from.month - 1, lastMonth - 23)
        var months = (firstMonth...max(firstMonth, lastMonth)).map { Month(year: $0 / 12, month: $0 % 12 + 1) }

        let low = Int32(from.daysSince1970), high = Int32(to.daysSince1970)
        let yearStart = Int32(Day(year: to.year, month: 1, day: 1)!.daysSince1970)
        var overall = Tally(), partners = Tally(), customers = Tally()
        // Month of each day, cached: a ledger has far fewer days than rows.
        var monthOfDay: [Int32: Int] = [:]
        let segments = rows.map { $0?.source.segment }
        for entry in ledger.entries {
            guard entry.days <= high else { break }  // entries are in date order
            let index = Int(entry.source)
            // Changed in place (`rows[index]!.…`): copying a row out and back would copy its source.
            guard let segment = segments[index] else { continue }
            if entry.stage == .thanked {
                rows[index]!.lastThanked = entry.day
                rows[index]!.leadsSinceThanks = 0
            } else if entry.stage != .given {
                rows[index]!.lastActivity = entry.day
                if entry.stage == .lead { rows[index]!.leadsSinceThanks += 1 }
            }
            if entry.days >= yearStart { rows[index]!.year.add(entry) }
            if entry.days >= low {
                rows[index]!.period.add(entry)
                overall.add(entry)
                if segment == .partner { partners.add(entry) } else { customers.add(entry) }
                let month: Int
                if let cached = monthOfDay[entry.days] { month = cached } else {
                    let day = entry.day
                    month = day.year * 12 + day.month - 1
                    monthOfDay[entry.days] = month
                }
                if month >= firstMonth { months[month - firstMonth].tally.add(entry) }
            }
        }
        self.overall = overall
        self.partners = partners
        self.customers = customers
        self.sources = rows.compactMap { $0 }
        self.months = months
        flow = ReferralFlow(ledger: ledger, sources: bySlug, process: process ?? .stagesOnly, askAfterDays: kit.site.askAfterDays,
                            from: from, to: to, today: today)
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
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
