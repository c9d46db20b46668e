import CSV
import Foundation
import RefkitModel

extension LedgerValidator {
    enum Ending { case read, outOfOrder }

    /// One reading of the ledger: its pieces gathered into units (whole lines, cut outside
    /// quotes), a window of units parsed on every core, then merged in file order, each row
    /// checked and folded as it comes (or, keeping rows, sorted and folded at the end).
    struct Reading {
        var context: Context
        var ledger: Ledger
        var folds: [any LedgerFold]
        let keepRows: Bool
        private var kept: [LedgerEntry] = []
        private var ids: [ReferralKey: Int32] = [:]
        private var diagnostics = CountedDiagnostics()
        private var ghostLeads: [Int], ghostReferrals = Set<ReferralKey>()
        // The checks that follow the rows in date order.
        private var leads: [Int], deals: [Int]
        private var started: [Bool] = []
        private var prospects: [Int32: [String]] = [:]
        private var lastDays = Int32.min
        private let yearStart: Int32, todayDays: Int32
        private var quote: QuoteProblem?
        private var header: [String]?

        init(slugs: [String], context: Context, folds: [any LedgerFold], keepRows: Bool) {
            self.context = context
            self.folds = folds
            self.keepRows = keepRows
            ledger = .empty(slugs: slugs)
            ghostLeads = Array(repeating: 0, count: slugs.count)
            (leads, deals) = (ghostLeads, ghostLeads)
            todayDays = Int32(context.today.daysSince1970)
            yearStart = Int32(Day(year: context.today.year, month: 1, day: 1)!.daysSince1970)
        }

        /// A unit of text to parse: whole lines, the first starting on `firstLine`.
        private struct Unit {
            var bytes: [UInt8]
            var firstLine: Int
            /// The file's first unit: its first row is the header.
            var isFirst: Bool
        }

        mutating func run(_ input: LedgerInput) -> Ending {
            var scanner = QuoteScanner()
            var unit = Unit(bytes: [], firstLine: 1, isFirst: true), unitStart = 0
            var window: [Unit] = []
            let jobs = ProcessInfo.processInfo.activeProcessorCount
            var ending = Ending.read, stopped = false
            input.read { piece in
                let safe = scanner.scan(piece)
                if let problem = scanner.problem {
                    // Only the rows before the line the quote opened on are read.
                    unit.bytes += piece
                    unit.bytes.removeLast(unit.bytes.count - max(0, problem.lineOffset - unitStart))
                    window.append(unit)
                    stopped = true
                    return false
                }
                unit.bytes += piece
                guard safe else { return true }
                window.append(unit)
                unitStart = scanner.offset
                unit = Unit(bytes: [], firstLine: scanner.lines + 1, isFirst: false)
                guard window.count >= 2 * jobs else { return true }
                ending = parse(window)
                window = []
                return ending == .read && header != nil
            }
            guard ending == .read else { return ending }
            if !stopped {
                scanner.finish()
                if let problem = scanner.problem {
                    unit.bytes.removeLast(unit.bytes.count - max(0, problem.lineOffset - unitStart))
                }
                if !unit.bytes.isEmpty { window.append(unit) }
            }
            quote = scanner.problem
            if quote?.lineOffset == 0 { return .read }  // the quote is in the header: nothing to read
            if !window.isEmpty, header != nil || window.first?.isFirst == true { ending = parse(window) }
            return ending
        }

        /// Parses the units on every core, then merges them in file order.
        private mutating func parse(_ units: [Unit]) -> Ending {
            var units = units
            if units.first?.isFirst == true {
                // The header: the first row of the file.
                let text = String(decoding: units[0].bytes, as: UTF8.self)
                guard let reader = try? CSVReader(string: text, hasHeaderRow: false), let row = reader.next() else { return .read }
                let written = row.map { $0.trimmingSpaces().lowercased() }
                guard written == Ledger.columns || written == Ledger.columns + [Ledger.prospectColumn] else {
                    diagnostics.add(.error("the ledger's first line must be the header '\(Ledger.columns.joined(separator: ","))' (or with ',\(Ledger.prospectColumn)' at the end), not '\(row.joined(separator: ",").quotable)'",
                                              at: SourceLocation(file: context.file, line: 1)))
                    return .read
                }
                header = written
                context.columns = written
                units[0].firstLine = 2 + newlines(in: row)
            }
            guard header != nil else { return .read }
            let results = ParallelResults<Piece>(count: units.count)
            let context = context, parsed = units
            parallelForEach(parsed.count, jobs: parsed.count) { index in
                let unit = parsed[index]
                let reader = try? CSVReader(string: String(decoding: unit.bytes, as: UTF8.self), hasHeaderRow: false)
                if unit.isFirst { _ = reader?.next() }  // the header
                results.set(index, reader.map { readRows($0, firstLine: unit.firstLine, context: context) } ?? Piece())
            }
            for piece in results.all {
                if merge(piece) == .outOfOrder { return .outOfOrder }
            }
            return .read
        }

