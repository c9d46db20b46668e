import CSV
import RefkitModel

/// `validate` for `content/ledger.csv`: pure. Reads the CSV text row by row (CSV.swift, streaming:
/// no table of strings is built) into compact entries, and reports every bad row with its line:
/// a wrong header or column count, a bad date, an unknown source or stage, a bad amount, a deal
/// with no lead before it.
public enum LedgerValidator {
    /// - Parameter unreadable: slugs of source files too broken to be sources, so that rows naming
    ///   them are not reported as unknown as well.
    public static func validate(_ text: String, file: String = Ledger.file, sources: [Source], unreadable: [String] = [],
                                today: Day) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let slugs = Array(Set(sources.map(\.slug) + unreadable)).sorted()
        var ledger = Ledger(slugs: slugs, entries: [])
        var diagnostics: [Diagnostic] = []
        func error(_ message: String, line: Int, column: Int = 1) {
            diagnostics.append(.error(message, at: SourceLocation(file: file, line: line, column: column)))
        }

        // Source names: the slug, or the code; exact first, then ignoring case.
        var names: [String: Int32] = [:]
        for (index, slug) in slugs.enumerated() { names[slug] = Int32(index) }
        for source in sources { names[source.code.uppercased()] = names[source.slug] }
        let known = slugs + sources.map(\.code)
        var suggestions: [String: String?] = [:]

        guard let reader = try? CSVReader(string: text, hasHeaderRow: false), let header = reader.next() else {
            return (ledger, [])  // an empty file: nothing recorded yet
        }
        var line = 2 + newlines(in: header)  // where the next row starts
        let written = header.map { $0.trimmingSpaces().lowercased() }
        guard written == Ledger.columns else {
            error("the ledger's first line must be the header '\(Ledger.columns.joined(separator: ","))', not '\(header.joined(separator: ","))'", line: 1)
            return (ledger, diagnostics)
        }

