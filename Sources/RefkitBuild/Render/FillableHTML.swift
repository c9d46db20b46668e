import Foundation
import RefkitModel

/// Rendered Markdown HTML with its placeholders left open, compiled once per page and filled once
/// per source. A placeholder stands either in text (`{{source.name}}`, also inside attributes such
/// as a link title) or in a link destination, where cmark has percent-encoded the braces
/// (`%7B%7Breferral.link%7D%7D`). Each is filled with the value escaped for where it lands. The
/// source's code in running text (not inside a tag) is wrapped in `<span class="code">`, so it is
/// never broken across lines.
struct FillableHTML: Sendable {
    private enum Segment: Sendable {
        case literal(String)
        case text(String)
        /// `{{source.code}}` between tags, not inside one.
        case code
        case url(String)
    }

    private let segments: [Segment]

    init(_ html: String) {
        var segments: [Segment] = []
        var literal = Substring()
        var rest = html[...]
        var insideTag = false
        while let start = rest.firstIndex(where: { $0 == "{" || $0 == "%" }) {
            literal += rest[..<start]
            rest = rest[start...]
            if let (name, end) = Self.match(rest, open: "{{", close: "}}") {
                // Inside a tag when the last `<` before it comes after the last `>`.
                if let last = literal.last(where: { $0 == "<" || $0 == ">" }) { insideTag = last == "<" }
                segments.append(.literal(String(literal)))
                segments.append(name == "source.code" && !insideTag ? .code : .text(name))
                literal = ""
                rest = rest[end...]
            } else if let (name, end) = Self.match(rest, open: "%7B%7B", close: "%7D%7D") {
                if let last = literal.last(where: { $0 == "<" || $0 == ">" }) { insideTag = last == "<" }
                segments.append(.literal(String(literal)))
                segments.append(.url(name.replacingPercentSpaces()))
                literal = ""
                rest = rest[end...]
            } else {
                literal += rest.prefix(1)
                rest = rest.dropFirst()
            }
        }
        literal += rest
        segments.append(.literal(String(literal)))
        self.segments = segments.filter { if case .literal("") = $0 { false } else { true } }
    }

    private static func match(_ text: Substring, open: String, close: String) -> (String, String.Index)? {
        guard text.hasPrefix(open) else { return nil }
        let inner = text.dropFirst(open.count)
        // A name is at most 64 characters (spaces written %20 in a URL): look no further for its
        // end, so a page of 50,000 `{{` is read once, not once per `{{`.
        guard let end = inner.prefix(3 * 64 + close.count).firstRange(of: close) else { return nil }
        let name = inner[..<end.lowerBound]
        guard !name.isEmpty, name.count <= 64,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == " " || $0 == "%" })
        else { return nil }
        return (String(name).trimmingSpaces(), end.upperBound)
    }

    /// The HTML with every known placeholder filled; unknown ones (already reported by validation)
    /// stay as written.
    func fill(_ values: [String: String]) -> String {
        var result = ""
        for segment in segments {
            switch segment {
            case .literal(let text): result += text
            case .text(let name): result += values[name].map(Escape.html) ?? "{{\(name)}}"
            case .code:
                let code = values["source.code"] ?? ""
                result += "<span class=\"code\" style=\"--chars:\(code.count)\">" + Escape.html(code) + "</span>"
            case .url(let name): result += values[name].map { Escape.urlAttribute($0, isURL: Placeholder.urlFields.contains(name)) } ?? "%7B%7B\(name)%7D%7D"
            }
        }
        return result
    }
}

public enum Escape {
    /// Escapes text for HTML content and quoted attributes (and XML: the report's SVG charts), byte
    /// by byte (`HTMLEscaping`): a quote is escaped even when a combining mark follows it.
    public static func html(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// Escapes a value for a link destination inside a quoted `href`. A whole URL (a validated
    /// http(s) field) is written the way cmark writes one: characters outside the URL-safe set
    /// percent-encoded, `&` and `'` as entities. Any other value is a URL *component* (a name in
    /// `mailto:…?subject=`): everything but unreserved characters and `@` is percent-encoded, so
    /// it can add neither a parameter nor a scheme.
    static func urlAttribute(_ value: String, isURL: Bool) -> String {
        guard isURL else {
            return percentEncodeQueryValue(value).replacingEvery("%40", with: "@")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "'"): bytes += "&#x27;".utf8
            case _ where byte < 128 && urlSafe[Int(byte)]: bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(uppercaseHexDigit(byte >> 4))
                bytes.append(uppercaseHexDigit(byte & 0xF))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The ASCII bytes a whole URL keeps as they are in a link destination: letters, digits and
    /// `-_.+!*(),%#@?=;/$~:`.
    private static let urlSafe: [Bool] = (0..<128).map { byte in
        let byte = UInt8(byte)
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.+!*(),%#@?=;/$~:".utf8.contains(byte)
    }
}

private extension String {
    func replacingPercentSpaces() -> String { split(separator: "%20").joined().trimmingSpaces() }
}
