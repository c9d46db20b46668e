/// How often the business follows up with a referral source: `site.yml`'s `follow_up:` per segment,
/// or a source's own `follow_up:`. Written `monthly`, `quarterly`, `yearly` or `every N weeks`.
public enum Cadence: Sendable, Hashable, CustomStringConvertible {
    case weeks(Int)
    case months(Int)
    case years

    /// Parses the written form; nil for anything else.
    public init?(_ text: String) {
        let words = text.lowercased().split(separator: " ")
        switch words.count {
        case 1 where words[0] == "weekly": self = .weeks(1)
        case 1 where words[0] == "monthly": self = .months(1)
        case 1 where words[0] == "quarterly": self = .months(3)
        case 1 where words[0] == "yearly": self = .years
        case 3 where words[0] == "every" && (words[2] == "weeks" || words[2] == "week"):
            guard let n = Int(words[1]), (1...52).contains(n) else { return nil }
            self = .weeks(n)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .weeks(1): "weekly"
        case .weeks(let n): "every \(n) weeks"
        case .months(1): "monthly"
        case .months(3): "quarterly"
        case .months(let n): "every \(n) months"
        case .years: "yearly"
        }
    }

    /// The iCalendar recurrence rule (RFC 5545): quarterly is `FREQ=MONTHLY;INTERVAL=3`.
    public var rrule: String {
        switch self {
        case .weeks(1): "FREQ=WEEKLY"
        case .weeks(let n): "FREQ=WEEKLY;INTERVAL=\(n)"
        case .months(1): "FREQ=MONTHLY"
        case .months(let n): "FREQ=MONTHLY;INTERVAL=\(n)"
        case .years: "FREQ=YEARLY"
        }
    }

    /// How many occurrences of the series that starts on `start` fall before `day`.
    public func occurrences(from start: Day, before day: Day) -> Int {
        guard start < day else { return 0 }
        let step: Int
        switch self {
        case .weeks(let n):
            let days = 7 * n
            return (day.daysSince1970 - start.daysSince1970 + days - 1) / days
        case .months(let n): step = n
        case .years: step = 12
        }
        let months = (day.year - start.year) * 12 + (day.month - start.month)
        let last = months / step
        return start.adding(months: last * step) < day ? last + 1 : last
    }

    /// The first occurrence on or after `day` of the series that starts on `start` (which, for
    /// monthly and yearly series, should be a day every month has: refkit starts them on day ≤ 28).
    public func next(onOrAfter day: Day, start: Day) -> Day {
        guard start < day else { return start }
        switch self {
        case .weeks(let n):
            let step = 7 * n
            let elapsed = day.daysSince1970 - start.daysSince1970
            let periods = (elapsed + step - 1) / step
            return Day(daysSince1970: start.daysSince1970 + periods * step)
        case .months(let n):
            var months = (day.year - start.year) * 12 + (day.month - start.month)
            months = (months + n - 1) / n * n
            var candidate = start.adding(months: months)
            if candidate < day { candidate = start.adding(months: months + n) }
            return candidate
        case .years:
            var candidate = start.adding(months: 12 * (day.year - start.year))
            if candidate < day { candidate = start.adding(months: 12 * (day.year - start.year + 1)) }
            return candidate
        }
    }
}

extension Day {
    /// The day `days` days after 1970-01-01.
    public init(daysSince1970 days: Int) {
        self.init(secondsSince1970: Int64(days) * 86_400)
    }

    /// The same day of the month `months` months later (clamped to the month's last day).
    public func adding(months: Int) -> Day {
        let index = year * 12 + (month - 1) + months
        let (y, m) = (index / 12, index % 12 + 1)
        return Day(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))!
    }
}
