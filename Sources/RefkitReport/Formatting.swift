import Foundation
import RefkitLedger
import RefkitModel

/// Numbers, amounts and days as the report writes them, in the site's language (FORMAT.md: the
/// report uses the site's language): `4,800.50` and `23 Nov 2026` in English, as refkit always
/// wrote them (the same on every machine, no locale data), and CLDR's way through Foundation's
/// ICU otherwise (`4.800,50`, `23.11.2026`). The report's own sentences are still English.
/// `Reporter` sets the language for one report (`Formatting.$language.withValue`).
enum Formatting {
    @TaskLocal static var language = "en"

    /// 12345 → "12,345".
    static func count(_ n: Int) -> String {
        guard language != "en" else { return englishCount(n) }
        return ReportLocale.for(language).number(NSNumber(value: n), fractionDigits: 0)
    }

    /// Hundredths → "4,800" or "4,800.50".
    static func amount(_ cents: Int64) -> String {
        let fraction = cents % 100
        guard language != "en" else {
            let whole = englishCount(Int(cents / 100))
            return fraction == 0 ? whole : whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
        }
        return ReportLocale.for(language).number(NSDecimalNumber(mantissa: UInt64(cents.magnitude), exponent: -2, isNegative: cents < 0),
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
        language == "en" ? englishMonths[month - 1] : ReportLocale.for(language).months[month - 1]
    }

    /// "23 Nov 2026".
    static func day(_ day: Day) -> String {
        guard language != "en" else { return "\(day.day) \(englishMonths[day.month - 1]) \(day.year)" }
        return ReportLocale.for(language).day(day)
    }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? word : plural ?? word + "s")"
    }
}

/// ICU's formatters for one language, made once per language and used from one report at a time.
final class ReportLocale: @unchecked Sendable {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [String: ReportLocale] = [:]

    static func `for`(_ language: String) -> ReportLocale {
        lock.lock()
        defer { lock.unlock() }
        if let locale = made[language] { return locale }
        let locale = ReportLocale(language)
        made[language] = locale
        return locale
    }

    private let numbers = NumberFormatter()
    private let days = DateFormatter()
    private let access = NSLock()
    let months: [String]

    private init(_ language: String) {
        numbers.locale = Locale(identifier: language)
        numbers.numberStyle = .decimal
        days.locale = Locale(identifier: language)
        days.timeZone = TimeZone(identifier: "UTC")
        days.calendar = Calendar(identifier: .gregorian)
        days.dateStyle = .medium
        days.timeStyle = .none
        months = days.shortMonthSymbols
    }

    func number(_ number: NSNumber, fractionDigits: Int) -> String {
        access.lock()
        defer { access.unlock() }
        numbers.minimumFractionDigits = fractionDigits
        numbers.maximumFractionDigits = fractionDigits
        return numbers.string(from: number) ?? number.description
    }

    func day(_ day: Day) -> String {
        access.lock()
        defer { access.unlock() }
        // Noon UTC of the day: no time zone can move it to another date.
        return days.string(from: Date(timeIntervalSince1970: Double(day.daysSince1970) * 86_400 + 43_200))
    }
}

/// Text for HTML and SVG (both XML-safe).
func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
