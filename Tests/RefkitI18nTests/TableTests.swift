@testable import RefkitI18n
import Yams
import XCTest

/// Every shipped table is complete and consistent with English's, and the plural forms are the
/// ones CLDR's rules pick for the language.
final class TableTests: XCTestCase {
    private let shipped = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ar"]
    private let english = BuiltInWords.table("en")!

    func testTenLanguagesAreShippedAndEachParses() {
        XCTAssertEqual(Set(BuiltInWords.texts.keys), Set(shipped))
        for language in shipped {
            XCTAssertFalse((BuiltInWords.table(language) ?? [:]).isEmpty, "\(language).yml does not parse as flat keys to text")
        }
        XCTAssertGreaterThan(BuiltInWords.plainKeys.count, 50)
    }

    /// Every tag `check` accepts must format: Foundation stopped the program (SIGILL) on a Unicode
    /// extension's numbering system (`ar-u-nu-arab`, `hi-IN-u-nu-deva`, `th-TH-u-nu-thai`; issue 29).
    /// Each shipped language with `-u-nu-*` and `-u-ca-*`, and the digits they ask for.
    func testEveryShippedLanguageWithUnicodeExtensionsFormats() {
        for language in shipped {
            for tag in [language, "\(language)-u-nu-arab", "\(language)-u-nu-deva", "\(language)-u-ca-islamic",
                        "\(language)-u-ca-buddhist-nu-thai", "\(language)-u-nu-latn-x-private"] {
                XCTAssertTrue(Language.isWellFormed(tag), tag)
                let formats = LocaleFormats.of(tag)
                XCTAssertFalse(formats.day(year: 2027, month: 6, day: 30, style: .long).isEmpty, tag)
                XCTAssertFalse(formats.dayAndTime(year: 2027, month: 1, day: 14, hour: 18, minute: 30).isEmpty, tag)
                XCTAssertFalse(formats.integer(4415).isEmpty, tag)
                XCTAssertEqual(formats.shortMonths.count, 12, tag)
            }
        }
        XCTAssertEqual(LocaleFormats.of("hi-IN-u-nu-deva").integer(12345), "१२,३४५")
        XCTAssertEqual(LocaleFormats.of("ar-u-nu-latn").integer(12345), "12,345")
        XCTAssertTrue(LocaleFormats.of("th-TH-u-nu-thai").day(year: 2027, month: 1, day: 15, style: .long).contains("๒๐๒๗"),
                      "Gregorian year, Thai digits")
        XCTAssertEqual(Language.direction(of: "ar-u-nu-latn"), "rtl", "Arabic with Latin digits is still right to left")
        XCTAssertEqual(Language.localeIdentifier("hi-IN-u-ca-indian-nu-deva"), "hi-IN@numbers=deva")
    }

    /// Issue 33: what CLDR leaves to a language's typography: French writes the first of the month
    /// `1er`; percentages and currencies follow the language's pattern.
    func testTheFirstOfTheMonthInFrenchAndPercentagesAndCurrencies() {
        let french = LocaleFormats.of("fr")
        XCTAssertEqual(french.day(year: 2027, month: 1, day: 1, style: .long), "1er janvier 2027")
        XCTAssertEqual(french.day(year: 2027, month: 1, day: 11, style: .long), "11 janvier 2027")
        XCTAssertTrue(french.dayAndTime(year: 2027, month: 1, day: 1, hour: 18, minute: 0).contains(" 1er janvier 2027"))
        XCTAssertEqual(LocaleFormats.of("fr-CA").day(year: 2027, month: 3, day: 1, style: .long), "1er mars 2027")
        XCTAssertEqual(LocaleFormats.of("de").day(year: 2027, month: 1, day: 1, style: .long), "1. Januar 2027")
        XCTAssertEqual(LocaleFormats.of("de").percent(64), "64\u{A0}%")
        XCTAssertEqual(LocaleFormats.of("en").percent(64), "64%")
        XCTAssertEqual(LocaleFormats.of("pl").money(18_400_050, currency: "PLN"), "184\u{A0}000,50\u{A0}zł")
        XCTAssertEqual(LocaleFormats.of("en").money(18_400_050, currency: "EUR"), "€184,000.50")
    }

