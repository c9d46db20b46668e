import _FoundationICU

/// What refkit takes from CLDR, through the ICU that Foundation itself ships (`_FoundationICU`,
/// whose C functions carry a `swift_` prefix): a count's plural category and a language's
/// quotation marks. No second copy of ICU or its data is linked.
public enum CLDR {
    /// The plural category of `count` in `language` (`zero`, `one`, `two`, `few`, `many` or
    /// `other`): Polish 2 is `few`, 5 `many`; Arabic 0 is `zero`, 11 `many`; French 0 is `one`.
    public static func pluralCategory(of count: Int, in language: String) -> String {
        var status = U_ZERO_ERROR
        guard let rules = swift_uplrules_open(language, &status), status.rawValue <= U_ZERO_ERROR.rawValue else { return "other" }
        defer { swift_uplrules_close(rules) }
        var buffer = [UChar](repeating: 0, count: 16)
        let length = swift_uplrules_select(rules, Double(count), &buffer, Int32(buffer.count), &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue, length > 0 else { return "other" }
        return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
    }

    /// The language's quotation marks, opening and closing: `“ ”` (en), `„ “` (de), `« »` (fr).
    public static func quotationMarks(in language: String) -> (open: String, close: String) {
        let marks = quotes.value(for: language) { [readQuotationMarks(language).open, readQuotationMarks(language).close] }
        return (marks[0], marks[1])
    }

    private static let quotes = Memo<String, [String]>()

    private static func readQuotationMarks(_ language: String) -> (open: String, close: String) {
        var status = U_ZERO_ERROR
        guard let data = swift_ulocdata_open(language, &status) else { return ("“", "”") }
        defer { swift_ulocdata_close(data) }
        func delimiter(_ type: ULocaleDataDelimiterType) -> String? {
            var buffer = [UChar](repeating: 0, count: 8)
            let length = swift_ulocdata_getDelimiter(data, type, &buffer, Int32(buffer.count), &status)
            guard status.rawValue <= U_ZERO_ERROR.rawValue, length > 0 else { return nil }
            return String(decoding: buffer[0..<Int(length)], as: UTF16.self)
        }
        guard let open = delimiter(ULOCDATA_QUOTATION_START), let close = delimiter(ULOCDATA_QUOTATION_END) else { return ("“", "”") }
        return (open, close)
    }
}
