import RefkitI18n
import RefkitModel
import RefkitTemplates

/// `t`: refkit's own words in the reader's language (`t.nav_home`, `t.greeting_person`, …), with
/// `{site}`, `{source}`, `{name}` and `{code}` filled for the source, and the language's quotation
/// marks (`t.quote_open`, `t.quote_close`). Words that take other values (dates, counts, an
/// offer's value) reach templates already written, in the view that has them
/// (`offer.validity_text`, `stats.text`, `email.offer`).
struct WordsView: ViewModel {
    /// The language's texts of `BuiltInWords.plainKeys`, in that order (`SiteRenderer.plainWords`).
    var texts: [Message.Parsed]
    var values: [String: String]
    var quotes: (open: String, close: String)

    init(_ texts: [Message.Parsed], language: String, values: [String: String]) {
        self.texts = texts
        self.values = values
        quotes = CLDR.quotationMarks(in: language)
    }

    static let fields: [ViewField<Self>] = BuiltInWords.plainKeys.enumerated().map { index, key in
        .text(key) { $0.texts[index].fill($0.values) }
    } + [.text("quote_open") { $0.quotes.open }, .text("quote_close") { $0.quotes.close }]

    static let about = Dictionary(fields.map { ($0.name, "one of refkit's words, in the reader's language (`quote_open`, `quote_close`: its quotation marks)") },
                                  uniquingKeysWith: { a, _ in a })
}

extension SiteRenderer {
    /// The words a source reads, its values filled (`values`: `wordValues(for: source, language:
    /// language)`, when made already).
    func wordsView(for source: Source?, language: String, values: [String: String]? = nil) -> WordsView {
        WordsView(plainWords[language] ?? words(for: language).parsedTexts(BuiltInWords.plainKeys), language: language,
                  values: values ?? wordValues(for: source, language: language))
    }

    /// The values refkit's words take for a source: `{site}`, `{source}`, `{code}`, `{name}`,
    /// each isolated when written the other way than `language` (`Language.isolated`).
    func wordValues(for source: Source?, language: String? = nil) -> [String: String] {
        var values = ["site": kit.site.name]
        if let source {
            values["source"] = source.name
            values["code"] = source.code
            values["name"] = source.contact.name ?? source.name
        }
        let direction = Language.direction(of: language ?? source.map { self.language(of: $0) } ?? kit.site.language)
        return values.mapValues { Language.isolated($0, in: direction) }
    }

    /// The words of a language (prepared for every language in use when the renderer is made).
    func words(for language: String) -> Words {
        wordsByLanguage[language] ?? translations.words(for: language)
    }
}
