/// refkit's one HTML escaping: `&lt; &gt; &amp; &quot; &#39;` for the five ASCII characters,
/// either
/// - byte by byte: every one of the five is escaped, whatever follows it. What refkit writes
///   itself uses this: the built-in templates' `REFKIT_HTML`, placeholders filled into Markdown,
///   the report;
/// - or Character by Character, as swift-mustache's own HTML content type does (a kit's templates
///   without the pragma), so a skeleton fills those places as swift-mustache would: a `'` or `"`
///   that is one Character with a combining mark after it is not in swift-mustache's table and
///   stays as it is (and could end an attribute value).
public enum HTMLEscaping {
    public static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27
    }

    public static func append(_ text: String, byCharacter: Bool, to output: inout [UInt8]) {
        guard text.utf8.contains(where: isSpecial) else {
            output += text.utf8
            return
        }
        if byCharacter, text.utf8.contains(where: { $0 >= 0x80 }) {
            for character in text {
                if character.utf8.count == 1, let byte = character.utf8.first {
                    appendEscaped(byte, to: &output)
                } else {
                    output += character.utf8
                }
            }
        } else {
            for byte in text.utf8 { appendEscaped(byte, to: &output) }
        }
    }

    /// `text` escaped byte by byte.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: isSpecial) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, byCharacter: false, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case 0x3C: output += "&lt;".utf8
        case 0x3E: output += "&gt;".utf8
        case 0x26: output += "&amp;".utf8
        case 0x22: output += "&quot;".utf8
        case 0x27: output += "&#39;".utf8
        default: output.append(byte)
        }
    }
}
