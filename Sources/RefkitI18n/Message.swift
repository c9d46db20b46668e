/// A word of refkit's tables: text with named values in braces, `Hello {name}`. A brace that does
/// not open a name (`{` followed by anything but letters, digits and `_`, then `}`) is text.
/// Split once into literal runs and names (`Parsed`), to be filled many times.
public enum Message {
    /// `text` with each `{name}` replaced by its value; a name without a value stays as written.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        Parsed(text).fill(values)
    }

    /// The names `text` uses, in order of first use.
    public static func parameters(of text: String) -> [String] {
        var names: [String] = []
        for name in Parsed(text).names where !names.contains(name) { names.append(name) }
        return names
    }

    public struct Parsed: Sendable {
        enum Segment: Sendable {
            case text(String)
            case name(String)
        }

        let segments: [Segment]
        let length: Int

        public init(_ text: String) {
            var segments: [Segment] = []
            var rest = Substring(text), literal = ""
            while let open = rest.firstIndex(of: "{") {
                literal += rest[..<open]
                let afterOpen = rest.index(after: open)
                if let close = rest[afterOpen...].firstIndex(of: "}"), Message.isName(rest[afterOpen..<close]) {
                    if !literal.isEmpty { segments.append(.text(literal)) }
                    literal = ""
                    segments.append(.name(String(rest[afterOpen..<close])))
                    rest = rest[rest.index(after: close)...]
                } else {
                    literal += "{"
                    rest = rest[afterOpen...]
                }
            }
            literal += rest
            if !literal.isEmpty { segments.append(.text(literal)) }
            self.segments = segments
            length = text.utf8.count
        }

        /// The names it has, in order (a name used twice, twice).
        public var names: [String] {
            segments.compactMap { if case .name(let name) = $0 { name } else { nil } }
        }

        private init(segments: [Segment], length: Int) {
            (self.segments, self.length) = (segments, length)
        }

        /// The names `values` holds filled in now, the others left to `fill`: a value the same
        /// for many fills (the site's name) is put in once. `filling(a).fill(b)` is `fill(a ∪ b)`.
        public func filling(_ values: [String: String]) -> Parsed {
            var filled: [Segment] = []
            for segment in segments {
                let text: String
                switch segment {
                case .name(let name) where values[name] != nil: text = values[name]!
                case .name: filled.append(segment); continue
                case .text(let literal): text = literal
                }
                if case .text(let before)? = filled.last { filled[filled.count - 1] = .text(before + text) } else { filled.append(.text(text)) }
            }
            return Parsed(segments: filled, length: length)  // (a hint: what `fill` reserves)
        }

        /// The text with each name replaced by its value; a name without a value stays as written.
        public func fill(_ values: [String: String]) -> String {
            if segments.count == 1, case .text(let text) = segments[0] { return text }
            var result = ""
            result.reserveCapacity(length + 32)
            for segment in segments {
                switch segment {
                case .text(let text): result += text
                case .name(let name): result += values[name] ?? "{\(name)}"
                }
            }
            return result
        }
    }

    static func isName(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
