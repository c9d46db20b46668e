import Foundation
import RefkitModel

/// IANA time zones, from the tz database Foundation carries (the same in every build of refkit,
/// so the same `VTIMEZONE` every time): which names exist, and a zone's rules around a day as
/// RFC 5545 writes them.
enum TimeZoneRules {
    /// The tz database's names (`Europe/Warsaw`), not abbreviations (`CET`) or offsets (`GMT+1`).
    static let names: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers.filter { $0.contains("/") || $0 == "UTC" })

    static func isKnown(_ name: String) -> Bool { names.contains(name) }

    static func closest(to name: String) -> String? {
        let byLowercase = Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        if let exact = byLowercase[name.lowercased()] { return exact }
        return RefkitModel.closest(to: name, among: names.sorted())
    }

    /// The `VTIMEZONE` for `name`, with every change of offset from a year before `local` (minutes
    /// since 1970 in the zone's local time) to a year after it, each at its own date (no RRULE to
    /// get wrong); a zone with no change there has one `STANDARD` from 1970.
    static func component(_ name: String, around local: Int) -> [String] {
        guard let zone = TimeZone(identifier: name) else { return [] }
        let middle = Date(timeIntervalSince1970: TimeInterval(local * 60 - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local * 60)))))
        let end = middle.addingTimeInterval(366 * 86_400)
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + name]
        var after = middle.addingTimeInterval(-366 * 86_400), changes = 0
        while let change = zone.nextDaylightSavingTimeTransition(after: after), change < end {
            let from = zone.secondsFromGMT(for: change.addingTimeInterval(-1)), to = zone.secondsFromGMT(for: change)
            let kind = zone.isDaylightSavingTime(for: change) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:" + stamp(Int(change.timeIntervalSince1970) + from),
                      "TZOFFSETFROM:" + offset(from), "TZOFFSETTO:" + offset(to), "END:\(kind)"]
            after = change
            changes += 1
        }
        if changes == 0 {
            let now = offset(zone.secondsFromGMT(for: middle))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + now, "TZOFFSETTO:" + now, "END:STANDARD"]
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// `20270121T180000` for seconds since 1970 (local).
    private static func stamp(_ seconds: Int) -> String {
        let day = Day(daysSince1970: Int((Double(seconds) / 86_400).rounded(.down)))
        let second = seconds - day.daysSince1970 * 86_400
        return ICalendar.compact(day) + "T" + two(second / 3600) + two(second / 60 % 60) + two(second % 60)
    }

    /// `+0100`, `-0330`.
    private static func offset(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + two(minutes / 60) + two(minutes % 60)
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
