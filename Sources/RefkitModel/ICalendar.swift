/// What an iCalendar file (RFC 5545) needs written exactly: dates, escaped text, folded lines,
/// and a host for UIDs. Shared by the report's follow-up calendar and the seminars' invitations.
public enum ICalendar {
    /// `YYYYMMDD`.
    public static func compact(_ day: Day) -> String {
        let digits = String(day.year * 10_000 + day.month * 100 + day.day)
        return String(repeating: "0", count: max(0, 8 - digits.utf8.count)) + digits
    }

    /// A TEXT value: backslash, semicolon, comma and line breaks escaped.
    public static func text(_ value: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\r"): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lines of at most 75 octets; continuation lines start with a space. Never splits a UTF-8
    /// character.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = [UInt8]()
        out.reserveCapacity(line.utf8.count + line.utf8.count / 24)
        var current = 0
        for byte in line.utf8 {
            if byte & 0xC0 != 0x80 {  // a character starts here (not a UTF-8 continuation byte)
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if current + size > 75 {
                    out += [0x0D, 0x0A, 0x20]
                    current = 1
                }
            }
            out.append(byte)
            current += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func hostName(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" && $0 != "#" }
        return host.isEmpty ? "refkit" : String(host).lowercased()
    }
}
