/// What refkit changes in, and reads from, a PDF Chromium printed.
public enum PDFBytes {
    /// Sets the document's creation and modification dates (`/CreationDate (D:YYYYMMDDHHmmSS…)`,
    /// `/ModDate …`) to `day` at midnight, the only bytes in which two printings of the same page
    /// differ. Digits are replaced by as many digits, so no offset in the file moves.
    /// - Parameter day: `YYYYMMDD`.
    public static func settingDates(of pdf: [UInt8], to day: String) -> [UInt8] {
        let stamp = Array((day + "000000").utf8)
        guard stamp.count == 14 else { return pdf }
        var bytes = pdf
        for key in ["/CreationDate (D:", "/ModDate (D:"] {
            let pattern = Array(key.utf8)
            var index = 0
            while let found = firstIndex(of: pattern, in: bytes, from: index) {
                let start = found + pattern.count
                if start + 14 <= bytes.count, bytes[start..<start + 14].allSatisfy({ (0x30...0x39).contains($0) }) {
                    bytes.replaceSubrange(start..<start + 14, with: stamp)
                }
                index = start
            }
        }
        return bytes
    }

    /// How many pages the document has: the `/Count` of its page tree's root (`/Type /Pages` with
    /// no `/Parent`), nil if it cannot be found.
    public static func pageCount(of pdf: [UInt8]) -> Int? {
        let pattern = Array("/Type /Pages".utf8)
        var index = 0
        while let found = firstIndex(of: pattern, in: pdf, from: index) {
            index = found + pattern.count
            // The dictionary around it: from the `<<` before to the `>>` after.
            guard let open = lastIndex(of: Array("<<".utf8), in: pdf, before: found),
                  let close = firstIndex(of: Array(">>".utf8), in: pdf, from: index) else { continue }
            let dictionary = String(decoding: pdf[open..<close], as: UTF8.self)
            guard !dictionary.contains("/Parent"), let count = dictionary.range(of: "/Count ") else { continue }
            return Int(dictionary[count.upperBound...].prefix { $0.isNumber })
        }
        return nil
    }

    private static func firstIndex(of pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var index = start
        while index <= bytes.count - pattern.count {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }

    private static func lastIndex(of pattern: [UInt8], in bytes: [UInt8], before end: Int) -> Int? {
        var index = end - pattern.count
        while index >= 0 {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }
}
