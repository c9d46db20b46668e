extension String {
    /// At most 200 characters of the text, for a message that quotes what was written (a
    /// megabyte-long field is not printed back whole).
    public var quotable: String { count <= 200 ? self : String(prefix(200)) + "…" }

    /// The text without leading and trailing whitespace. A value that starts and ends with a
    /// visible ASCII character (nearly every YAML scalar and ledger field) is returned as it is,
    /// without walking its characters: the ledger calls this four times per row.
    public func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last,
              !(0x21...0x7E).contains(first) || !(0x21...0x7E).contains(last) else { return self }
        var characters = Substring(self)
        while let head = characters.first, head.isWhitespace { characters = characters.dropFirst() }
        while let tail = characters.last, tail.isWhitespace { characters = characters.dropLast() }
        return String(characters)
    }

    /// Whether the text holds `other`, matched byte for byte in UTF-8, without Foundation's
    /// locale-aware search.
    public func containsText(_ other: String) -> Bool {
        let other = Array(other.utf8)
        guard let first = other.first else { return true }
        let bytes = Array(utf8)
        var index = 0
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: other) { return true }
            index = found + 1
        }
        return false
    }

    /// Whether the text's UTF-8 holds `byte` (memchr, not a walk through a generic sequence).
    public func containsByte(_ byte: UInt8) -> Bool {
        var text = self
        return text.withUTF8 { $0.firstIndex(of: byte) != nil }
    }

    /// The text with every `target` replaced by `replacement`, matched byte for byte in UTF-8
    /// (which never matches inside another character), without Foundation's locale-aware search:
    /// for the renderer, which does it for each source.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let target = Array(target.utf8), bytes = Array(utf8)
        guard let first = target.first, bytes.contains(first) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + replacement.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == first, bytes[index...].starts(with: target) {
                result += replacement.utf8
                index += target.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}

/// Characters no kit text may carry into a page: C0 and C1 controls other than tab and line feed
/// (NUL, U+0001, escape…) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which make text read in another order than it is written ("Trojan Source").
/// refkit sets a page's direction itself.
public enum ControlCharacters {
    /// The first such character in `text`, with its line and column (both from 0, in Unicode scalars).
    public static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        // One tight pass over the UTF-8 bytes decides; only a text that holds one is walked again
        // for its place (a ledger of a million rows in Polish is not walked scalar by scalar).
        let suspect = text.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09, byte != 0x0A { return true }
                if byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }  // C1
                if byte == 0xE2, index + 2 < bytes.count {
                    let (second, third) = (bytes[index + 1], bytes[index + 2])
                    if second == 0x80, (0xAA...0xAE).contains(third) { return true }  // U+202A–U+202E
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }  // U+2066–U+2069
                }
                index += 1
            }
            return false
        } ?? true
        guard suspect else { return nil }
        var line = 0, column = 0
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) { return (scalar, line, column) }
            if scalar == "\n" { (line, column) = (line + 1, 0) } else { column += 1 }
        }
        return nil
    }

    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `U+202E (right-to-left override)`, for messages.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = scalar.properties.name ?? scalar.properties.nameAlias ?? "a control character"
        return "\(code) (\(name.lowercased()))"
    }
}

/// A CSV field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break,
/// quotes doubled. (`list --format csv`, the outbox's `messages.csv`, rows `import` appends.)
public func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