        /// One piece's rows, in file order: its referrals numbered where the file first names
        /// them, its diagnostics counted, each row checked and folded.
        private mutating func merge(_ piece: Piece) -> Ending {
            let global = piece.keys.indices.map { local -> Int32 in
                let key = piece.keys[local], referral = piece.referrals[local]
                if let id = ids[key] {
                    if ledger.referrals[Int(id)].note == nil { ledger.referrals[Int(id)].note = referral.note }
                    return id
                }
                ids[key] = Int32(ledger.referrals.count)
                ledger.referrals.append(referral)
                started.append(false)
                return Int32(ledger.referrals.count - 1)
            }
            for ghost in piece.ghostLeads {
                ghostLeads[Int(ghost.source)] += 1
                ghostReferrals.insert(ghost)
            }
            diagnostics.absorb(piece.diagnostics)
            for var entry in piece.entries {
                if entry.referral >= 0 { entry.referral = global[Int(entry.referral)] }
                ledger.rows += 1
                if keepRows {
                    kept.append(entry)
                    continue
                }
                guard entry.days >= lastDays else { return .outOfOrder }
                lastDays = entry.days
                fold(entry)
            }
            return .read
        }

        private mutating func add(_ diagnostic: Diagnostic) { diagnostics.add(diagnostic) }

        /// The checks that need the rows in date order, this year's tallies, and the folds.
        private mutating func fold(_ entry: LedgerEntry) {
            let source = Int(entry.source), file = context.file
            if entry.referral >= 0, entry.stage.isOnAReferralsPath, !started[Int(entry.referral)] {
                started[Int(entry.referral)] = true
                let prospect = ledger.referrals[Int(entry.referral)].prospect
                if entry.stage != .lead, !ghostReferrals.contains(ReferralKey(source: entry.source, prospect: prospect.lowercased())) {
                    var message = "'\(prospect.quotable)' has no lead from \(ledger.slugs[source]) before this \(entry.stage.name) row: rows with the same source and prospect are one referral, which starts with its lead"
                    let others = prospects[entry.source] ?? ledger.referrals.filter { $0.source == entry.source }.map(\.prospect)
                    prospects[entry.source] = others
                    if let suggestion = closest(to: prospect, among: others.filter { $0 != prospect }) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    add(.warning(message, at: SourceLocation(file: file, line: Int(entry.line), column: 1)))
                }
            }
            switch entry.stage {
            case .lead: leads[source] += 1
            case .deal:
                deals[source] += 1
                if deals[source] > leads[source] + ghostLeads[source] {
                    let had = leads[source] == 0 ? "no lead" : "only \(leads[source]) lead\(leads[source] == 1 ? "" : "s")"
                    add(.error("a deal with no lead: by \(entry.day), \(ledger.slugs[source]) has \(deals[source]) deal\(deals[source] == 1 ? "" : "s") and \(had); add the lead this deal came from",
                               at: SourceLocation(file: file, line: Int(entry.line))))
                }
            default: break
            }
            if entry.days >= yearStart, entry.days <= todayDays { ledger.thisYear[source].add(entry) }
            for fold in folds { fold.add(entry) }
        }

        /// The ledger and its diagnostics, sorted and capped; kept rows folded in date order first.
        mutating func finish() -> (ledger: Ledger, diagnostics: [Diagnostic]) {
            if keepRows {
                kept.sort { ($0.days, $0.line) < ($1.days, $1.line) }
                for entry in kept { fold(entry) }
                kept = []
            }
            // The rows after a misread quote are misread too: they are not checked, and the quote
            // is the one error about them.
            if let quote { diagnostics.add(.error(quote.message, at: SourceLocation(file: context.file, line: quote.opened))) }
            return (ledger, LedgerValidator.capped(diagnostics.kept.sorted(), seen: diagnostics.seen))
        }
    }
}
