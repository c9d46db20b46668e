import RefkitI18n
import RefkitModel
import RefkitTemplates

/// `t`: refkit's own words in the reader's language (`t.nav_home`, `t.greeting_person`, …), with
/// `{site}`, `{source}`, `{name}` and `{code}` filled for the source, and the language's quotation
/// marks (`t.quote_open`, `t.quote_close`). Words that take other values (dates, counts, an
/// offer's value) reach templates already written, in the view that has them
/// (`offer.validity_text`, `stats.text`, `email.offer`).
struct WordsView: ViewModel {
    /// The language's texts of `BuiltInWords.plainKeys`, in that order (`WordsTable`).
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

/// A language's words as the `t` view shows them: their texts (the site's name put in), which of
/// them name a source's values (`{source}`, `{code}`, `{name}`), and the view with none of those
/// filled, whose values every source shares but for those few. Made once per language.
struct WordsTable: Sendable {
    let language: String
    let texts: [Message.Parsed]
    /// The indices of the texts that name a source's value.
    let bySource: [Int]
    /// The words with no source's values (the directory's, the blog's), and the shape and values
    /// every source's start from.
    let plain: Built<WordsView>

    init(_ words: Words, language: String, siteName: String) {
        let site = ["site": Language.isolated(siteName, in: Language.direction(of: language))]
        let texts = words.parsedTexts(BuiltInWords.plainKeys).map { $0.filling(site) }
        bySource = texts.indices.filter { !Set(texts[$0].names).isDisjoint(with: ["source", "code", "name"]) }
        (self.language, self.texts) = (language, texts)
        plain = Built(WordsView(texts, language: language, values: [:]))
    }

    /// The words a reader of `source`'s kit sees (`values`: `wordValues(for: source)`): the plain
    /// words' values with the few that name the source filled, its shape not read again.
    func view(values: [String: String]) -> Built<WordsView> {
        guard !bySource.isEmpty, values.keys.contains(where: { $0 != "site" }) else { return plain }
        var filled = plain.values
        for index in bySource { filled[index] = texts[index].fill(values) }
        return Built(WordsView(texts, language: language, values: values), shapedLike: plain, values: filled)
    }
}

extension SiteRenderer {
    /// The words a source reads, its values filled (`values`: `wordValues(for: source, language:
    /// language)`, when made already).
    func wordsView(for source: Source?, language: String, values: [String: String]? = nil) -> Built<WordsView> {
        let table = wordTables[language] ?? WordsTable(words(for: language), language: language, siteName: kit.site.name)
        return table.view(values: values ?? wordValues(for: source, language: language))
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
