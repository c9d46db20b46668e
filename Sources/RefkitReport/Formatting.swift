import RefkitLedger
import RefkitModel

/// Numbers, amounts, percentages and days as the report writes them: the same on every machine
/// (no locale data), English like the rest of refkit's fixed wording.
enum Formatting {
    /// 12345 → "12,345".
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Hundredths → "4,800" or "4,800.50".
    static func amount(_ cents: Int64) -> String {
        let whole = count(Int(cents / 100))
        let fraction = cents % 100
        return fraction == 0 ? whole : whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "23 Nov 2026".
    static func day(_ day: Day) -> String { "\(day.day) \(monthNames[day.month - 1]) \(day.year)" }

    static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? word : plural ?? word + "s")"
    }
}

/// Text for HTML and SVG (both XML-safe).
func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
