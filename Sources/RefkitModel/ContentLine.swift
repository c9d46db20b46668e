/// The content lines iCalendar (RFC 5545) and vCard (RFC 6350) share: `NAME;PARAM=VALUE:VALUE`,
/// CRLF-ended, folded at 75 octets. Every value refkit writes into one goes through exactly one of
/// these functions, so a line feed, a quote or a control character in a kit's text can never start
/// a property, a component or a parameter of its own.
public enum ContentLine {
    /// A TEXT property value: backslash, semicolon and comma escaped, a line break written `\n`,
    /// and every other control character (which the formats do not allow) left out; a tab is kept.
    public static func text(_ value: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(value.utf8.count + 16)
        var previous: UInt8 = 0
        for byte in value.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\n"):
                if previous != UInt8(ascii: "\r") { out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n")) }
            case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case UInt8(ascii: "\t"): out.append(byte)
            case 0x00..<0x20, 0x7F: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A parameter value, always in double quotes, with RFC 6868's caret encoding for what a quoted
    /// value cannot hold: `^` is `^^`, a line break `^n`, a double quote `^'`. Any other control
    /// character becomes a space. (RFC 5545 has no backslash escape in parameters: a backslash is
    /// written as it is.)
    public static func parameter(_ value: String) -> String {
        var out = [UInt8(ascii: "\"")]
        var previous: UInt8 = 0
        for byte in value.utf8 {
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "^"): out += [UInt8(ascii: "^"), UInt8(ascii: "^")]
            case UInt8(ascii: "\""): out += [UInt8(ascii: "^"), UInt8(ascii: "'")]
            case UInt8(ascii: "\n"): if previous != UInt8(ascii: "\r") { out += [UInt8(ascii: "^"), UInt8(ascii: "n")] }
            case UInt8(ascii: "\r"): out += [UInt8(ascii: "^"), UInt8(ascii: "n")]
            case 0x00..<0x20, 0x7F: out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Lines of at most 75 octets; continuation lines start with a space. Never splits a UTF-8
    /// character (a long cluster of combining marks may be split between its characters, as the
    /// RFCs allow: the octet limit is the rule).
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
}
