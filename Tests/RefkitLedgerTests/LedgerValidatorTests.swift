import RefkitLedger
import RefkitModel
import XCTest

/// The ledger read with a fold that keeps its rows, as they come (in date order).
func readLedger(_ text: String, sources: [Source], today: Day, pieces: Int? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic], entries: [LedgerEntry]) {
    var kept = KeptRows()
    let (ledger, diagnostics) = LedgerValidator.validate(text, sources: sources, today: today, pieces: pieces) { _ in
        kept = KeptRows()
        return [kept]
    }
    return (ledger, diagnostics, kept.entries)
}

/// The ledger reader on its own: what it keeps of each row, and where (the error messages
/// themselves are fixtures: Tests/RefkitBuildTests/Fixtures/cases/ledger-*).
final class LedgerValidatorTests: XCTestCase {
    let sources = [
        Source(slug: "bolt", name: "Bolt", segment: .partner, code: "BOLT-1"),
        Source(slug: "cara", name: "Cara", segment: .customer, code: "CARA"),
    ]
    let today = Day("2026-11-23")!

    private func read(_ text: String, today: Day? = nil, pieces: Int? = nil) -> (ledger: Ledger, diagnostics: [Diagnostic], entries: [LedgerEntry]) {
        readLedger(text, sources: sources, today: today ?? self.today, pieces: pieces)
    }

