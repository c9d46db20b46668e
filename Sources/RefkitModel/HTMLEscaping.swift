/// refkit's one HTML escaping: `&lt; &gt; &amp; &quot; &#39;` for the five ASCII characters, byte
/// by byte (every one of the five is escaped, whatever follows it: a combining mark after a quote
/// cannot hide it). Every template uses it (`FastHTMLContentType`), and so do placeholders filled
/// into Markdown and the report.
public enum HTMLEscaping {
    /// `<`, `>`, `&`, `"` and `'`, all below 64: one bit each of a mask, so a byte is told in one
    /// comparison and one shift (every byte of every value a template escapes is).
    @inline(__always) public static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && specials >> byte & 1 == 1
    }

    private static let specials: UInt64 = 1 << 0x3C | 1 << 0x3E | 1 << 0x26 | 1 << 0x22 | 1 << 0x27

    public static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Runs of plain bytes are copied whole; every template value passes through here.
            var start = 0
            for index in 0..<bytes.count where isSpecial(bytes[index]) {
                if index > start { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                appendEscaped(bytes[index], to: &output)
                start = index + 1
            }
            if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }

    /// `text` escaped byte by byte.
    public static func escape(_ text: String) -> String {
        var text = text
        guard text.withUTF8({ $0.contains(where: isSpecial) }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
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
