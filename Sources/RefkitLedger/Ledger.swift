import RefkitModel

/// What happened with a referral, as the ledger's `stage` column names it.
public enum Stage: UInt8, CaseIterable, Sendable {
    case view, lead, appointment, deal, lost, thanked
    /// A referral the business gave to the source (give to get): not a lead.
    case given
    /// The source opened its kit (`refkit import` of the web server's access log): not a prospect's.
    case opened

    public var name: String {
        switch self {
        case .view: "view"
        case .lead: "lead"
        case .appointment: "appointment"
        case .deal: "deal"
        case .lost: "lost"
        case .thanked: "thanked"
        case .given: "given"
        case .opened: "opened"
        }
    }

    /// The stages a referral moves through (lead → appointment → deal, or lost at any point).
    public var isOnAReferralsPath: Bool {
        switch self {
        case .lead, .appointment, .deal, .lost: true
        case .view, .thanked, .given, .opened: false
        }
    }

    /// A stage by its name, in any case (`Lead`, `DEAL`), as source codes are.
    public init?(name: String) {
        let name = name.lowercased()
        guard let stage = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = stage
    }
}

/// One row of `content/ledger.csv`, compact (32 bytes: a million rows take ~32 MB): the note is
/// not kept, the prospect is an index into `Ledger.referrals`.
public struct LedgerEntry: Sendable, Hashable {
    /// Days since 1970-01-01.
    public var days: Int32
    /// Index into `Ledger.sources`.
    public var source: Int32
    public var stage: Stage
    /// A `view` row noted `printed link` (`refkit import`: someone followed the printed `/r/CODE`).
    /// (Kept beside `stage`, in what would be padding: the entry stays 32 bytes.)
    public var printedLink = false
    /// The file line the row starts on.
    public var line: Int32
    /// The row's amount in hundredths, if it has one.
    public var cents: Int64?
    /// Index into `Ledger.referrals` (the row's source and prospect), or -1 for a row without a prospect.
    public var referral: Int32

    /// How many views a `view` row stands for: its value, a whole number (an imported day's
    /// count), else 1.
    public var viewCount: Int {
        guard let cents, cents >= 100, cents % 100 == 0 else { return 1 }
        return Int(cents / 100)
    }

    public init(days: Int32, source: Int32, stage: Stage, line: Int32, cents: Int64? = nil, referral: Int32 = -1, printedLink: Bool = false) {
        self.printedLink = printedLink
        self.days = days
        self.source = source
        self.stage = stage
        self.line = line
        self.cents = cents
        self.referral = referral
    }

    public var day: Day { Day(daysSince1970: Int(days)) }
}

/// One referral: the rows of one source that name the same prospect (lead → appointment → deal
/// or lost), FORMAT.md's optional sixth column.
public struct Referral: Sendable, Hashable {
    /// Index into `Ledger.slugs`.
    public var source: Int32
    /// The prospect as first written (rows match it ignoring case and surrounding spaces).
    public var prospect: String
    /// The first note written on one of its rows (private, like every note: for the report only).
    public var note: String?

    public init(source: Int32, prospect: String, note: String? = nil) {
        self.source = source
        self.prospect = prospect
        self.note = note
    }
}

/// The referral ledger, checked: its sources and referrals, how many rows it has and this year's
/// tallies. Its rows are not kept: what needs them is a `LedgerFold`, given each as it is read.
public struct Ledger: Sendable {
    public static let file = "content/ledger.csv"
    /// The header: these five, or these and `prospect`.
    public static let columns = ["date", "source", "stage", "value", "note"]
    public static let prospectColumn = "prospect"

    /// The kit's source slugs, sorted; `LedgerEntry.source` indexes this.
    public var slugs: [String]
    /// Every referral named by a row's prospect, in the order first met in the file.
    public var referrals: [Referral]
    /// How many rows were read as rows (checked, dated, with a known source and stage).
    public var rows = 0
    /// Per source (indexed like `slugs`), the rows dated from 1 January of today's year to today:
    /// what a kit home with `show_stats: true` says.
    public var thisYear: [Tally]

    public init(slugs: [String], referrals: [Referral] = []) {
        self.slugs = slugs
        self.referrals = referrals
        thisYear = Array(repeating: Tally(), count: slugs.count)
    }

    public static func empty(sources: [Source]) -> Ledger { empty(slugs: sources.map(\.slug).sorted()) }
    static func empty(slugs: [String]) -> Ledger { Ledger(slugs: slugs) }
}

/// How many rows of each stage, and the value of the deals: one source's, one segment's, or all.
public struct Tally: Sendable, Hashable {
    public var counts = [Int](repeating: 0, count: Stage.allCases.count)
    /// The sum of the deals' values, in hundredths.
    public var dealCents: Int64 = 0

    public init() {}

    public subscript(stage: Stage) -> Int {
        get { counts[Int(stage.rawValue)] }
        set { counts[Int(stage.rawValue)] = newValue }
    }

    public mutating func add(_ entry: LedgerEntry) {
        // A view row may count several views (`refkit import`: one row per source and day).
        counts[Int(entry.stage.rawValue)] += entry.stage == .view ? entry.viewCount : 1
        if entry.stage == .deal, let cents = entry.cents { dealCents += cents }
    }

    public static func + (a: Tally, b: Tally) -> Tally {
        var sum = a
        for index in sum.counts.indices { sum.counts[index] += b.counts[index] }
        sum.dealCents += b.dealCents
        return sum
    }
}

extension Ledger {
    /// The index of `slug` in `slugs`.
    public func index(of slug: String) -> Int? {
        var low = 0, high = slugs.count
        while low < high {
            let mid = (low + high) / 2
            if slugs[mid] < slug { low = mid + 1 } else { high = mid }
        }
        return low < slugs.count && slugs[low] == slug ? low : nil
    }
}