    func testRowsKeepDateSourceStageAmountAndLine() {
        // CRLF line ends, a quoted note over two lines with doubled quotes, a blank line, a code
        // in lower case, spaces around a field, a row without its note column.
        let text = "date,source,stage,value,note\r\n"
            + "2026-01-02,cara,lead,,\"a note\r\nover two lines, with \"\"quotes\"\"\"\r\n"
            + "\r\n"
            + "2026-01-03, bolt-1 ,view,,\r\n"
            + "2026-01-01,BOLT-1,lead,\r\n"
            + "2026-01-05,cara,deal,1200.5,signed\r\n"
        let (ledger, diagnostics, entries) = read(text)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(ledger.slugs, ["bolt", "cara"])
        let rows = entries.map { ($0.day.description, ledger.slugs[Int($0.source)], $0.stage.name, $0.cents, $0.line) }
        // In date order; lines counted through the quoted line break and the blank line.
        XCTAssertEqual(rows.map(\.0), ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-05"])
        XCTAssertEqual(rows.map(\.1), ["bolt", "cara", "bolt", "cara"])
        XCTAssertEqual(rows.map(\.2), ["lead", "lead", "view", "deal"])
        XCTAssertEqual(rows.map(\.3), [nil, nil, nil, 120_050])
        XCTAssertEqual(rows.map(\.4), [6, 2, 5, 7])
    }

    func testTalliesCountByStageAndSumDeals() {
        let text = """
            date,source,stage,value,note
            2025-12-30,cara,lead,,
            2026-01-02,cara,lead,,
            2026-01-03,cara,deal,100,
            2026-01-04,cara,deal,0.25,
            2026-02-01,bolt,view,,
            2026-02-02,bolt,thanked,,

            """
        // This year's, up to today: what a kit home with show_stats says.
        let (ledger, diagnostics, _) = read(text, today: Day("2026-01-03")!)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        let year = ledger.thisYear
        XCTAssertEqual(year[1][.lead], 1)
        XCTAssertEqual(year[1][.deal], 1)
        XCTAssertEqual(year[1].dealCents, 10_000)
        XCTAssertEqual(year[0][.view], 0, "after today")
        let all = read(text).ledger.thisYear
        XCTAssertEqual(all[1][.lead], 1)
        XCTAssertEqual(all[1][.deal], 2)
        XCTAssertEqual(all[1].dealCents, 10_025)
        XCTAssertEqual(all[0][.view], 1)
        XCTAssertEqual(all[0][.thanked], 1)
    }

    /// The sixth column links a referral's rows: the same source and prospect, case and outer
    /// spaces aside; the first spelling and the first note are kept. `given` is neither a lead nor
    /// a referral's step, and the five-column ledger still reads.
    func testProspectsLinkAReferralsRows() {
        let text = """
            date,source,stage,value,note,prospect
            2026-01-02,cara,lead,,"Omar, bakery",Omar Haddad
            2026-01-03,bolt,lead,,,Omar Haddad
            2026-01-04,cara,appointment,,, omar HADDAD
            2026-01-05,bolt,given,,we sent them one,Lena Vogel
            2026-01-06,cara,view,,
            2026-01-07,cara,deal,900,signed,Omar Haddad

            """
        let (ledger, diagnostics, entries) = read(text)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(ledger.referrals, [
            Referral(source: 1, prospect: "Omar Haddad", note: "Omar, bakery"),
            Referral(source: 0, prospect: "Omar Haddad"),
            Referral(source: 0, prospect: "Lena Vogel", note: "we sent them one"),
        ])
        XCTAssertEqual(entries.map(\.referral), [0, 1, 0, 2, -1, 0])
        XCTAssertEqual(entries.map(\.stage), [.lead, .lead, .appointment, .given, .view, .deal])
        XCTAssertEqual(ledger.thisYear[0][.lead], 1, "a referral given is not a lead")
        XCTAssertEqual(ledger.thisYear[0][.given], 1)
        XCTAssertEqual(MemoryLayout<LedgerEntry>.stride, 32, "a million rows stay ~32 MB")

        let five = read("date,source,stage,value,note\n2026-01-02,cara,lead,,\n")
        XCTAssertEqual(five.diagnostics, [])
        XCTAssertEqual(five.entries.map(\.referral), [-1])
        // Six fields under a five-column header are still one too many.
        let six = LedgerValidator.validate("date,source,stage,value,note\n2026-01-02,cara,lead,,,Omar\n", sources: sources, today: today)
        XCTAssertEqual(six.diagnostics.map(\.message), ["this row has 6 fields; a ledger row is date,source,stage,value,note (put a note that contains commas in double quotes)"])
    }

    /// Ten megabytes of bad rows took 1.2 GB and printed a line each (issue 29): the first 20 of
    /// a kind are shown, then one line counts the rest; a quoted value is cut at 200 characters.
    func testRepeatedDiagnosticsAreCountedAndQuotesAreShort() {
        var text = "date,source,stage,value,note\n"
        for _ in 0..<5_000 { text += ",,,,,\n" }
        text += "2026-01-02,cara,leed,,\n2026-01-03,cara,lead,\(String(repeating: "9", count: 5_000))x,\n"
        for pieces in [1, 3] {
            let diagnostics = LedgerValidator.validate(text, sources: sources, today: today, pieces: pieces).diagnostics
            let fields = diagnostics.filter { $0.message.contains("this row has 6 fields") }
            XCTAssertEqual(fields.count, 21, "\(pieces) pieces")
            XCTAssertEqual(fields.last?.location.line, 22)
            XCTAssertTrue(fields.last?.message.hasPrefix("and 4980 more rows like the 20 above, from this line on: this row has 6 fields") == true,
                          fields.last?.message ?? "")
            XCTAssertTrue(diagnostics.contains { $0.message.hasPrefix("unknown stage 'leed'") }, "another kind is still shown")
            let value = diagnostics.first { $0.message.hasPrefix("'value' must be an amount") }
            XCTAssertLessThan(value?.message.count ?? .max, 400, value?.message ?? "")
            XCTAssertTrue(value?.message.contains(String(repeating: "9", count: 200) + "…'") == true)
        }
    }

    func testAnEmptyLedgerHasNoRows() {
        for text in ["", "date,source,stage,value,note\n"] {
            let (ledger, diagnostics, entries) = read(text)
            XCTAssertEqual(entries.count, 0)
            XCTAssertEqual(diagnostics, [])
        }
    }

    func testCadences() {
        XCTAssertEqual(Cadence("monthly")?.rrule, "FREQ=MONTHLY")
        XCTAssertEqual(Cadence("quarterly")?.rrule, "FREQ=MONTHLY;INTERVAL=3")
        XCTAssertEqual(Cadence("yearly")?.rrule, "FREQ=YEARLY")
        XCTAssertEqual(Cadence("every 6 weeks")?.rrule, "FREQ=WEEKLY;INTERVAL=6")
        XCTAssertNil(Cadence("every 0 weeks"))
        XCTAssertNil(Cadence("fortnightly"))
        let start = Day("2026-01-28")!
        XCTAssertEqual(Cadence.months(1).next(onOrAfter: Day("2026-11-23")!, start: start), Day("2026-11-28"))
        XCTAssertEqual(Cadence.months(1).next(onOrAfter: Day("2026-11-29")!, start: start), Day("2026-12-28"))
        XCTAssertEqual(Cadence.months(3).next(onOrAfter: Day("2026-11-23")!, start: start), Day("2027-01-28"))
        XCTAssertEqual(Cadence.weeks(6).next(onOrAfter: Day("2026-03-11")!, start: start), Day("2026-03-11"))
        XCTAssertEqual(Cadence.weeks(6).next(onOrAfter: Day("2026-03-12")!, start: start), Day("2026-04-22"))
        XCTAssertEqual(Cadence.years.next(onOrAfter: Day("2026-11-23")!, start: start), Day("2027-01-28"))
        XCTAssertEqual(Cadence.years.next(onOrAfter: Day("2025-11-23")!, start: start), start)
    }
}

/// A large ledger is read in pieces, one per core, cut at line ends outside quotes: the result is
/// the same as reading it in one piece, lines, referrals, notes and diagnostics included.
final class LedgerPiecesTests: XCTestCase {
    func testPiecesReadAsOne() {
        let sources = [Source(slug: "bolt", name: "Bolt", segment: .partner, code: "BOLT-1"),
                       Source(slug: "cara", name: "Cara", segment: .customer, code: "CARA")]
        var text = "date,source,stage,value,note,prospect\r\n"
        for n in 0..<400 {
            let source = n % 3 == 0 ? "bolt" : "CARA"
            text += "2026-01-\(10 + n % 18),\(source),lead,,\"a note, over\ntwo lines\",P\(n % 50)\r\n"
            text += "2026-02-\(10 + n % 18),\(source),\(n % 7 == 0 ? "deal" : "appointment"),\(n % 7 == 0 ? "100" : ""),,p\(n % 50) \r\n"
            if n % 97 == 0 { text += "2026-02-30,nobody,leed,1\n\n" }
        }
        let today = Day("2026-11-23")!
        let one = readLedger(text, sources: sources, today: today, pieces: 1)
        for pieces in [2, 3, 7] {
            let many = readLedger(text, sources: sources, today: today, pieces: pieces)
            XCTAssertEqual(many.diagnostics, one.diagnostics, "\(pieces) pieces")
            XCTAssertEqual(many.entries, one.entries, "\(pieces) pieces")
            XCTAssertEqual(many.ledger.referrals, one.ledger.referrals, "\(pieces) pieces")
        }
        XCTAssertEqual(one.ledger.referrals.count, 100)
        XCTAssertEqual(one.diagnostics.count, 15, "\(one.diagnostics)")
        // An unclosed quote is an error at its line whatever the file's quotes add up to (here a
        // later row's quoted note closes it), and the rows after it are not read (issue 29).
        let unclosed = readLedger(text + "2026-03-01,cara,lead,,\"never closed\n" + text, sources: sources, today: today, pieces: 2)
        let line = text.utf8.filter { $0 == 0x0A }.count + 1
        XCTAssertEqual(unclosed.diagnostics.filter { $0.severity == .error }.last?.location.line, line)
        XCTAssertTrue(unclosed.diagnostics.last?.message.hasPrefix("a double quote opened on this line is closed on line") == true,
                      "\(unclosed.diagnostics.last?.message ?? "")")
        XCTAssertEqual(unclosed.entries.count, one.entries.count, "the rows before it were read")
    }

