import CSV
import Foundation
import RefkitModel

/// `validate` for `content/ledger.csv`: pure. Reads the CSV text row by row (CSV.swift, streaming:
/// no table of strings is built) into compact entries, and reports every bad row with its line:
/// a wrong header or column count, a bad date, an unknown source or stage, a bad amount, a deal
/// with no lead before it; and warns of a referral (a source's rows naming one prospect) whose
/// history does not start with a lead, the mark of a misspelt prospect.
public enum LedgerValidator {
    /// - Parameters:
    ///   - unreadable: slugs of source files too broken to be sources, so that rows naming them are
    ///     not reported as unknown as well.
    ///   - pieces: how many pieces to read at once (default: one per core from 1 MB of text, else one).
    public static func validate(_ text: String, file: String = Ledger.file, sources: [Source], unreadable: [String] = [],
                                today: Day, pieces: Int? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic]) {
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

        // The text in pieces, one per core, cut at line ends outside quotes (CSV.swift builds
        // each field scalar by scalar: reading is most of a report's time).
        let pieceCount = pieces ?? (text.utf8.count >= Self.pieceSize ? ProcessInfo.processInfo.activeProcessorCount : 1)
        let read: Read
        switch Self.read(text, pieces: pieceCount, file: file, names: names, known: slugs + sources.map(\.code), today: today) {
        case .empty: return (ledger, [])  // an empty file: nothing recorded yet
        case .badHeader(let header):
            error("the ledger's first line must be the header '\(Ledger.columns.joined(separator: ","))' (or with ',\(Ledger.prospectColumn)' at the end), not '\(header.joined(separator: ",").quotable)'", line: 1)
            return (ledger, diagnostics)
        case .read(let result): read = result
        }
        // The rows after a misread quote are misread too: they are not checked, and the quote is
        // the one error about them.
        if let problem = read.quote { error(problem.message, line: problem.opened) }
        var pieces = read.pieces

        // The pieces in file order, each referral numbered where the file first names it.
        if pieces.count == 1 {
            (ledger.entries, ledger.referrals) = (pieces[0].entries, pieces[0].referrals)
        } else {
            ledger.entries.reserveCapacity(pieces.reduce(0) { $0 + $1.entries.count })
            var ids: [ReferralKey: Int32] = [:]
            for index in pieces.indices {
                let piece = pieces[index]
                pieces[index].entries = []  // freed as it is copied: a million rows are 32 MB
                let global = piece.keys.indices.map { local -> Int32 in
                    let key = piece.keys[local], referral = piece.referrals[local]
                    if let id = ids[key] {
                        if ledger.referrals[Int(id)].note == nil { ledger.referrals[Int(id)].note = referral.note }
                        return id
                    }
                    ids[key] = Int32(ledger.referrals.count)
                    ledger.referrals.append(referral)
                    return Int32(ledger.referrals.count - 1)
                }
                for var entry in piece.entries {
                    if entry.referral >= 0 { entry.referral = global[Int(entry.referral)] }
                    ledger.entries.append(entry)
                }
            }
        }
        var counted: [String: Int] = [:]  // per kind, what the pieces saw beyond what they kept
        var ghostLeads = [Int](repeating: 0, count: slugs.count), ghostReferrals = Set<ReferralKey>()
        for piece in pieces {
            for ghost in piece.ghostLeads {
                ghostLeads[Int(ghost.source)] += 1
                ghostReferrals.insert(ghost)
            }
            diagnostics += piece.diagnostics
            for (kind, count) in piece.seen { counted[kind, default: 0] += count }
        }

        // Rows in date order (already so in a ledger kept by appending: the sort is then cheap).
        ledger.entries.sort { ($0.days, $0.line) < ($1.days, $1.line) }
        var leads = [Int](repeating: 0, count: slugs.count)
        var deals = [Int](repeating: 0, count: slugs.count)
        var started = [Bool](repeating: false, count: ledger.referrals.count)
        var prospects: [Int32: [String]] = [:]  // per source, for suggestions (made when first needed)
        for entry in ledger.entries {
            let source = Int(entry.source)
            if entry.referral >= 0, entry.stage.isOnAReferralsPath, !started[Int(entry.referral)] {
                started[Int(entry.referral)] = true
                let prospect = ledger.referrals[Int(entry.referral)].prospect
                if entry.stage != .lead, !ghostReferrals.contains(ReferralKey(source: entry.source, prospect: prospect.lowercased())) {
                    var message = "'\(prospect.quotable)' has no lead from \(slugs[source]) before this \(entry.stage.name) row: rows with the same source and prospect are one referral, which starts with its lead"
                    let others = prospects[entry.source] ?? ledger.referrals.filter { $0.source == entry.source }.map(\.prospect)
                    prospects[entry.source] = others
                    if let suggestion = closest(to: prospect, among: others.filter { $0 != prospect }) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    diagnostics.append(.warning(message, at: SourceLocation(file: file, line: Int(entry.line), column: 1)))
                }
            }
            switch entry.stage {
            case .lead: leads[source] += 1
            case .deal:
                deals[source] += 1
                if deals[source] > leads[source] + ghostLeads[source] {
                    let had = leads[source] == 0 ? "no lead" : "only \(leads[source]) lead\(leads[source] == 1 ? "" : "s")"
                    error("a deal with no lead: by \(entry.day), \(slugs[source]) has \(deals[source]) deal\(deals[source] == 1 ? "" : "s") and \(had); add the lead this deal came from",
                          line: Int(entry.line))
                }
            default: break
            }
        }
        diagnostics.sort()
        return (ledger, Self.capped(diagnostics, seen: counted))
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

    /// The pieces read, or why there are none.
    enum Outcome {
        case empty
        case badHeader([String])
        case read(Read)
    }

    struct Read {
        var pieces: [Piece]
        /// A quoted field that does not end as CSV says: only the rows before its line were read.
        var quote: QuoteProblem?
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

    /// Reads the header, then every piece on its own core. The pieces' texts (a copy of the
    /// ledger's) are freed when this returns.
    private static func read(_ text: String, pieces: Int, file: String, names: [String: Int32], known: [String],
                             today: Day) -> Outcome {
        let layout = Layout(of: text, pieces: pieces)
        if let problem = layout.quoteProblem {
            let before = String(decoding: text.utf8.prefix(problem.lineOffset), as: UTF8.self)
            guard case .read(var read) = Self.read(before, pieces: 1, file: file, names: names, known: known, today: today) else {
                return .read(Read(pieces: [], quote: problem))  // the quote is in the header
            }
            read.quote = problem
            return .read(read)
        }
        guard let reader = try? CSVReader(string: layout.texts[0], hasHeaderRow: false), let header = reader.next() else {
            return .empty
        }
        let written = header.map { $0.trimmingSpaces().lowercased() }
        guard written == Ledger.columns || written == Ledger.columns + [Ledger.prospectColumn] else { return .badHeader(header) }
        let context = Context(file: file, columns: written, names: names, known: known, today: today)
        let firstLines = [2 + newlines(in: header)] + layout.firstLines.dropFirst()
        let results = ParallelResults<Piece>(count: layout.texts.count)
        parallelForEach(layout.texts.count, jobs: layout.texts.count) { index in
            let reader = try? CSVReader(string: layout.texts[index], hasHeaderRow: false)
            if index == 0 { _ = reader?.next() }  // the header
            results.set(index, reader.map { readRows($0, firstLine: firstLines[index], context: context) } ?? Piece())
        }
        return .read(Read(pieces: results.all, quote: nil))
    }

    /// Below this many bytes the ledger is read in one piece.
    static let pieceSize = 1 << 20

    /// Where the text is cut into pieces, and the line each starts on.
    struct Layout {
        var texts: [String]
        var firstLines: [Int]
        /// The first quoted field that does not end as CSV says; then the text is not cut.
        var quoteProblem: QuoteProblem?

        /// One pass over the bytes as CSV reads them: a quote opens a field only at the field's
        /// start, `""` inside one is a quote, and after the closing quote comes a comma or a line end.
        init(of text: String, pieces: Int) {
            var text = text
            var cuts: [(offset: Int, lines: Int)] = [(0, 0)]
            var problem: QuoteProblem?
            text.withUTF8 { bytes in
                var lines = 0, previous: UInt8 = 0
                var target = pieces > 1 ? bytes.count / pieces : Int.max
                var quoted = false, fieldStart = true, justClosed = false, opened = 0, openedAt = 0, lineStart = 0
                var offset = 0
                while offset < bytes.count, problem == nil {
                    let byte = bytes[offset]
                    defer { previous = byte; offset += 1 }
                    let lineEnd = byte == 0x0A || byte == 0x0D
                    if lineEnd, !(byte == 0x0A && previous == 0x0D) { lines += 1 }
                    if quoted {
                        if byte == UInt8(ascii: "\"") {
                            if offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\"") { offset += 1; continue }
                            (quoted, justClosed) = (false, true)
                        }
                        continue
                    }
                    if justClosed {
                        justClosed = false
                        guard byte == UInt8(ascii: ",") || lineEnd else {
                            problem = QuoteProblem(opened: opened, lineOffset: openedAt, closed: lines + 1)
                            break
                        }
                    }
                    if byte == UInt8(ascii: "\""), fieldStart {
                        (quoted, opened, openedAt, fieldStart) = (true, lines + 1, lineStart, false)
                        continue
                    }
                    fieldStart = byte == UInt8(ascii: ",") || lineEnd
                    if lineEnd { lineStart = offset + 1 }
                    // A line end outside quotes past the target: the next piece starts after it.
                    if byte == 0x0A, offset >= target, offset + 1 < bytes.count {
                        cuts.append((offset + 1, lines))
                        target = cuts.count < pieces ? bytes.count * cuts.count / pieces : Int.max
                    }
                }
                if problem == nil, quoted { problem = QuoteProblem(opened: opened, lineOffset: openedAt, closed: nil) }
            }
            quoteProblem = problem
            guard problem == nil, cuts.count > 1 else {
                (texts, firstLines) = ([text], [1])
                return
            }
            let utf8 = text.utf8
            let indices = cuts.map { utf8.index(utf8.startIndex, offsetBy: $0.offset) } + [utf8.endIndex]
            texts = (0..<cuts.count).map { String(text[indices[$0]..<indices[$0 + 1]]) }
            firstLines = cuts.map { 1 + $0.lines }
        }
    }
}
