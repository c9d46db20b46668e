import RefkitLedger
import RefkitModel

/// A message the outbox writes (FORMAT.md, "Follow-up that runs itself"): one touch due to one
/// source on one day.
public struct Touch: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The source's `follow_up` cadence falls on the day.
        case followUp = "follow-up"
        /// The source sent leads since it was last thanked.
        case thanks = "thank-you"
        /// A client it introduced is due a results review: the source hears how it went.
        case review
    }

    public var day: Day
    public var source: Source
    public var kind: Kind
    /// A thank-you's leads, each with how far it came.
    public var leads: [LeadStatus] = []
    /// A review's client.
    public var review: ReferralFlow.Review?
    /// The source's numbers this year (referrals, clients).
    public var year: Tally
    /// Of the messages this outbox writes the source, this one's place (0, 1, …), counted on from
    /// the follow-ups before it: what a message passes on turns with it.
    public var turn = 0

    /// A thank-you's last lead: it names the message, so the thank-you for the same leads is the
    /// same message whichever day the outbox runs (and `sent.csv` sends it once).
    public var lastLead: Day?

    /// The message's file: `DATE-S-KIND.eml`, DATE a thank-you's last lead's (a review's names its
    /// client too, as a source may have two due the same day).
    public var fileName: String {
        var name = "\(lastLead ?? day)-\(source.slug)-\(kind.rawValue)"
        if let review { name += "-" + String(FollowUpSchedule.stableHash(review.prospect.lowercased()), radix: 16) }
        return name + ".eml"
    }
}

/// Which touches are due from `today` for `days` days: each source's follow-ups on its cadence,
/// a thank-you today for the leads since its last `thanked` row, and each results review falling
/// in those days. Pure: the same ledger and day give the same touches.
public enum OutboxPlan {
    public static let defaultDays = 7

    public static func touches(_ data: ReportData, days: Int) -> [Touch] {
        let end = data.today.daysSince1970 + days
        var touches: [Touch] = []
        var byPosition: [String: Int] = [:]
        for row in data.sources {
            var day = row.cadence.next(onOrAfter: data.today, start: row.followUpStart)
            // The follow-ups before this window: where the rotation of what each message passes on stands.
            let before = row.cadence.occurrences(from: row.followUpStart, before: data.today)
            byPosition[row.source.slug] = before
            while day.daysSince1970 < end {
                touches.append(Touch(day: day, source: row.source, kind: .followUp, year: row.year))
                day = row.cadence.next(onOrAfter: Day(daysSince1970: day.daysSince1970 + 1), start: row.followUpStart)
            }
            if !row.unthanked.isEmpty || row.leadsSinceThanks > 0 {
                touches.append(Touch(day: data.today, source: row.source, kind: .thanks, leads: row.unthanked, year: row.year,
                                     lastLead: row.lastUnthankedLead))
            }
        }
        let years = Dictionary(data.sources.map { ($0.source.slug, $0.year) }, uniquingKeysWith: { a, _ in a })
        for review in data.flow.upcomingReviews where review.day.daysSince1970 < end {
            touches.append(Touch(day: review.day, source: review.source, kind: .review, review: review, year: years[review.source.slug] ?? Tally()))
        }
        touches.sort { ($0.day, $0.source.slug, $0.kind.order, $0.fileName) < ($1.day, $1.source.slug, $1.kind.order, $1.fileName) }
        var seen: [String: Int] = [:]
        for index in touches.indices {
            let slug = touches[index].source.slug
            touches[index].turn = (byPosition[slug] ?? 0) + seen[slug, default: 0]
            seen[slug, default: 0] += 1
        }
        return touches
    }
}

extension Touch.Kind {
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