    /// Issue 29: a ledger kept by appending (rows in date order) is read once, its rows folded as
    /// they come and not kept, in any number of pieces; one with a row out of order is read again,
    /// keeping its rows to sort them, and gives the same as if it had been in order.
    func testALedgerInDateOrderIsReadOnceAndOneOutOfOrderTwiceToTheSameEnd() {
        let sources = [Source(slug: "bolt", name: "Bolt", segment: .partner, code: "BOLT-1"),
                       Source(slug: "cara", name: "Cara", segment: .customer, code: "CARA")]
        var rows: [String] = []
        for n in 0..<600 {
            let day = "2026-\(n < 300 ? "03" : "04")-\(10 + n % 300 / 20)"
            rows.append("\(day),\(n % 3 == 0 ? "bolt" : "CARA"),\(n % 4 == 3 ? "deal" : "lead"),\(n % 4 == 3 ? "100" : ""),\"a, note\",P\(n / 4)")
        }
        let header = "date,source,stage,value,note,prospect\n"
        let inOrder = header + rows.joined(separator: "\n") + "\n"
        var readings = 0
        func read(_ text: String, pieces: Int) -> (Ledger, [Diagnostic], [LedgerEntry]) {
            var kept = KeptRows()
            let (ledger, diagnostics) = LedgerValidator.validate(text, sources: sources, today: Day("2026-11-23")!, pieces: pieces) { _ in
                readings += 1
                kept = KeptRows()
                return [kept]
            }
            return (ledger, diagnostics, kept.entries)
        }
        let one = read(inOrder, pieces: 1)
        XCTAssertEqual(readings, 1, "read once")
        XCTAssertEqual(one.2.count, 600)
        XCTAssertEqual(one.0.rows, 600)
        XCTAssertEqual(one.0.referrals.count, 300, "a prospect with each of two sources")
        for pieces in [2, 5, 13] {
            readings = 0
            let many = read(inOrder, pieces: pieces)
            XCTAssertEqual(readings, 1, "\(pieces) pieces: read once")
            XCTAssertEqual(many.1, one.1)
            XCTAssertEqual(many.2, one.2)
            XCTAssertEqual(many.0.referrals, one.0.referrals)
            XCTAssertEqual(many.0.thisYear, one.0.thisYear)
        }
        // The same rows with one moved back: read twice, the same rows in the same (date) order.
        var moved = rows
        moved.insert(moved.remove(at: 10), at: 400)
        readings = 0
        let outOfOrder = read(header + moved.joined(separator: "\n") + "\n", pieces: 3)
        XCTAssertEqual(readings, 2, "read again, keeping its rows")
        XCTAssertEqual(outOfOrder.2.map(\.days), one.2.map(\.days), "in date order")
        XCTAssertEqual(outOfOrder.2.map { "\($0.days) \($0.stage) \($0.source) \($0.referral)" }.sorted(),
                       one.2.map { "\($0.days) \($0.stage) \($0.source) \($0.referral)" }.sorted())
        XCTAssertEqual(outOfOrder.0.thisYear, one.0.thisYear)
    }
}
