import Foundation
import RefkitI18n
import RefkitLedger
import RefkitModel

/// Numbers, amounts and days as the report writes them, in the site's language (FORMAT.md: the
/// report uses the site's language): `4,800.50` and `23 Nov 2026` in English, as refkit always
/// wrote them (the same on every machine, no locale data), and CLDR's way through Foundation's
/// ICU otherwise (`4.800,50`, `23.11.2026`); its words are the site language's (`ReportWords`).
/// `Reporter` sets the words, and with them the language, for one report
/// (`Formatting.$words.withValue`).
enum Formatting {
    /// The report's own words in the site's language (`ReportWords`).
    @TaskLocal static var words = ReportWords(language: "en")

    /// `site.yml`'s `currency` (ISO 4217): amounts are written as it, in the site's language.
    @TaskLocal static var currency: String?

    /// The site's language (its BCP 47 tag), the words'.
    static var language: String { words.language }

    /// 12345 → "12,345".
    static func count(_ n: Int) -> String {
        guard language != "en" else { return englishCount(n) }
        return LocaleFormats.of(language).integer(n)
    }

    /// A step's name: as process.yml writes it, or (a step of the ledger's stages alone) its
    /// stage's word in the report's language.
    static func stepName(_ step: ReferralProcess.Step) -> String {
        step.name.isEmpty ? text("stage_\(step.stage.name)") : step.name
    }

    /// 64 → "64%" (en), "64 %" (de, fr): CLDR's percent pattern for the site's language.
    static func percent(_ whole: Int) -> String {
        guard language != "en" else { return "\(whole)%" }
        return LocaleFormats.of(language).percent(whole)
    }

    /// Hundredths → "4,800" or "4,800.50".
    static func amount(_ cents: Int64) -> String {
        if let currency { return LocaleFormats.of(language).money(cents, currency: currency) }
        let fraction = cents % 100
        guard language != "en" else {
            let whole = englishCount(Int(cents / 100))
            return fraction == 0 ? whole : whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
        }
        return LocaleFormats.of(language).number(NSDecimalNumber(mantissa: UInt64(cents.magnitude), exponent: -2, isNegative: cents < 0),
                                                 fractionDigits: fraction == 0 ? 0 : 2)
    }

    private static func englishCount(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (n < 0 ? "-" : "") + out
    }

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A month's short name: "Nov", "Nov." (de), "nov." (fr).
    static func month(_ month: Int) -> String {
        language == "en" ? englishMonths[month - 1] : LocaleFormats.of(language).shortMonths[month - 1]
    }

    /// "23 Nov 2026".
    static func day(_ day: Day) -> String {
        guard language != "en" else { return "\(day.day) \(englishMonths[day.month - 1]) \(day.year)" }
        return LocaleFormats.of(language).day(year: day.year, month: day.month, day: day.day, style: .medium)
    }

    /// Half days → "4" or "4.5" (a median of an even count).
    static func halfDays(_ halves: Int) -> String {
        guard halves % 2 == 1 else { return count(halves / 2) }
        guard language != "en" else { return count(halves / 2) + ".5" }
        return LocaleFormats.of(language).number(NSDecimalNumber(mantissa: UInt64(halves * 5), exponent: -1, isNegative: false),
                                                 fractionDigits: 1)
    }

    /// The text of the report's word `key`, its `{names}` filled.
    static func text(_ key: String, _ values: [String: String] = [:]) -> String {
        words.text(key, values)
    }

    /// A counted thing in the report's words: `plural(3, "days")` → "3 days".
    static func plural(_ n: Int, _ key: String, _ values: [String: String] = [:]) -> String {
        words.plural(key, count: n, written: count(n), values)
    }
}

/// Text for HTML and SVG (both XML-safe).
func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

/// A name or other text the business typed, for HTML: escaped and isolated (`<bdi>`), so an
/// Arabic name in an English sentence, or a Latin one in an Arabic sentence, keeps its own
/// direction and the sentence's punctuation stays where it belongs.
func isolated(_ text: String) -> String { "<bdi>" + HTMLEscaping.escape(text) + "</bdi>" }
