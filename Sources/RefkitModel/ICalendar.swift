/// What an iCalendar file (RFC 5545) needs written exactly: dates, escaped text, folded lines,
/// and a host for UIDs. Shared by the report's follow-up calendar and the seminars' invitations.
public enum ICalendar {
    /// `YYYYMMDD`.
    public static func compact(_ day: Day) -> String {
        let digits = String(day.year * 10_000 + day.month * 100 + day.day)
        return String(repeating: "0", count: max(0, 8 - digits.utf8.count)) + digits
    }

    /// A TEXT property value (`ContentLine.text`).
    public static func text(_ value: String) -> String { ContentLine.text(value) }

    /// A parameter value (`ContentLine.parameter`), such as `CN`'s.
    public static func parameter(_ value: String) -> String { ContentLine.parameter(value) }

    /// Lines of at most 75 octets (`ContentLine.fold`).
    public static func fold(_ line: String) -> String { ContentLine.fold(line) }

    public static func hostName(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? "refkit" : String(host).lowercased()
    }
}
