import Foundation

/// Days and numbers written a language's way, CLDR's through Foundation's ICU: `31. Dezember 2027`,
/// `4.415,90`. One set of formatters per language, made once and shared (making one loads locale
/// data); the offers, the stats line and the report all write through it.
public final class LocaleFormats: @unchecked Sendable {
    public static func of(_ language: String) -> LocaleFormats {
        made.value(for: language) { LocaleFormats(language) }
    }

    private static let made = Memo<String, LocaleFormats>()

    /// Formatters are not thread-safe: every use holds the lock.
    private let lock = NSLock()
    private let numbers = NumberFormatter()
    private let days = DateFormatter()
    private var calendar = Calendar(identifier: .gregorian)
    private let locale: Locale
    /// French writes the first of the month as an ordinal: `1er janvier` (CLDR writes `1 janvier`).
    private let firstIsOrdinal: Bool
    /// `Jan`…`Dec`, the language's way (`janv.`, `Jan.`).
    public let shortMonths: [String]

    private init(_ language: String) {
        let locale = Locale(identifier: Language.localeIdentifier(language))
        self.locale = locale
        firstIsOrdinal = Language.subtag(of: language) == "fr"
        numbers.locale = locale
        numbers.numberStyle = .decimal
        calendar.timeZone = TimeZone(identifier: "UTC")!
        days.locale = locale
        days.timeZone = calendar.timeZone
        days.calendar = calendar
        days.timeStyle = .none
        shortMonths = days.shortMonthSymbols
    }

    /// `4,415` (en), `4.415` (de), `4 415` (fr).
    public func integer(_ number: Int) -> String {
        self.number(NSNumber(value: number), fractionDigits: 0)
    }

    /// A number with exactly `fractionDigits` decimals.
    public func number(_ number: NSNumber, fractionDigits: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        numbers.minimumFractionDigits = fractionDigits
        numbers.maximumFractionDigits = fractionDigits
        return numbers.string(from: number) ?? number.description
    }

    /// An amount in hundredths as `currency` (ISO 4217) is written in the language: `184.000,50 €`
    /// (de), `€184,000.50` (en), `184 000,50 zł` (pl), with the currency's own decimals (`¥184,001`).
    /// Through Foundation's format styles (its `NumberFormatter` in currency style stops the
    /// process on this platform).
    public func money(_ cents: Int64, currency: String) -> String {
        let amount = Decimal(cents) / 100
        return amount.formatted(.currency(code: currency).locale(locale))
    }

    /// A whole percentage the language's way (CLDR's percent pattern): `64%` (en), `64 %` (de, fr,
    /// with a no-break space).
    public func percent(_ whole: Int) -> String {
        Decimal(whole).formatted(.percent.scale(1).locale(locale))
    }

    /// The ISO 4217 codes Foundation knows (`EUR`, `PLN`): what `site.yml`'s `currency` may be.
    public static let currencies: Set<String> = Set(Locale.commonISOCurrencyCodes)

    /// A day and a time of day, the language's way: `Thursday, 14 January 2027 at 18:30` (en-GB),
    /// `Donnerstag, 14. Januar 2027 um 18:30`. The time is as written (no time zone moves it).
    public func dayAndTime(year: Int, month: Int, day: Int, hour: Int, minute: Int) -> String {
        lock.lock()
        defer { lock.unlock() }
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) else {
            return String(format: "%04d-%02d-%02d %02d:%02d", year, month, day, hour, minute)
        }
        days.dateStyle = .full
        days.timeStyle = .short
        defer { days.timeStyle = .none }
        return ordinalFirst(days.string(from: date), day: day)
    }

    /// A day in the style asked for: `.long` `30 June 2027`, `.medium` `30 Jun 2027` (en-GB).
    public func day(year: Int, month: Int, day: Int, style: DateFormatter.Style) -> String {
        lock.lock()
        defer { lock.unlock() }
        // Noon UTC of the day: no time zone can move it to another date.
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) else {
            return "\(year)-\(month)-\(day)"
        }
        days.dateStyle = style
        let text = days.string(from: date)
        return style == .short ? text : ordinalFirst(text, day: day)
    }

    /// `1 janvier` → `1er janvier` where the language writes the first so (French).
    private func ordinalFirst(_ text: String, day: Int) -> String {
        guard firstIsOrdinal, day == 1 else { return text }
        return text.replacing(/(^|\s)1(\s)/, maxReplacements: 1) { "\($0.output.1)1er\($0.output.2)" }
    }
}
