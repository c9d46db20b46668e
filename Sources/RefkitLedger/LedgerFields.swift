import RefkitModel

/// Reading one ledger field's text: dates, amounts, line breaks. Byte by byte: a million rows, no
/// splitting, no allocation.
extension LedgerValidator {
    /// Line breaks inside a row's fields (quoted fields may hold them).
    static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row {
            var previous: UInt8 = 0
            for byte in field.utf8 {
                if byte == 0x0A, previous != 0x0D { count += 1 } else if byte == 0x0D { count += 1 }
                previous = byte
            }
        }
        return count
    }

    /// Exactly `YYYY-MM-DD`, read from the bytes (a million rows: no splitting, no allocation).
    static func parseDay(_ text: String) -> Day? {
        var numbers = (0, 0, 0), count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (0x30...0x39).contains(byte), count <= 10 else { return nil }
            let digit = Int(byte - 0x30)
            switch count {
            case ...4: numbers.0 = numbers.0 * 10 + digit
            case ...7: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        return Day(year: numbers.0, month: numbers.1, day: numbers.2)
    }

    /// `320,40` or `1.200,50` (a decimal comma, with or without points between thousands): the
    /// amount written with a decimal point, else nil.
    static func decimalComma(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber) else { return nil }
        let whole = parts[0].replacingOccurrences(of: ".", with: "")
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return whole + "." + parts[1]
    }
}
