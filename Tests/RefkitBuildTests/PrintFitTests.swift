import Foundation
import RefkitBuild
import RefkitModel
import RefkitPrint
import RefkitTestTools
import XCTest

/// Issue 32: a printed handout or offer lays out what it holds, measured in the Chromium that
/// prints it: nothing cut, nothing over the footer, nothing outside the sheet (read back from the
/// PDF's own word boxes by Fixtures/tools/print_audit.py); what cannot fit is left out whole and
/// said; what may never be left out and cannot fit is an error naming it.
final class PrintFitTests: XCTestCase {
    private func chromium() throws -> ChromiumProgram {
        if let program = try? ChromiumProgram.locate(environment: ProcessInfo.processInfo.environment) { return program }
        return ChromiumProgram(path: try ExternalTool.chromium.require())
    }

    private func build(_ kit: String, paper: String) throws -> BuildOutcome {
        try write(try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8) + "paper: \(paper)\n", to: kit + "/content/site.yml")
        var request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        request.pdf = try chromium()
        return testBuilder().build(request)
    }

    /// Each PDF under `output` and what the audit found in it (pages, overlapping, outside, cut).
    private func audit(_ output: String) throws -> [String: [String: Any]] {
        _ = try ExternalTool.pdftotext.require()
        _ = try ExternalTool.pdfinfo.require()
        let run = try runProcess("/usr/bin/env", ["python3", Fixtures.repositoryRoot + "/Tests/RefkitBuildTests/Fixtures/tools/print_audit.py", "--json", output])
        XCTAssertEqual(run.status, 0, run.error)
        var found: [String: [String: Any]] = [:]
        for line in run.output.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            found[String((object["pdf"] as! String).dropFirst(output.count + 1))] = object["findings"] as? [String: Any] ?? [:]
        }
        return found
    }

    /// The awkward kit (15:1 and 1:4 logos, long names and codes, an Arabic reader), the German kit
    /// and the example kit, on A4 and on Letter: every PDF one page, no word over another or outside
    /// the sheet, every word of its page printed, unless the build said what it left out.
    func testTheFixtureKitsPrintWholeOnBothPapers() throws {
        for (name, paper) in [("awkward", "a4"), ("awkward", "letter"), ("german", "letter"), ("example", "a4")] {
            let kit: String
            if name == "example" {
                kit = try temporaryDirectory(self) + "/example"
                for folder in ["content", "templates"] {
                    try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot + "/" + folder, toPath: kit + "/" + folder)
                }
            } else {
                kit = try copyOfKit(name, self)
            }
            let outcome = try build(kit, paper: paper)
            XCTAssertNotNil(outcome.summary, "\(name) \(paper): \(outcome.result)")
            let leftOut = outcome.diagnostics.filter { $0.message.contains("leaves out, to fit one sheet") }.map(\.message)
            let findings = try audit(kit + "/output")
            XCTAssertGreaterThan(findings.count, 3, name)
            for (pdf, found) in findings.sorted(by: { $0.key < $1.key }) {
                XCTAssertNil(found["pages"], "\(name) \(paper) \(pdf): \(found)")
                XCTAssertNil(found["overlapping"], "\(name) \(paper) \(pdf): \(found)")
                XCTAssertNil(found["outside"], "\(name) \(paper) \(pdf): \(found)")
                if !leftOut.contains(where: { $0.hasPrefix(pdf + " ") }) {
                    XCTAssertNil(found["cut"], "\(name) \(paper) \(pdf): \(found)")
                }
            }
        }
    }

    /// Far more than a sheet holds: the type scales down, then the last phrases and steps are left
    /// out whole, said once per PDF at the source's file (by the build that printed, by one that
    /// kept the PDFs, and by `check`); the offer's value, code and terms are never left out, and
    /// its description goes whole.
    func testWhatCannotFitIsLeftOutWholeAndSaid() throws {
        let kit = try copyOfKit("basic", self)
        let long = String(repeating: "A very long sentence that goes on and on about bookkeeping. ", count: 4)
        try write("""
            ---
            title: Listen
            kind: trigger-phrases
            phrases: [\((1...6).map { "\"\($0) \(long)\"" }.joined(separator: ", "))]
            ---
            """, to: kit + "/content/kit/03-listen.md")
        try write("""
            ---
            title: How
            kind: how-to-refer
            steps: [\((1...5).map { "\"\($0) \(long)\"" }.joined(separator: ", "))]
            ---
            """, to: kit + "/content/kit/02-how.md")
        try write("""
            ---
            title: Ten percent off
            kind: coupon
            value: "Ten percent off every invoice for a year, for the whole household (a value of 450 zł)"
            code: "{{source.code}}-10"
            terms: "\(long)"
            ---
            \((1...10).map { _ in long }.joined(separator: "\n\n"))
            """, to: kit + "/content/offers/coupon.md")
        let outcome = try build(kit, paper: "a4")
        XCTAssertNotNil(outcome.summary, "\(outcome.result)")
        let notes = outcome.diagnostics.filter { $0.message.contains("leaves out") }.map(\.description)
        XCTAssertTrue(notes.contains { $0.hasPrefix("content/sources/bolt-partners.yml") && $0.contains("bolt-partners/handout.pdf (A4) leaves out, to fit one sheet: 'Listen for' item") },
                      "\(notes)")
        XCTAssertTrue(notes.contains { $0.contains("cara/offers/coupon.pdf (A4) leaves out, to fit one sheet: 'description'") }, "\(notes)")
        let coupon = try ExternalTool.pdftotext.run([kit + "/output/cara/offers/coupon.pdf", "-"]).output
        for whole in ["(a value of 450 zł)", "CARA-10", "about bookkeeping."] {
            XCTAssertTrue(coupon.replacingOccurrences(of: "\n", with: " ").contains(whole), "\(whole): \(coupon)")
        }
        for (pdf, found) in try audit(kit + "/output") {
            XCTAssertNil(found["overlapping"], "\(pdf): \(found)")
            XCTAssertNil(found["pages"], "\(pdf): \(found)")
        }
        // A build that keeps the PDFs says it again, and so does check.
        try write(try String(contentsOfFile: kit + "/content/sources/cara.yml", encoding: .utf8) + "message: Thanks!\n", to: kit + "/content/sources/cara.yml")
        var again = BuildRequest(kitDirectory: kit, date: fixtureDate)
        again.pdf = try chromium()
        let rebuilt = testBuilder().build(again)
        XCTAssertEqual(rebuilt.diagnostics.filter { $0.message.contains("bolt-partners/handout.pdf") }.count, 1, "\(rebuilt.diagnostics)")
        XCTAssertEqual(PrintStep.lastPrintWarnings(output: kit + "/output", slugs: ["bolt-partners", "cara"], fileSystem: DiskFileSystem())
            .map(\.description).filter { $0.contains("leaves out") }.count, notes.count)
    }

    /// An offer whose value alone is longer than a sheet cannot be printed: an error naming it.
    func testAnOfferThatCannotFitIsAnErrorNamingIt() throws {
        let kit = try copyOfKit("basic", self)
        let huge = String(repeating: "An enormous value that never ends. ", count: 160)
        try write("---\ntitle: Huge\nkind: coupon\nvalue: \"\(huge)\"\ncode: \"{{source.code}}-H\"\n---\nText.\n", to: kit + "/content/offers/coupon.md")
        let outcome = try build(kit, paper: "letter")
        guard case .failure(let failure) = outcome.result else { return XCTFail("printed an offer longer than its sheet") }
        XCTAssertTrue("\(failure)".contains("offers/coupon.html does not fit one sheet of Letter paper"), "\(failure)")
        XCTAssertTrue("\(failure)".contains("the offer's value, code, validity and terms"), "\(failure)")
    }
}
