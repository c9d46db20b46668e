import Foundation
import Yams

/// refkit's own translation tables, one YAML text per language (`Tables/`): flat keys to text.
/// `refkit init` writes the kit language's text as it is, comments included.
public enum BuiltInWords {
    /// The languages refkit ships words for, and each table's text.
    public static let texts: [String: String] = [
        "en": en, "de": de, "fr": fr, "es": es, "it": it, "nl": nl, "pt": pt, "pl": pl, "sv": sv, "ar": ar,
    ]

    /// Each shipped table parsed; the tables are tested to parse.
    public static let tables: [String: [String: String]] = texts.mapValues { text in
        ((try? Yams.load(yaml: text)) as? [String: String]) ?? [:]
    }

    /// Every key refkit uses: English's, which is complete by definition.
    public static let keys: [String] = tables["en", default: [:]].keys.sorted()

    /// The keys a template can show as they are (`t.KEY`): all but the plural forms, which refkit
    /// picks itself (`stats_referrals.one`, `.other`, …).
    public static let plainKeys: [String] = keys.filter { !$0.contains(".") }

    /// A plural key's form for a CLDR category: `stats_referrals.few`.
    public static let pluralCategories = ["zero", "one", "two", "few", "many", "other"]
}

/// Every table a build can read: refkit's, with a kit's `templates/i18n/LANG.yml` over them.
public struct Translations: Sendable {
    /// By tag (as the file names it): key → text.
    let tables: [String: [String: String]]
    let siteLanguage: String

    /// `overrides`: a kit's tables by tag, over refkit's of the same tag.
    public init(overrides: [String: [String: String]] = [:], siteLanguage: String = "en") {
        var tables = BuiltInWords.tables
        for (tag, words) in overrides { tables[tag, default: [:]].merge(words) { _, kit in kit } }
        self.tables = tables
        self.siteLanguage = siteLanguage
    }

    /// Whether any table exists for the tag or its language subtag.
    public func hasTable(for tag: String) -> Bool {
        tables[tag] != nil || tables[Language.subtag(of: tag)] != nil
    }

    /// The words a reader of `tag` gets: each key from the first table of the lookup chain that
    /// has it (FORMAT.md, "Languages").
    public func words(for tag: String) -> Words {
        let chain = Language.lookupChain(for: tag, siteLanguage: siteLanguage).compactMap { tables[$0] }
        var merged: [String: String] = [:]
        for table in chain.reversed() { merged.merge(table) { _, nearer in nearer } }
        return Words(language: tag, table: merged)
    }

    /// The keys `tag` reads from a fallback (the site's language or English), not its own table
    /// or its subtag's: what `refkit check` warns about.
    public func missingKeys(for tag: String) -> [String] {
        let own = [tables[tag], tables[Language.subtag(of: tag)]].compactMap { $0 }
        return BuiltInWords.keys.filter { key in
            let plural = key.split(separator: ".", maxSplits: 1)
            if plural.count == 2 {
                // A plural form counts as present when the table has any form of the key.
                return !own.contains { table in table.keys.contains { $0.hasPrefix(plural[0] + ".") } }
            }
            return !own.contains { $0[key] != nil }
        }
    }
}

/// The words for one language, every key present.
public struct Words: Sendable {
    public let language: String
    let table: [String: String]

    /// The text of `key` with its `{names}` filled.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        Message.fill(table[key] ?? key, values)
    }

    /// The form of the plural `key` for `count` in this language (CLDR's rules), with `{count}`
    /// the count written the language's way.
    public func plural(_ key: String, count: Int, _ values: [String: String] = [:]) -> String {
        let category = CLDR.pluralCategory(of: count, in: language)
        let form = table["\(key).\(category)"] ?? table["\(key).other"] ?? key
        return Message.fill(form, values.merging(["count": Self.number(count, in: language)]) { _, count in count })
    }

    /// A whole number written the language's way: `4.415` (de), `4 415` (fr).
    public static func number(_ number: Int, in language: String) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.numberStyle = .decimal
        return formatter.string(from: NSNumber(value: number)) ?? String(number)
    }

    /// The language's quotation marks around `text`.
    public func quoted(_ text: String) -> String {
        let marks = CLDR.quotationMarks(in: language)
        return marks.open + text + marks.close
    }
}
