import Foundation
import Yams

/// refkit's own translation tables, one YAML text per language (`Tables/`): flat keys to text.
/// `refkit init` writes the kit language's text as it is, comments included.
public enum BuiltInWords {
    /// The languages refkit ships words for, and each table's text.
    public static let texts: [String: String] = [
        "en": en, "de": de, "fr": fr, "es": es, "it": it, "nl": nl, "pt": pt, "pl": pl, "sv": sv, "ar": ar,
    ]

    /// The shipped table of `language`, parsed (once, when first asked for: a build reads only
    /// the languages in use); the tables are tested to parse.
    public static func table(_ language: String) -> [String: String]? {
        guard let text = texts[language] else { return nil }
        return parsed.value(for: language) { simpleTable(text) ?? ((try? Yams.load(yaml: text)) as? [String: String]) ?? [:] }
    }

    /// The shipped tables are written in the plainest YAML: comments, and `key: "text"` lines
    /// whose text holds no `"` or `\\`. Read that form directly (Yams takes 20 M instructions for
    /// a table, 2% of a build of 100 sources); anything else, or nil, goes to Yams. A test checks
    /// both readings agree for every table.
    static func simpleTable(_ text: String) -> [String: String]? {
        var table: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].hasPrefix(" \""), line.hasSuffix("\"") else {
                return nil
            }
            let key = line[..<colon], value = line[line.index(colon, offsetBy: 3)..<line.index(before: line.endIndex)]
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }),
                  !value.contains("\""), !value.contains("\\"), table[String(key)] == nil else { return nil }
            table[String(key)] = String(value)
        }
        return table
    }

    private static let parsed = Memo<String, [String: String]>()

    /// English's table: every key refkit uses.
    public static let english: [String: String] = table("en") ?? [:]

    /// Every key refkit uses: English's, which is complete by definition.
    public static let keys: [String] = english.keys.sorted()

    /// What the private report's keys start with: one table holds a language's words for the
    /// site and the report, and a kit overrides either in `templates/i18n/LANG.yml`.
    public static let reportPrefix = "report_"

    /// The keys the published site reads: all but the report's.
    public static let siteKeys: [String] = keys.filter { !$0.hasPrefix(reportPrefix) }

    /// The keys a template can show as they are (`t.KEY`): the site's, but the plural forms, which
    /// refkit picks itself (`stats_referrals.one`, `.other`, …).
    public static let plainKeys: [String] = siteKeys.filter { !$0.contains(".") }

    /// A plural key's form for a CLDR category: `stats_referrals.few`.
    public static let pluralCategories = ["zero", "one", "two", "few", "many", "other"]
}

/// Every table a build can read: refkit's, with a kit's `templates/i18n/LANG.yml` over them.
public struct Translations: Sendable {
    /// A kit's tables by tag (as the file names it): key → text.
    let overrides: [String: [String: String]]
    let siteLanguage: String
    /// Each tag's words, made once (every key parsed): a report or outbox asks per source.
    private let made = Memo<String, Words>()

    /// `overrides`: a kit's tables by tag, over refkit's of the same tag.
    public init(overrides: [String: [String: String]] = [:], siteLanguage: String = "en") {
        self.overrides = overrides
        self.siteLanguage = siteLanguage
    }

    /// The table of one tag: refkit's with the kit's over it, nil when neither has one.
    func table(_ tag: String) -> [String: String]? {
        switch (BuiltInWords.table(tag), overrides[tag]) {
        case (nil, nil): nil
        case let (builtIn, kit): (builtIn ?? [:]).merging(kit ?? [:]) { _, kit in kit }
        }
    }

    /// Whether any table exists for the tag or its language subtag.
    public func hasTable(for tag: String) -> Bool {
        table(tag) != nil || table(Language.subtag(of: tag)) != nil
    }

    /// The words a reader of `tag` gets: each key from the first table of the lookup chain that
    /// has it (FORMAT.md, "Languages").
    public func words(for tag: String) -> Words {
        made.value(for: tag) { merged(for: tag) }
    }

    private func merged(for tag: String) -> Words {
        let chain = Language.lookupChain(for: tag, siteLanguage: siteLanguage).compactMap { table($0) }
        var merged: [String: String] = [:]
        for table in chain.reversed() { merged.merge(table) { _, nearer in nearer } }
        return Words(language: tag, table: merged)
    }

    /// The keys `tag` reads from a fallback (the site's language or English), not its own table
    /// or its subtag's: what `refkit check` warns about. `among`: the keys asked about (the
    /// site's, for a reader; the report's too, for the site's language).
    public func missingKeys(for tag: String, among keys: [String] = BuiltInWords.siteKeys) -> [String] {
        let own = [table(tag), table(Language.subtag(of: tag))].compactMap { $0 }
        return keys.filter { key in
            let plural = key.split(separator: ".", maxSplits: 1)
            if plural.count == 2 {
                // A plural form counts as present when the table has any form of the key.
                return !own.contains { table in table.keys.contains { $0.hasPrefix(plural[0] + ".") } }
            }
            return !own.contains { $0[key] != nil }
        }
    }
}

/// The words for one language, every key present, each parsed once.
public struct Words: Sendable {
    public let language: String
    let table: [String: String]
    let parsed: [String: Message.Parsed]

    init(language: String, table: [String: String]) {
        self.language = language
        self.table = table
        parsed = table.mapValues(Message.Parsed.init)
    }

    /// The text of `key` with its `{names}` filled.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        parsed[key]?.fill(values) ?? key
    }

    /// The parsed texts of `keys`, in order (a key without a text, as itself): for a view that
    /// fills every key for each source, looked up once per language instead.
    public func parsedTexts(_ keys: [String]) -> [Message.Parsed] {
        keys.map { parsed[$0] ?? Message.Parsed($0) }
    }

    /// The form of the plural `key` for `count` in this language (CLDR's rules), with `{count}`
    /// the count written the language's way.
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        form(key, count: count, written: Self.number(count, in: language), values)
    }

    /// The form of the plural `key` for `count`, `{count}` filled with `written` (the count as
    /// the caller writes it). A count that is not whole (nil: a median of 4.5 days) takes `other`.
    public func form(_ key: String, count: Int?, written: String, _ values: [String: String] = [:]) -> String {
        let category = count.map { CLDR.pluralCategory(of: $0, in: language) } ?? "other"
        let form = parsed["\(key).\(category)"] ?? parsed["\(key).other"]
        return form?.fill(values.merging(["count": written]) { _, written in written }) ?? key
    }

    /// A whole number written the language's way: `4.415` (de), `4 415` (fr).
    public static func number(_ number: Int, in language: String) -> String {
        LocaleFormats.of(language).integer(number)
    }

    /// The language's quotation marks around `text`.
    public func quoted(_ text: String) -> String {
        let marks = CLDR.quotationMarks(in: language)
        return marks.open + text + marks.close
    }
}
