import Foundation
import RefkitBuild
import XCTest

/// One fixture per kind of bad input, under Fixtures/cases/NAME/: `kit/` holds files laid over a
/// copy of the `basic` kit, `delete.txt` names files to remove from it, and `expected.txt` holds the
/// exact diagnostics the build must print, in order. A case whose expected lines hold an error
/// must fail without writing; one with only warnings (or none) must build.
/// REFKIT_UPDATE_CASES=1 rewrites the expected files (review the diff before committing).
final class DiagnosticCaseTests: XCTestCase {
    static let casesRoot = Fixtures.root + "/cases"

    func testEveryCase() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.casesRoot).sorted()
        XCTAssertGreaterThanOrEqual(cases.count, 25, "the fixture cases are missing")
        for name in cases {
            try check(name)
        }
    }

    private func check(_ name: String) throws {
        let caseDirectory = Self.casesRoot + "/" + name
        let kit = try copyOfKit("basic", self)
        if let deletions = try? String(contentsOfFile: caseDirectory + "/delete.txt", encoding: .utf8) {
            for path in deletions.split(separator: "\n") { try FileManager.default.removeItem(atPath: kit + "/" + path) }
        }
        let overlay = caseDirectory + "/kit"
        for (path, data) in (try? snapshot(overlay)) ?? [:] {
            try FileManager.default.createDirectory(atPath: ((kit + "/" + path) as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: kit + "/" + path, contents: data)
        }
        let output = kit + "/output"
        var request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        request.checkLedger = true  // as `refkit check` and `refkit report` do
        let outcome = testBuilder().build(request)

        let expectedFile = caseDirectory + "/expected.txt"
        if ProcessInfo.processInfo.environment["REFKIT_UPDATE_CASES"] == "1" {
            try Data(outcome.lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: expectedFile))
            return
        }
        let expected = try String(contentsOfFile: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(outcome.lines, expected, "case \(name)")
        if expected.contains(where: { $0.contains(": error: ") }) {
            XCTAssertNil(outcome.summary, "case \(name) must fail")
            XCTAssertFalse(FileManager.default.fileExists(atPath: output), "case \(name) wrote output")
        } else {
            XCTAssertNotNil(outcome.summary, "case \(name) must build")
        }
    }
}