    /// Issue 33: each shipped table addresses its reader one way throughout (the polite form its
    /// header names): no informal pronoun in a formal table. Swedish and Portuguese, whose
    /// everyday polite form is the plain one, are not checked.
    func testEveryTableKeepsOneFormOfAddress() throws {
        let informal: [String: Regex<AnyRegexOutput>] = [
            "de": try Regex(#"(?i)\b(du|dein|deine|deinen|deinem|deiner|dich|dir)\b"#),
            "fr": try Regex(#"(?i)\b(tu|toi|ton|tes)\b"#),
            "es": try Regex(#"(?i)\b(tú|tus)\b"#),
            "it": try Regex(#"\b(tu|tuo|tua|tuoi|tue|ti)\b"#),
            "nl": try Regex(#"(?i)\b(jij|jouw|jou)\b"#),
            "pl": try Regex(#"(?i)\b(ty|twój|twoje|twoja|twoich|twoim|twoją|twojego|twojej|wyślij|udostępnij)\b"#),
        ]
        for (language, pattern) in informal {
            for line in BuiltInWords.texts[language]!.split(separator: "\n") where !line.hasPrefix("#") {
                XCTAssertNil(line.firstMatch(of: pattern), "\(language): \(line)")
            }
        }
    }

    /// refkit reads its own tables without Yams: the reading must be Yams's.
    func testTheQuickReadingOfEveryTableIsYamssReading() throws {
        for language in shipped {
            let text = BuiltInWords.texts[language]!
            XCTAssertEqual(BuiltInWords.simpleTable(text), try XCTUnwrap(Yams.load(yaml: text) as? [String: String]), language)
        }
        XCTAssertNil(BuiltInWords.simpleTable("a: 'single'\n"))
        XCTAssertNil(BuiltInWords.simpleTable("a: \"esc\\\"aped\"\n"))
    }

    private func base(_ key: String) -> String { String(key.prefix { $0 != "." }) }

    func testEveryLanguageHasEveryKeyOfEnglishAndNoOther() {
        for language in shipped {
            let table = BuiltInWords.table(language)!
            for key in BuiltInWords.plainKeys {
                XCTAssertNotNil(table[key], "\(language) lacks \(key)")
            }
            for key in table.keys {
                XCTAssertTrue(english[key] != nil || (key.contains(".") && english[base(key) + ".other"] != nil),
                              "\(language) has \(key), which refkit never uses")
            }
        }
    }

    func testEveryPluralCategoryTheLanguageUsesHasItsForm() {
        let plurals = Set(english.keys.filter { $0.contains(".") }.map(base))
        for language in shipped {
            let table = BuiltInWords.table(language)!
            for count in Array(0...250) + [1_000, 1_001, 1_000_000] {
                let category = CLDR.pluralCategory(of: count, in: language)
                for key in plurals {
                    XCTAssertNotNil(table["\(key).\(category)"], "\(language) lacks \(key).\(category) (for \(count))")
                }
            }
            for key in plurals { XCTAssertNotNil(table["\(key).other"], "\(language) lacks \(key).other") }
        }
    }

    func testEveryTextNamesTheSameValuesAsEnglish() {
        for language in shipped {
            for (key, text) in BuiltInWords.table(language)! {
                if key.contains(".") {
                    // A form may leave out {count} ("one referral", Arabic's dual), nothing else.
                    let allowed = Set(Message.parameters(of: english[base(key) + ".other"]!))
                    XCTAssertTrue(Set(Message.parameters(of: text)).isSubset(of: allowed), "\(language) \(key): \(text)")
                } else {
                    XCTAssertEqual(Set(Message.parameters(of: text)), Set(Message.parameters(of: english[key]!)), "\(language) \(key)")
                }
            }
        }
    }

    func testCLDRRulesAndMarks() {
        XCTAssertEqual([1, 2, 5, 22, 25].map { CLDR.pluralCategory(of: $0, in: "pl") }, ["one", "few", "many", "few", "many"])
        XCTAssertEqual([0, 1, 2, 3, 11, 100].map { CLDR.pluralCategory(of: $0, in: "ar") }, ["zero", "one", "two", "few", "many", "other"])
        XCTAssertEqual(CLDR.pluralCategory(of: 0, in: "fr"), "one")
        XCTAssertEqual(CLDR.quotationMarks(in: "de").open, "„")
        XCTAssertEqual(CLDR.quotationMarks(in: "fr").open, "«")
    }

    func testWordsFillValuesAndPickPluralForms() {
        let translations = Translations(siteLanguage: "en")
        let polish = translations.words(for: "pl-PL")
        XCTAssertEqual(polish.plural("stats_referrals", count: 5), "W tym roku polecili nam Państwo 5 osób")
        XCTAssertEqual(polish.plural("stats_referrals", count: 22), "W tym roku polecili nam Państwo 22 osoby")
        XCTAssertEqual(translations.words(for: "de").plural("stats_referrals", count: 4415),
                       "Sie haben uns dieses Jahr 4.415 Empfehlungen geschickt")
        XCTAssertEqual(translations.words(for: "de-AT").text("greeting_person", ["name": "Anna"]), "Guten Tag, Anna")
        XCTAssertEqual(Message.fill("{a} {b} {not a name} {", ["a": "1"]), "1 {b} {not a name} {")
        // Filled in two steps (the site's name once, a source's values each time) as in one.
        for text in ["{a} {b} {not a name} {", "{site}", "Hello {site}, {name}!", "{name}{site}{name}", "", "plain", "{site}{{site}}"] {
            for values in [["name": "N"], ["name": "{site}", "b": ""], [:]] {
                let site = ["site": "S {name}", "a": "1"]
                XCTAssertEqual(Message.Parsed(text).filling(site).fill(values), Message.fill(text, site.merging(values) { a, _ in a }), text)
            }
        }
    }

    func testLookupFallsBackKeyByKey() {
        let translations = Translations(overrides: ["eo": ["nav_home": "Hejmo"]], siteLanguage: "de")
        let esperanto = translations.words(for: "eo")
        XCTAssertEqual(esperanto.text("nav_home"), "Hejmo")
        XCTAssertEqual(esperanto.text("nav_label"), "Empfehlungsmappe", "the site's language comes before English")
        XCTAssertEqual(translations.missingKeys(for: "eo").count, BuiltInWords.siteKeys.count - 1, "a reader is asked the site's words")
        XCTAssertEqual(translations.missingKeys(for: "eo", among: BuiltInWords.keys).count, BuiltInWords.keys.count - 1,
                       "the site's language the report's too")
        XCTAssertEqual(BuiltInWords.keys.count, BuiltInWords.siteKeys.count + BuiltInWords.keys.filter { $0.hasPrefix("report_") }.count)
        XCTAssertGreaterThan(BuiltInWords.keys.count - BuiltInWords.siteKeys.count, 140, "one table holds the report's words")
        XCTAssertEqual(translations.missingKeys(for: "de-CH"), [])
        XCTAssertFalse(translations.hasTable(for: "tlh"))
        XCTAssertEqual(Language.lookupChain(for: "pt-BR", siteLanguage: "en"), ["pt-BR", "pt", "en"])
        XCTAssertEqual(Language.direction(of: "ar-EG"), "rtl")
        XCTAssertEqual(Language.direction(of: "fa"), "rtl")
        XCTAssertEqual(Language.direction(of: "de"), "ltr")
        // Read from the tag's bytes, as the plain reading of its subtags would say.
        func reference(_ tag: String) -> Bool {
            let parts = Language.withoutExtensions(tag).lowercased().split(separator: "-")
            if parts.contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].contains($0) }) { return true }
            if parts.contains(where: { ["latn", "cyrl"].contains($0) }) { return false }
            return ["ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "dv", "ckb", "ug"].contains(Language.subtag(of: tag))
        }
        let tags = ["ar", "AR-eg", "az-Arab", "az-ARAB-IR", "ku-Latn", "ckb", "ckb-IQ", "ug-Cyrl", "pa-Arab", "sd-Deva", "he-IL-u-nu-latn",
                    "en-x-arab", "en-u-nu-arab", "ar-x-latn", "fa-Latn-x-arab", "yi", "dv-MV", "de", "en-GB-oxendict", "arab", "uga",
                    "ar-abcdefghij", "ar--EG", "ar-ÄB", "", "-ar", "zh-Hant-TW", "ur-Arab-PK", "ji-Hebr", "ps-Latn-u-ca-gregory"]
        XCTAssertEqual(tags.map(Language.isRightToLeft), tags.map(reference))
        XCTAssertEqual(tags.filter(Language.isRightToLeft),
                       ["ar", "AR-eg", "az-Arab", "az-ARAB-IR", "ckb", "ckb-IQ", "pa-Arab", "sd-Deva", "he-IL-u-nu-latn", "ar-x-latn", "yi", "dv-MV",
                        "arab", "ar-abcdefghij", "ar--EG", "ar-ÄB", "ur-Arab-PK", "ji-Hebr"])
        XCTAssertEqual(["en", "de-AT", "zh-Hant-TW", "german", "de_AT", "d", "de-", "en-GB-oxendict9"].map(Language.isWellFormed),
                       [true, true, true, false, false, false, false, false])
    }
}
