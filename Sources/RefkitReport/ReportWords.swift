import RefkitI18n

/// The report's own words (FORMAT.md: the report uses the site's language): the `report_` keys of
/// the one word table a language has (`RefkitI18n/Tables`, a kit's `templates/i18n/LANG.yml`
/// over it), found as every word is (`Translations.words(for:)`). `{name}`s are filled as in a
/// kit's words (`Message`); a plural key has a form per CLDR category (`report_days.one`, …),
/// picked by `plural`. Values filled into the HTML report are escaped by the caller; the tables
/// themselves may hold markup (`<code>`).
struct ReportWords: Sendable {
    /// What every report key starts with in a table.
    static let prefix = BuiltInWords.reportPrefix
    let words: Words
    private let translations: Translations
    var language: String { words.language }

    /// The words of `language`, a kit's tables (`translations`) over refkit's.
    init(language: String, translations: Translations = Translations()) {
        words = translations.words(for: language)
        self.translations = translations
    }

    /// The same tables' words in another language (a line meant for a source, in its language).
    func inLanguage(_ language: String) -> ReportWords {
        ReportWords(language: language, translations: translations)
    }

    /// The text of `key` with its `{name}`s filled.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        words.text(Self.prefix + key, values)
    }

    /// The form of the plural `key` for `count` (CLDR's rules for the language), `{count}` filled
    /// with `written` (the count as the report writes it). A count that is not whole
    /// (a median of 4.5 days) takes the `other` form.
    func plural(_ key: String, count: Int?, written: String, _ values: [String: String] = [:]) -> String {
        words.form(Self.prefix + key, count: count, written: written, values)
    }
}
