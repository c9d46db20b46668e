import RefkitLedger
import RefkitModel
import XCTest

/// The ledger reader on its own: what it keeps of each row, and where (the error messages
/// themselves are fixtures: Tests/RefkitBuildTests/Fixtures/cases/ledger-*).
final class LedgerValidatorTests: XCTestCase {
    let sources = [
        Source(slug: "bolt", name: "Bolt", segment: .partner, code: "BOLT-1"),
        Source(slug: "cara", name: "Cara", segment: .customer, code: "CARA"),
    ]
    let today = Day("2026-11-23")!

    func testRowsKeepDateSourceStageAmountAndLine() {
        // CRLF line ends, a quoted note over two lines with doubled quotes, a blank line, a code
        // in lower case, spaces around a field, a row without its note column.
        let text = "date,source,stage,value,note\r\n"
            + "2026-01-02,cara,lead,,\"a note\r\nover two lines, with \"\"quotes\"\"\"\r\n"
            + "\r\n"
            + "2026-01-03, bolt-1 ,view,,\r\n"
            + "2026-01-01,BOLT-1,lead,\r\n"
            + "2026-01-05,cara,deal,1200.5,signed\r\n"
        let (ledger, diagnostics) = LedgerValidator.validate(text, sources: sources, today: today)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(ledger.slugs, ["bolt", "cara"])
        let rows = ledger.entries.map { ($0.day.description, ledger.slugs[Int($0.source)], $0.stage.name, $0.cents, $0.line) }
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
        let (ledger, diagnostics) = LedgerValidator.validate(text, sources: sources, today: today)
        XCTAssertEqual(diagnostics, [])
        let all = ledger.tallies()
        XCTAssertEqual(all[1][.lead], 2)
        XCTAssertEqual(all[1][.deal], 2)
        XCTAssertEqual(all[1].dealCents, 10_025)
        XCTAssertEqual(all[0][.view], 1)
        XCTAssertEqual(all[0][.thanked], 1)
        let year = ledger.tallies(from: Day("2026-01-01")!, to: Day("2026-01-03")!)
        XCTAssertEqual(year[1][.lead], 1)
        XCTAssertEqual(year[1][.deal], 1)
        XCTAssertEqual(year[1].dealCents, 10_000)
    }

    func testAnEmptyLedgerHasNoRows() {
        for text in ["", "date,source,stage,value,note\n"] {
            let (ledger, diagnostics) = LedgerValidator.validate(text, sources: sources, today: today)
            XCTAssertEqual(ledger.entries.count, 0)
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