        // CSV.swift reads an unclosed double quote to the end of the file, swallowing the rows
        // after it; an odd number of quotes in the whole text is how that shows.
        let unbalanced = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) } % 2 == 1
        var lastMultiline: Int?

        let todayDays = Int32(today.daysSince1970)
        while let row = reader.next() {
            let rowLine = line
            let breaks = newlines(in: row)
            line += 1 + breaks
            if breaks > 0 { lastMultiline = rowLine }
            if row.count == 1, row[0].isEmpty { continue }  // a blank line
            guard (3...5).contains(row.count) else {
                var message = "this row has \(row.count) field\(row.count == 1 ? "" : "s"); a ledger row is date,source,stage,value,note"
                if row.count > 5 { message += " (put a note that contains commas in double quotes)" }
                if row.contains(where: { newlines(in: [$0]) > 0 }) {
                    message += "; a double quote opened on this line may never be closed"
                }
                error(message, line: rowLine)
                continue
            }
            func column(_ field: Int) -> Int { 1 + row[..<field].reduce(0) { $0 + $1.count + 1 } }

            let dateText = row[0].trimmingSpaces()
            let day = parseDay(dateText)
            if day == nil {
                error("'date' must be a day written YYYY-MM-DD, not '\(dateText)'", line: rowLine, column: column(0))
            }

            let name = row[1].trimmingSpaces()
            let source = names[name] ?? names[name.lowercased()] ?? names[name.uppercased()]
            if source == nil {
                var message = name.isEmpty
                    ? "'source' is empty: name the source by its slug or its code"
                    : "unknown source '\(name)': no content/sources/\(name).yml and no source has the code '\(name)'"
                if !name.isEmpty {
                    let suggestion = suggestions[name] ?? closest(to: name, among: known)
                    suggestions[name] = suggestion
                    if let suggestion { message += "; did you mean '\(suggestion)'?" }
                }
                error(message, line: rowLine, column: column(1))
            }

            let stageText = row[2].trimmingSpaces()
            let stage = Stage(name: stageText)
            if stage == nil {
                var message = "unknown stage '\(stageText)': use one of view, lead, appointment, deal, lost, thanked"
                if let suggestion = closest(to: stageText.lowercased(), among: Stage.allCases.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(message, line: rowLine, column: column(2))
            }

            var cents: Int64?
            let valueText = row.count > 3 ? row[3].trimmingSpaces() : ""
            if !valueText.isEmpty {
                cents = parseAmount(valueText)
                if cents == nil, let decimal = Self.decimalComma(valueText) {
                    error("'value' is written with a decimal comma; write a point: \(decimal) (no thousands separator)",
                          line: rowLine, column: column(3))
                } else if cents == nil {
                    error("'value' must be an amount such as 1200 or 1200.50 (digits, no currency sign or thousands separator), not '\(valueText)'",
                          line: rowLine, column: column(3))
                } else if let stage, stage != .deal {
                    diagnostics.append(.warning("'value' counts only on a deal; this \(stage.name)'s value is not reported",
                                                at: SourceLocation(file: file, line: rowLine, column: column(3))))
                }
            }

            guard let day, let source, let stage else { continue }
            let days = Int32(day.daysSince1970)
            if days > todayDays {
                diagnostics.append(.warning("this row is dated \(day), after today (\(today))",
                                            at: SourceLocation(file: file, line: rowLine, column: column(0))))
            }
            ledger.entries.append(LedgerEntry(days: days, source: source, stage: stage, line: Int32(rowLine), cents: cents))
        }

        if unbalanced, let start = lastMultiline {
            error("a double quote opened on this line is never closed, so every line after it was read as part of this row",
                  line: start)
        }

        // Rows in date order (already so in a ledger kept by appending: the sort is then cheap).
        ledger.entries.sort { ($0.days, $0.line) < ($1.days, $1.line) }
        var leads = [Int](repeating: 0, count: slugs.count)
        var deals = [Int](repeating: 0, count: slugs.count)
        for entry in ledger.entries {
            let source = Int(entry.source)
            switch entry.stage {
            case .lead: leads[source] += 1
            case .deal:
                deals[source] += 1
                if deals[source] > leads[source] {
                    let had = leads[source] == 0 ? "no lead" : "only \(leads[source]) lead\(leads[source] == 1 ? "" : "s")"
                    error("a deal with no lead: by \(entry.day), \(slugs[source]) has \(deals[source]) deal\(deals[source] == 1 ? "" : "s") and \(had); add the lead this deal came from",
                          line: Int(entry.line))
                }
            default: break
            }
        }
        diagnostics.sort()
        return (ledger, diagnostics)
    }

    /// Line breaks inside a row's fields (quoted fields may hold them).
    private static func newlines(in row: [String]) -> Int {
        var count = 0
        for field in row {
            var previous: UInt8 = 0
            for byte in field.utf8 {
                if byte == 0x0A, previous != 0x0D { count += 1 } else if byte == 0x0D { count += 1 }
                previous = byte
            }
        }
        return count
    }

    /// Exactly `YYYY-MM-DD`, read from the bytes (a million rows: no splitting, no allocation).
    static func parseDay(_ text: String) -> Day? {
        var numbers = (0, 0, 0), count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard (0x30...0x39).contains(byte), count <= 10 else { return nil }
            let digit = Int(byte - 0x30)
            switch count {
            case ...4: numbers.0 = numbers.0 * 10 + digit
            case ...7: numbers.1 = numbers.1 * 10 + digit
            default: numbers.2 = numbers.2 * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        return Day(year: numbers.0, month: numbers.1, day: numbers.2)
    }

    /// Digits with up to two decimals, in hundredths.
    static func parseAmount(_ text: String) -> Int64? {
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, seenPoint = false, seenDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                let digit = Int64(byte - 0x30)
                if seenPoint {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    guard whole < 10_000_000_000_000 else { return nil }
                    whole = whole * 10 + digit
                    seenDigit = true
                }
            case UInt8(ascii: "."):
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
            default: return nil
            }
        }
        guard seenDigit, !seenPoint || fractionDigits > 0 else { return nil }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }

    /// `320,40` or `1.200,50` (a decimal comma, with or without points between thousands): the
    /// amount written with a decimal point, else nil.
    static func decimalComma(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber) else { return nil }
        let whole = parts[0].replacingOccurrences(of: ".", with: "")
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return whole + "." + parts[1]
    }
}
