import Foundation
import RefkitBuild
import RefkitModel
import RefkitReport
import XCTest

/// The report's operating sections (issue 20) where the example kit's full data does not reach:
/// no process map, no prospects, another `ask_after_days`. The example's own figures are checked
/// against an independent computation in `ReportTests`.
final class OperatingTests: XCTestCase {
    func kit() throws -> String {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-operating-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: kit, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        try FileManager.default.copyItem(atPath: ReportTests.repository + "/content", toPath: kit + "/content")
        return kit
    }

    func report(_ kit: String, date: String = "2026-11-23") throws -> (page: String, calendar: String) {
        let outcome = Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 }))
            .report(ReportRequest(kitDirectory: kit, date: date))
        XCTAssertEqual(outcome.diagnostics.filter { !ReportTests.languageWarning($0.description) }, [])
        _ = try outcome.result.get()
        return (try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8),
                try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8))
    }

    func testTheExampleShowsWhoHoldsWhatAndWhomToAsk() throws {
        let page = try report(try kit()).page
        // Held up at the first step, owned by Dana Lee: Ben Carter's lead of 20 Nov waited 3 days (within 2).
        XCTAssertTrue(page.contains("<h3>Dana Lee</h3>"), page)
        XCTAssertTrue(page.contains("<li><strong><bdi>Ben Carter</bdi></strong> (<bdi>Harbor Street Law</bdi>) — Thank the source, call the prospect, since 20 Nov 2026: 3 days <span class=\"muted\">(within 2)</span></li>"), page)
        // Ivan Petrov signed through Kestrel on 6 Sep 2026: his results review is 90 days later.
        XCTAssertTrue(page.contains("<li><strong><bdi>Ivan Petrov</bdi></strong> — 5 Dec 2026 <span class=\"muted\">client since 6 Sep 2026, referred by <bdi>Kestrel Design Studio</bdi></span></li>"), page)
        // Harbor sent 14 and was given 2: the partner owed the most.
        XCTAssertTrue(page.contains("Partners you owe a referral (they sent more than they were given; record one you give as a <code>given</code> row): <strong><bdi>Harbor Street Law</bdi></strong> (12)"), page)
        XCTAssertTrue(page.contains("aria-label=\"The referral process, step by step\""))
    }

    /// Issue 33: the lines written to be sent to a source are in its language, marked with it
    /// where it is not the report's.
    func testTheLinesForASourceAreInItsLanguage() throws {
        let page = try report(try kit()).page
        XCTAssertTrue(page.contains("<li lang=\"es\"><strong><bdi>Brightside Coworking</bdi></strong>: Gracias por sus 5 recomendaciones."), page)
        XCTAssertTrue(page.contains("<li lang=\"de\"><strong><bdi>Kestrel Design Studio</bdi></strong>: Vielen Dank für Ihre 2 Empfehlungen."), page)
        XCTAssertTrue(page.contains("<li><strong><bdi>Harbor Street Law</bdi></strong>: Thank you for your 14 introductions"), page)
    }

    func testWithoutAProcessFileTheLedgersStagesStandIn() throws {
        let kit = try kit()
        try FileManager.default.removeItem(atPath: kit + "/content/process.yml")
        let page = try report(kit).page
        XCTAssertTrue(page.contains("Map your own steps, with who owns each and how long it may take, in <code>content/process.yml</code>."), page)
        XCTAssertTrue(page.contains("<tr><th>Lead</th><td>Lead (<code>lead</code>)</td><td>–</td>"), page)
        XCTAssertTrue(page.contains("Map your process in <code>content/process.yml</code>, with the days each step may take"), page)
        XCTAssertFalse(page.contains("<h3>Dana Lee</h3>"))
    }

    /// Issue 33: without a process.yml the steps are the stages, named in the report's language.
    func testWithoutAProcessFileTheStepsAreNamedInTheReportsLanguage() throws {
        let kit = try kit()
        try FileManager.default.removeItem(atPath: kit + "/content/process.yml")
        let site = kit + "/content/site.yml"
        try String(contentsOfFile: site, encoding: .utf8).replacingOccurrences(of: "\nlanguage: en", with: "\nlanguage: de")
            .write(toFile: site, atomically: true, encoding: .utf8)
        let page = try report(kit).page
        XCTAssertTrue(page.contains("<tr><th>Anfrage</th><td>Anfrage (<code>lead</code>)</td><td>–</td>"), page)
        XCTAssertTrue(page.contains(">2. Termin</text>"), page)
        XCTAssertFalse(page.contains(">Appointment<") || page.contains(". Deal<"), page)
    }

    func testAFiveColumnLedgerStillReportsAndSaysWhatIsMissing() throws {
        let kit = try kit()
        let ledger = kit + "/content/ledger.csv"
        let text = try String(contentsOfFile: ledger, encoding: .utf8)
        // Drop the sixth column (the example's prospects are never quoted) and the given rows.
        let five = text.split(separator: "\n").filter { !$0.contains(",given,") }.map { line -> String in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if line.hasPrefix("date,") || fields.count > 5 && !line.contains("\"") { fields.removeLast() }
            if line.contains("\"") && line.last != "\"" { return String(line[..<line.lastIndex(of: ",")!]) }
            return fields.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        XCTAssertFalse(five.contains("Omar Haddad\n"))
        try five.write(toFile: ledger, atomically: true, encoding: .utf8)
        let (page, calendar) = try report(kit)
        XCTAssertTrue(page.contains("the 0 referrals that arrived"), page)
        XCTAssertTrue(page.contains("36 leads in the period name no prospect and are not in the map: write the prospect in the ledger's sixth column."), page)
        XCTAssertTrue(page.contains("<p>No row of the ledger names a prospect, so no referral can be followed through the steps: write the prospect in the ledger's sixth column.</p>"), page)
        XCTAssertTrue(page.contains(">none to go on yet</text>"), page)
        XCTAssertTrue(page.contains("<p>No results review falls due in the next 30 days.</p>"), page)
        XCTAssertFalse(calendar.contains("UID:review-"))
        // The hints fall back on the counts.
        XCTAssertTrue(page.contains("<li><strong><bdi>Harbor Street Law</bdi></strong>: Thank you for your 14 introductions: 6 became clients. More like them, please.</li>"), page)
    }

    func testAskAfterDaysMovesEveryReview() throws {
        let kit = try kit()
        let site = kit + "/content/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try text.replacingOccurrences(of: "ask_after_days: 90", with: "ask_after_days: 78").write(toFile: site, atomically: true, encoding: .utf8)
        let (page, calendar) = try report(kit)
        // Ivan Petrov signed on 6 Sep 2026: reviewed 78 days later, today.
        XCTAssertTrue(calendar.contains("DTSTART;VALUE=DATE:20261123\r\nDTEND;VALUE=DATE:20261124\r\nSUMMARY:Results review with Ivan Petrov: ask for introductions\r\n"), calendar)
        XCTAssertTrue(page.contains("78 days after each deal"), page)
        XCTAssertTrue(page.contains("<li><strong><bdi>Ivan Petrov</bdi></strong> — 23 Nov 2026 "), page)
    }

    /// Issue 31: a results review past due stays on the page, marked overdue, until a row naming
    /// its prospect is written after the deal; the calendar holds every review to come, however
    /// far ahead.
    func testAReviewPastDueStaysUntilARowFollowsAndEveryOneIsInTheCalendar() throws {
        let kit = try kit()
        var (page, calendar) = try report(kit)
        // Hannah Weiss signed through Brightside on 15 Jul 2026: her review fell due on 13 Oct.
        XCTAssertTrue(page.contains("<li><strong><bdi>Hannah Weiss</bdi></strong> — <strong class=\"overdue\">overdue since 13 Oct 2026</strong> "), page)
        XCTAssertFalse(calendar.contains("Results review with Hannah Weiss"), "past due: on the page, not in the calendar")
        let ledger = kit + "/content/ledger.csv"
        let more = try String(contentsOfFile: ledger, encoding: .utf8)
            + "2026-11-20,brightside-coworking,thanked,,results review done,Hannah Weiss\n"
            + "2026-10-01,HARBOR,lead,,,Zed Later\n2026-11-01,HARBOR,deal,100,,Zed Later\n"
        try more.write(toFile: ledger, atomically: true, encoding: .utf8)
        (page, calendar) = try report(kit)
        XCTAssertFalse(page.contains("Hannah Weiss</strong> — "), "done: a row follows the deal")
        // Zed Later's review is on 30 Jan 2027, past the page's 30 days: in the calendar, and named as the next.
        XCTAssertTrue(calendar.contains("DTSTART;VALUE=DATE:20270130\r\nDTEND;VALUE=DATE:20270131\r\nSUMMARY:Results review with Zed Later"), calendar)
        XCTAssertFalse(page.contains("<li><strong><bdi>Zed Later</bdi></strong>"), page)

        // Years of reviews nobody closed: the latest 20 are listed, the rest counted.
        let old = (1...10).map { "2025-0\($0 % 9 + 1)-10,HARBOR,lead,,,Old \($0)\n2025-0\($0 % 9 + 1)-20,HARBOR,deal,100,,Old \($0)\n" }.joined()
        try (more + old).write(toFile: ledger, atomically: true, encoding: .utf8)
        page = try report(kit).page
        XCTAssertEqual(page.components(separatedBy: "<strong class=\"overdue\">").count - 1, 20, page)
        XCTAssertTrue(page.contains("<p class=\"muted\">Older reviews past due, not listed: 6.</p>"), page)
    }

    /// Issue 33: with `currency:` in site.yml every amount of the report carries it, written the
    /// site language's way (CLDR, through Foundation's format styles).
    func testAmountsCarryTheSitesCurrencyInItsLanguage() throws {
        let kit = try kit()
        let site = kit + "/content/site.yml"
        var text = try String(contentsOfFile: site, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nlanguage: en", with: "\nlanguage: pl") + "currency: PLN\n"
        try text.write(toFile: site, atomically: true, encoding: .utf8)
        let outcome = Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 })).report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        _ = try outcome.result.get()
        let page = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        let calendar = try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8)
        // Harbor's deals this year: 1,800 + 9,600 + 4,800 + 1,800 + 7,200 + … written in Polish, in złoty.
        XCTAssertTrue(page.contains("\u{A0}zł</td>") || page.contains(" zł</td>"), page)
        XCTAssertTrue(calendar.contains("zł"), calendar)
    }

    /// Issue 33: percentages follow the language's pattern (CLDR): "64 %" in German and French,
    /// with a no-break space; "64%" in English.
    func testPercentagesAreWrittenTheLanguagesWay() throws {
        for (language, space) in [("de", "\u{A0}"), ("fr", "\u{A0}"), ("en", "")] {
            let kit = try kit()
            let site = kit + "/content/site.yml"
            let text = try String(contentsOfFile: site, encoding: .utf8).replacingOccurrences(of: "\nlanguage: en", with: "\nlanguage: \(language)")
            try text.write(toFile: site, atomically: true, encoding: .utf8)
            _ = try Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 })).report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
            let whole = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
            // The text, not the style sheet's or the charts' lengths (`100%`).
            let page = String(whole[whole.range(of: "</style>")!.upperBound...]).replacingOccurrences(of: "=\"100%\"", with: "")
            let percentages = page.matches(of: /[0-9]+(\u{A0}?)%/).map { String($0.output.1) }
            XCTAssertFalse(percentages.isEmpty, language)
            XCTAssertEqual(Set(percentages), [space], "\(language): \(page.matches(of: /[0-9]+\u{A0}?%/).prefix(3).map { String($0.output) })")
        }
    }
}
