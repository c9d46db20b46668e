import CSV
import Foundation
import RefkitModel

/// What is computed from the ledger's rows as they are read: a report's figures, a build's counts.
/// Each row comes once, in date order (rows of one day in file order), its referral numbered as in
/// the ledger's `referrals`; none is kept unless a fold keeps it.
public protocol LedgerFold: AnyObject {
    func add(_ entry: LedgerEntry)
}

/// A fold that keeps every row (tests, and what needs them all).
public final class KeptRows: LedgerFold {
    public private(set) var entries: [LedgerEntry] = []
    public init() {}
    public func add(_ entry: LedgerEntry) { entries.append(entry) }
}

/// `validate` for `content/ledger.csv`: pure. Reads the CSV text a piece at a time (whole lines,
/// `LedgerInput`), each window of pieces on every core (CSV.swift, streaming: no table of strings
/// is built), and hands each row, compactly, to the folds asked for, keeping none: a ledger's size
/// costs time, not memory (what grows is one entry per referral, for its prospect's name). Reports
/// every bad row with its line: a wrong header or column count, a bad date, an unknown source or
/// stage, a bad amount, a deal with no lead before it; and warns of a referral (a source's rows
/// naming one prospect) whose history does not start with a lead, the mark of a misspelt prospect.
/// Rows are folded in date order: a ledger kept by appending is read once; one whose rows are out
/// of date order is read a second time, keeping its rows (32 bytes each) to sort them.
public enum LedgerValidator {
    /// - Parameters:
    ///   - unreadable: slugs of source files too broken to be sources, so that rows naming them are
    ///     not reported as unknown as well.
    ///   - pieces: how many pieces to cut the text into (tests; default: pieces of `LedgerInput.pieceSize`).
    public static func validate(_ text: String, file: String = Ledger.file, sources: [Source], unreadable: [String] = [],
                                today: Day, pieces: Int? = nil,
                                folds: ([String]) -> [any LedgerFold] = { _ in [] }) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let size = pieces.map { max(1, text.utf8.count / $0) } ?? LedgerInput.pieceSize
        return validate(LedgerInput.text(text, pieceSize: size), file: file, sources: sources, unreadable: unreadable, today: today, folds: folds)
    }

    /// - Parameter folds: made for each reading (from the ledger's `slugs`, which rows' `source`
    ///   indexes): what is computed from the rows besides the checks and this year's tallies.
    public static func validate(_ input: LedgerInput, file: String = Ledger.file, sources: [Source], unreadable: [String] = [],
                                today: Day, folds: ([String]) -> [any LedgerFold] = { _ in [] }) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
        let slugs = Array(Set(sources.map(\.slug) + unreadable)).sorted()
        // Source names: the slug, or the code; exact first, then ignoring case.
        var names: [String: Int32] = [:]
        for (index, slug) in slugs.enumerated() { names[slug] = Int32(index) }
        for source in sources { names[source.code.uppercased()] = names[source.slug] }
        let context = Context(file: file, columns: [], names: names, known: slugs + sources.map(\.code), today: today)
        var reading = Reading(slugs: slugs, context: context, folds: folds(slugs), keepRows: false)
        if reading.run(input) == .outOfOrder {
            reading = Reading(slugs: slugs, context: context, folds: folds(slugs), keepRows: true)
            _ = reading.run(input)
        }
        return reading.finish()
    }

    /// A diagnostic's kind: its severity and message less the values it quotes and its numbers.
    static func kind(of diagnostic: Diagnostic) -> String {
        var key = "", quoted = false
        for character in diagnostic.message {
            if character == "'" { quoted.toggle(); continue }
            if !quoted, !character.isNumber { key.append(character) }
        }
        return "\(diagnostic.severity) " + key
    }

    /// Diagnostics as the rows give them: per kind, the first `shownPerKind` + 1 kept and every one
    /// counted (a ledger of bad rows costs a count, not a value per row); `capped` then says how
    /// many more there were.
    struct CountedDiagnostics: Sendable {
        private(set) var kept: [Diagnostic] = []
        private(set) var seen: [String: Int] = [:]

        mutating func add(_ diagnostic: Diagnostic) {
            let kind = LedgerValidator.kind(of: diagnostic)
            let count = seen[kind, default: 0] + 1
            seen[kind] = count
            if count <= LedgerValidator.shownPerKind + 1 { kept.append(diagnostic) }
        }

        /// Another reading's (a later piece of the file): its kept ones as if added here, then
        /// the rest of its count.
        mutating func absorb(_ other: CountedDiagnostics) {
            var keptOfKind: [String: Int] = [:]
            for diagnostic in other.kept {
                keptOfKind[LedgerValidator.kind(of: diagnostic), default: 0] += 1
                add(diagnostic)
            }
            for (kind, count) in other.seen { seen[kind, default: 0] += count - keptOfKind[kind, default: 0] }
        }
    }

    /// How many diagnostics of one kind are shown; the rest are counted in one line.
    static let shownPerKind = 20

    /// The first `shownPerKind` diagnostics of each kind (the same message but for the values it
    /// quotes and the numbers in it), then one saying how many more there are: ten megabytes of
    /// bad rows are a screenful, not a million lines (issue 29).
    /// - Parameter seen: per kind, how many the rows gave (some counted, not kept, while reading).
    static func capped(_ diagnostics: [Diagnostic], seen counted: [String: Int] = [:]) -> [Diagnostic] {
        guard diagnostics.count > shownPerKind else { return diagnostics }
        var seen: [String: Int] = [:], firstHidden: [String: Diagnostic] = [:], order: [String] = []
        var shown: [Diagnostic] = []
        for diagnostic in diagnostics {
            let key = kind(of: diagnostic)
            let count = seen[key, default: 0] + 1
            seen[key] = count
            if count <= shownPerKind {
                shown.append(diagnostic)
            } else if count == shownPerKind + 1 {
                firstHidden[key] = diagnostic
                order.append(key)
            }
        }
        for key in order {
            let hidden = max(seen[key]!, counted[key] ?? 0) - shownPerKind, first = firstHidden[key]!
            var summary = first
            summary.message = "and \(hidden) more row\(hidden == 1 ? "" : "s") like the \(shownPerKind) above, from this line on: " + first.message
            shown.append(summary)
        }
        return shown.sorted()
    }

    /// A quoted field that does not end as CSV says (RFC 4180): never closed, or closed and followed
    /// by more text. Either way the rows after it are read wrongly (a deal inside a note), so it is
    /// an error at the line the quote opened, whatever the file's other quotes add up to.
    struct QuoteProblem: Equatable {
        var opened: Int
        /// Where the line `opened` starts in the text, in bytes.
        var lineOffset: Int
        var closed: Int?
        var message: String {
            guard let closed else {
                return "a double quote opened on this line is never closed, so every line after it was read as part of this row"
            }
            return closed == opened
                ? "text follows the closing double quote of a field on this line: a quoted field ends with its quote (write a quote inside one as \"\")"
                : "a double quote opened on this line is closed on line \(closed) and text follows it there: a quote was probably never closed, so the lines between were read as part of this row"
        }
    }
}
