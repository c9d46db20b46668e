import Foundation
import RefkitTestTools
import XCTest

/// Issue 34 (first part): `refkit import` of a web server's access log, nginx's Combined Log
/// Format, plain and gzip: kit pages opened and printed links followed become ledger rows, once.
final class ImportTests: XCTestCase {
    private func kitCopy() throws -> String { try basicKitCopy("import") }

    private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try runRefkit(arguments, in: directory)
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
        XCTAssertEqual(refused.stderr, "refkit: \(kit)/notes.txt is not a file refkit can import: a web server's access log in the Combined Log Format (plain or gzip), "
                       + "a GoatCounter or Plausible CSV export, or the intake form's submissions exported from Netlify Forms or Formspree\n")
        XCTAssertEqual(try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8), after)
        // An empty log (rotated before any request came) adds nothing, and is no error.
        try "".write(toFile: kit + "/empty.log", atomically: true, encoding: .utf8)
        let empty = try run(["import", kit, kit + "/empty.log"], in: kit)
        XCTAssertEqual(empty.status, 0, empty.stderr)
        XCTAssertTrue(empty.stdout.contains(": 0 'opened' and 0 printed-link 'view' rows added"), empty.stdout)
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

    /// As it is used: a real nginx (Debian's) serves a built `output/` on loopback, a browser opens
    /// a kit and follows a printed link, a crawler and a broken link come by; refkit imports
    /// nginx's own access log: exactly the expected rows, and none more the second time.
    func testNginxsOwnAccessLogOfAServedKit() throws {
        guard let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: FileManager.default.isExecutableFile) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("nginx is missing: scripts/install-deps --test-tools installs it") }
            throw XCTSkip("nginx is missing: install Debian's nginx (scripts/install-deps --test-tools)")
        }
        let kit = try kitCopy()
        try (try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8) + "short_links: true\n")
            .write(toFile: kit + "/content/site.yml", atomically: true, encoding: .utf8)
        let built = try run(["build", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(built.status, 0, built.stderr)
        let server = kit + "/nginx"
        try FileManager.default.createDirectory(atPath: server, withIntermediateDirectories: true)
        let port = try freeLoopbackPort()
        try """
            daemon off;
            worker_processes 1;
            pid \(server)/nginx.pid;
            error_log \(server)/error.log;
            events {}
            http {
              access_log \(server)/access.log combined;
              client_body_temp_path \(server)/body;
              proxy_temp_path \(server)/proxy;
              fastcgi_temp_path \(server)/fastcgi;
              uwsgi_temp_path \(server)/uwsgi;
              scgi_temp_path \(server)/scgi;
              server {
                listen 127.0.0.1:\(port);
                location /refer/ { alias \(kit)/output/; index index.html; }
              }
            }

            """.write(toFile: server + "/nginx.conf", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", server, "-c", server + "/nginx.conf", "-e", server + "/error.log"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        let base = "http://127.0.0.1:\(port)/refer/"
        // curl, as a browser or as a crawler: nginx logs what the agent says it is.
        func fetch(_ path: String, agent: String) -> Int {
            let run = try? runProcess("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "-A", agent, base + path])
            return Int(run?.output ?? "") ?? 0
        }
        let browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
        var ready = false
        for _ in 0..<50 where !ready {
            ready = fetch("bolt-partners/", agent: browser) == 200
            if !ready { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(ready, (try? String(contentsOfFile: server + "/error.log", encoding: .utf8)) ?? "nginx did not answer")
        XCTAssertEqual(fetch("bolt-partners/who.html", agent: browser), 200)
        XCTAssertEqual(fetch("r/BOLT/", agent: browser), 200, "the printed link's page")
        XCTAssertEqual(fetch("cara/", agent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), 200)
        XCTAssertEqual(fetch("cara/nothing-here.html", agent: browser), 404)
        // Chromium, as a source and a prospect meet the site: cara opens its kit (the page, its
        // style sheet, logo and QR code, the browser's favicon), and a prospect scans cara's QR
        // code, whose page forwards to the referral link (elsewhere: not this server's).
        let chromium = try ExternalTool.chromium.require()
        for path in ["cara/", "r/CARA/"] {
            let opened = try runProcess(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-agent=" + browser,
                                                   "--virtual-time-budget=3000", "--dump-dom", base + path])
            XCTAssertEqual(opened.status, 0, opened.error)
        }
        process.terminate()
        process.waitUntilExit()

        let log = server + "/access.log"
        let logged = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertGreaterThan(logged.split(separator: "\n").count, 7, "nginx logged every request, the assets Chromium asked for too")
        XCTAssertTrue(logged.contains("GET /refer/assets/refkit.css"), logged)
        let imported = try run(["import", log], in: kit)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stderr, "")
        let day = try XCTUnwrap(try String(contentsOfFile: log, encoding: .utf8).firstMatch(of: /\[(\d\d)\/(\w\w\w)\/(\d{4})/))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let date = "\(day.3)-" + String(format: "%02d", months.firstIndex(of: String(day.2))! + 1) + "-\(day.1)"
        XCTAssertEqual(try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8), """
            date,source,stage,value,note,prospect
            \(date),bolt-partners,opened,,,
            \(date),cara,opened,,,
            \(date),bolt-partners,view,1,printed link,
            \(date),cara,view,1,printed link,

            """)
        XCTAssertTrue(try run(["import", log], in: kit).stdout.contains(": 0 'opened' and 0 printed-link 'view' rows added"))
    }
}
