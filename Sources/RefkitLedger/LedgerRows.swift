import CSV
import RefkitModel

/// Reading one piece of the ledger's text, row by row: what `LedgerValidator` runs on each core.
extension LedgerValidator {
    /// What every piece's reader shares.
    struct Context: Sendable {
        var file: String
        /// The header's columns: five, or six with `prospect`.
        var columns: [String]
        /// Source names (slugs, and codes in upper case) → index into `Ledger.slugs`.
        var names: [String: Int32]
        /// Every slug and code, for suggestions.
        var known: [String]
        var today: Day
        var todayDays: Int32 { Int32(today.daysSince1970) }
    }

    /// A referral's identity: its source and its prospect, lowercased and trimmed.
    struct ReferralKey: Hashable, Sendable {
        var source: Int32
        var prospect: String
    }

    /// One piece's rows, with its own referral numbering (`keys[i]` is `referrals[i]`'s), merged in
    /// file order by `validate`.
    struct Piece: Sendable {
        var entries: [LedgerEntry] = []
        var referrals: [Referral] = []
        var keys: [ReferralKey] = []
        var diagnostics = CountedDiagnostics()
        /// Rows left out for an error that may have been leads (their stage is `lead` or could not
        /// be read), by the source they name or are likely meant for, with their prospect: what
        /// follows from them missing (a later row of the referral "with no lead") is not reported
        /// again. One mistake, one error.
        var ghostLeads: [ReferralKey] = []

        mutating func add(_ diagnostic: Diagnostic) { diagnostics.add(diagnostic) }
    }

    /// Every row `reader` gives, the first starting on `firstLine`, checked and kept compactly.
    static func readRows(_ reader: CSVReader, firstLine: Int, context: Context) -> Piece {
        var piece = Piece()
        var line = firstLine
        var referralIDs: [ReferralKey: Int32] = [:]
        var suggestions: [String: String?] = [:]
        func error(_ message: String, line: Int, column: Int = 1) {
            piece.add(.error(message, at: SourceLocation(file: context.file, line: line, column: column)))
        }
        while let row = reader.next() {
            let rowLine = line
            line += 1 + newlines(in: row)
            if row.count == 1, row[0].isEmpty { continue }  // a blank line
            guard (3...context.columns.count).contains(row.count) else {
                // `4800,50` unquoted: a decimal comma split the value in two.
                if row.count == context.columns.count + 1, let decimal = Self.decimalComma(row[3].trimmingSpaces() + "," + row[4].trimmingSpaces()) {
                    error("'value' is written with a decimal comma, which ends the field in CSV; write a point: \(decimal) (no thousands separator)",
                          line: rowLine, column: 1 + row[..<3].reduce(0) { $0 + $1.count + 1 })
                    continue
                }
                var message = "this row has \(row.count) field\(row.count == 1 ? "" : "s"); a ledger row is \(context.columns.joined(separator: ","))"
                if row.count > context.columns.count { message += " (put a note that contains commas in double quotes)" }
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
                error("'date' must be a day written YYYY-MM-DD, not '\(dateText.quotable)'", line: rowLine, column: column(0))
            }

            let name = row[1].trimmingSpaces()
            let source = context.names[name] ?? context.names[name.lowercased()] ?? context.names[name.uppercased()]
            var meant = source  // the source named, or the one the error suggests
            if source == nil {
                var message = name.isEmpty
                    ? "'source' is empty: name the source by its slug or its code"
                    : "unknown source '\(name.quotable)': no content/sources/\(name).yml and no source has the code '\(name.quotable)'"
                if !name.isEmpty {
                    let suggestion = suggestions[name] ?? closest(to: name, among: context.known)
                    suggestions[name] = suggestion
                    if let suggestion {
                        message += "; did you mean '\(suggestion)'?"
                        meant = context.names[suggestion]
                    }
                }
                error(message, line: rowLine, column: column(1))
            }

            let stageText = row[2].trimmingSpaces()
            let stage = Stage(name: stageText)
            if stage == nil {
                var message = "unknown stage '\(stageText.quotable)': use one of \(Stage.allCases.map(\.name).joined(separator: ", "))"
                if let suggestion = closest(to: stageText.lowercased(), among: Stage.allCases.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(message, line: rowLine, column: column(2))
            }

            var cents: Int64?
            let valueText = row.count > 3 ? row[3].trimmingSpaces() : ""
            if !valueText.isEmpty {
                cents = Amount.hundredths(valueText)
                if cents == nil, let decimal = Self.decimalComma(valueText) {
                    error("'value' is written with a decimal comma; write a point: \(decimal) (no thousands separator)",
                          line: rowLine, column: column(3))
                } else if cents == nil {
                    error("'value' must be an amount such as 1200 or 1200.50 (digits, no currency sign or thousands separator), not '\(valueText.quotable)'",
                          line: rowLine, column: column(3))
                } else if stage == .view, let cents, cents >= 100, cents % 100 == 0 {
                    // A view row's value is how many views it counts (`refkit import`).
                } else if let stage, stage != .deal {
                    piece.add(.warning("'value' counts only on a deal; this \(stage.name)'s value is not reported",
                                                at: SourceLocation(file: context.file, line: rowLine, column: column(3))))
                }
            }

            let prospect = row.count > 5 ? row[5].trimmingSpaces() : ""
            guard let day, let source, let stage else {
                if stage == nil || stage == .lead, let meant { piece.ghostLeads.append(ReferralKey(source: meant, prospect: prospect.lowercased())) }
                continue
            }
            let days = Int32(day.daysSince1970)
            if days > context.todayDays {
                piece.add(.warning("this row is dated \(day), after today (\(context.today))",
                                            at: SourceLocation(file: context.file, line: rowLine, column: column(0))))
            }
            var referral: Int32 = -1
            if !prospect.isEmpty {
                let key = ReferralKey(source: source, prospect: prospect.lowercased())
                if let known = referralIDs[key] {
                    referral = known
                } else {
                    referral = Int32(piece.referrals.count)
                    referralIDs[key] = referral
                    piece.referrals.append(Referral(source: source, prospect: prospect))
                    piece.keys.append(key)
                }
                if piece.referrals[Int(referral)].note == nil, row.count > 4 {
                    let note = row[4].trimmingSpaces()
                    if !note.isEmpty { piece.referrals[Int(referral)].note = note }
                }
            }
            let printedLink = stage == .view && row.count > 4 && row[4].trimmingSpaces().lowercased() == "printed link"
            piece.entries.append(LedgerEntry(days: days, source: source, stage: stage, line: Int32(rowLine), cents: cents,
                                              referral: referral, printedLink: printedLink))
        }

        return piece
    }
}
