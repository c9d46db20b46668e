/// What an iCalendar file (RFC 5545) needs written exactly: dates, escaped text, folded lines,
/// and a host for UIDs. Shared by the report's follow-up calendar and the seminars' invitations.
public enum ICalendar {
    /// `YYYYMMDD`.
    public static func compact(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }

    /// A TEXT value: backslash, semicolon, comma and line breaks escaped.
    public static func text(_ value: String) -> String {
        var out = ""
        for character in value.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Lines of at most 75 octets; continuation lines start with a space. Never splits a UTF-8
    /// character.
    public static func fold(_ line: String) -> String {
        var result = "", current = 0, limit = 75
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if current + size > limit {
                result += "\r\n "
                current = 1
                limit = 75
            }
            result.unicodeScalars.append(scalar)
            current += size
        }
        return result
    }

    public static func hostName(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? "refkit" : String(host).lowercased()
    }
}
