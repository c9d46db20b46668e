import RefkitI18n

/// The report's own words (FORMAT.md: the report uses the site's language): the table of the
/// site's language, or of its language subtag, over English's, which has every key. `{name}`s
/// are filled as in a kit's words (`Message`); a plural key has a form per CLDR category
/// (`days.one`, `days.few`, …), picked by `plural`. Values filled into the HTML report are escaped
/// by the caller; the tables themselves may hold markup (`<code>`).
struct ReportWords: Sendable {
    let language: String
    private let parsed: [String: Message.Parsed]

    /// Every table by language subtag: a test checks each has English's keys, and a plural key
    /// the forms its language needs, with the same `{names}`.
    static let tables: [String: [String: String]] = [
        "en": english, "de": german, "fr": french, "es": spanish, "it": italian, "nl": dutch,
        "pt": portuguese, "pl": polish, "sv": swedish, "ar": arabic,
    ]

    init(language: String) {
        self.language = language
        let own = Self.tables[language] ?? Self.tables[Language.subtag(of: language)] ?? [:]
        parsed = Self.english.merging(own) { _, own in own }.mapValues(Message.Parsed.init)
    }

    /// The text of `key` with its `{names}` filled.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        parsed[key]?.fill(values) ?? key
    }

    /// The form of the plural `key` for `count` (CLDR's rules for the language), `{count}` filled
    /// with `written` (the count as the report writes it). A count that is not whole
    /// (a median of 4.5 days) takes the `other` form.
    func plural(_ key: String, count: Int?, written: String, _ values: [String: String] = [:]) -> String {
        let category = count.map { CLDR.pluralCategory(of: $0, in: language) } ?? "other"
        let form = parsed["\(key).\(category)"] ?? parsed["\(key).other"]
        return form?.fill(values.merging(["count": written]) { _, written in written }) ?? key
    }
}
