import Foundation
import RefkitTestTools
import XCTest

/// Issue 34 (first part): `refkit import` of a web server's access log, nginx's Combined Log
/// Format, plain and gzip: kit pages opened and printed links followed become ledger rows, once.
final class ImportTests: XCTestCase {
    private func kitCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-import-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try runProcess(RefkitUnderTest.path, arguments, in: directory, environment: ["PATH": "/usr/bin:/bin"])
        return (run.status, run.output, run.error)
    }

    /// nginx's default `combined` format, as its access log writes it; the basic kit is published
    /// at https://kits.acme.example/refer/.
    static let log = """
        203.0.113.7 - - [23/Nov/2026:10:00:00 +0100] "GET /refer/bolt-partners/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36"
        203.0.113.7 - - [23/Nov/2026:10:00:05 +0100] "GET /refer/bolt-partners/who-to-refer.html?x=1 HTTP/1.1" 200 4120 "https://kits.acme.example/refer/bolt-partners/" "Mozilla/5.0 Chrome/130.0"
        203.0.113.9 - - [23/Nov/2026:11:00:00 +0100] "GET /refer/r/BOLT HTTP/1.1" 302 0 "-" "Mozilla/5.0 (iPhone) Mobile Safari"
        203.0.113.9 - - [23/Nov/2026:11:30:00 +0100] "GET /refer/r/bolt/ HTTP/2.0" 200 300 "-" "Mozilla/5.0 (iPhone) Mobile Safari"
        66.249.66.1 - - [23/Nov/2026:12:00:00 +0100] "GET /refer/cara/ HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        203.0.113.7 - - [24/Nov/2026:09:00:00 +0100] "GET /refer/cara/index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0 Firefox/133.0"
        203.0.113.7 - - [24/Nov/2026:09:00:01 +0100] "GET /refer/cara/missing.html HTTP/1.1" 404 120 "-" "Mozilla/5.0 Firefox/133.0"
        203.0.113.7 - - [24/Nov/2026:09:00:02 +0100] "GET /refer/cara/qr.svg HTTP/1.1" 200 120 "-" "Mozilla/5.0 Firefox/133.0"
        203.0.113.7 - - [24/Nov/2026:09:00:03 +0100] "POST /refer/cara/ HTTP/1.1" 200 120 "-" "Mozilla/5.0 Firefox/133.0"
        this line was cut by a full disk
        203.0.113.7 - - [24/Nov/2026:09:30:00 +0100] "GET /elsewhere/ HTTP/1.1" 200 10 "-" "Mozilla/5.0 Firefox/133.0"

        """

    func testAnAccessLogBecomesLedgerRowsOnceWhetherPlainOrGzip() throws {
        let kit = try kitCopy()
        let log = kit + "/access.log"
        try Self.log.write(toFile: log, atomically: true, encoding: .utf8)
        // The basic kit has no ledger: it is created with its header (an existing one is appended to).
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/content/ledger.csv"))
        let imported = try run(["import", log, "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "refkit: imported 1 file: 2 'opened' and 1 printed-link 'view' rows added to content/ledger.csv\n")
        XCTAssertEqual(imported.stderr, "\(log):10:1: warning: not a line of the Combined Log Format: left out\n")
        let after = try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8)
        XCTAssertEqual(after, """
            date,source,stage,value,note,prospect
            2026-11-23,bolt-partners,opened,,,
            2026-11-24,cara,opened,,,
            2026-11-23,bolt-partners,view,2,printed link,

            """, "crawlers, failures, assets, other sites and POSTs left out; no address or agent written")
        XCTAssertFalse(after.contains("203.0.113") || after.contains("Mozilla"))

        // The same log again, gzipped (a rotated one), adds nothing.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", log]
        try gzip.run()
        gzip.waitUntilExit()
        let again = try run(["import", log + ".gz", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains(": 0 'opened' and 0 printed-link 'view' rows added"), again.stdout)
        XCTAssertEqual(try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8), after)

        // The ledger takes the new stage, and a view row counts its value: the report says 2 views.
        let report = try run(["report", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertFalse(report.stderr.contains("ledger.csv"), report.stderr)

        // A file that is no access log is refused, the ledger untouched; so is a missing one.
        try "just some notes\n".write(toFile: kit + "/notes.txt", atomically: true, encoding: .utf8)
        let refused = try run(["import", kit, kit + "/notes.txt"], in: kit)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "refkit: \(kit)/notes.txt is not a file refkit can import: a web server's access log in the Combined Log Format (plain or gzip)\n")
        XCTAssertEqual(try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8), after)
        XCTAssertEqual(try run(["import"], in: kit).status, 2)
    }

    /// Rows are added after the ledger's own, which stay byte for byte (a last line without its
    /// line end gets one).
    func testAnExistingLedgerKeepsItsRowsAsWritten() throws {
        let kit = try kitCopy()
        let ledger = "date,source,stage,value,note,prospect\r\n2026-11-01,cara,lead,,\"met at the fair, twice\",Ann"
        try ledger.write(toFile: kit + "/content/ledger.csv", atomically: true, encoding: .utf8)
        try Self.log.write(toFile: kit + "/access.log", atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["import", "access.log", "--date", "2026-11-25"], in: kit).status, 0)
        let after = try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8)
        XCTAssertTrue(after.hasPrefix(ledger + "\n2026-11-23,bolt-partners,opened,,,\n"), after)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/content/ledger.csv.refkit-import"))
    }
}
