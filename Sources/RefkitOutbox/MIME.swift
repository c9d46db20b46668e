import Foundation
import RefkitModel
import RefkitReport

/// A message as a file a mail program or `sendmail -t` takes: RFC 5322 headers (non-ASCII text
/// as RFC 2047 encoded words), MIME `multipart/alternative` with the text and the HTML part, each
/// UTF-8 in quoted-printable; CRLF line ends. The same message gives the same bytes.
enum MIME {
    struct Mailbox {
        var name: String
        var address: String
    }

    static func eml(subject: String, from: Mailbox, to: Mailbox, day: Day, id: String, language: String,
                    unsubscribe: String, text: String, html: String) -> [UInt8] {
        let boundary = "refkit-" + String(FollowUpSchedule.stableHash(id), radix: 16)
        var lines = [
            header("From", mailbox(from)),
            header("To", mailbox(to)),
            header("Subject", encoded(subject)),
            "Date: " + date(day),
            "Message-ID: <\(id)>",
            "List-Unsubscribe: <\(unsubscribe)>",
            "Content-Language: " + language,
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--" + boundary, "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
                      quotedPrintable(body)]
        }
        lines += ["--" + boundary + "--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// `Name <address>`, the name as written when it is plain ASCII, quoted when it holds
    /// specials, encoded words when it does not fit in ASCII.
    static func mailbox(_ box: Mailbox) -> String {
        let name = box.name
        if name.isEmpty { return "<\(box.address)>" }
        if !name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) { return encoded(name) + " <\(box.address)>" }
        let atext = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " !#$%&'*+-/=?^_`{|}~"))
        if name.unicodeScalars.allSatisfy(atext.contains) { return "\(name) <\(box.address)>" }
        return "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\" <\(box.address)>"
    }

    /// Text for a header: as it is when printable ASCII, else RFC 2047 `B` encoded words of at
    /// most 75 characters, never splitting a character, separated by folding white space.
    static func encoded(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }), !text.contains("=?") { return text }
        var words: [String] = [], chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func word(_ bytes: [UInt8]) -> String { "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?=" }

    /// `Name: value`, folded before a word where the line would pass 78 characters.
    static func header(_ name: String, _ value: String) -> String {
        var lines: [String] = [], line = name + ":"
        for (index, part) in value.components(separatedBy: "\r\n ").enumerated() {
            for word in part.split(separator: " ", omittingEmptySubsequences: false) {
                if line.count + 1 + word.count > 78, line != name + ":" {
                    lines.append(line)
                    line = ""
                }
                line += " " + word
            }
            _ = index
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 5322's date, at 09:00 UTC of the day: `Mon, 07 Dec 2026 09:00:00 +0000`.
    static func date(_ day: Day) -> String {
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[((day.daysSince1970 % 7) + 7) % 7]
        return "\(weekday), \(day.day < 10 ? "0" : "")\(day.day) \(months[day.month - 1]) \(day.year) 09:00:00 +0000"
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line ends.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 4)
        var column = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                out += [0x0D, 0x0A]
                column = 0
                index += byte == 0x0D ? 2 : 1
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0A || bytes[index + 1] == 0x0D
            let literal = (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !atLineEnd)
            let width = literal ? 1 : 3
            if column + width > 75 {
                out += [61, 0x0D, 0x0A]  // a soft line break
                column = 0
            }
            if literal { out.append(byte) } else { out += [61, hex[Int(byte >> 4)], hex[Int(byte & 15)]] }
            column += width
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
