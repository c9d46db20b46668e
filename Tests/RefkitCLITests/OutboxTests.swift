import Foundation
import RefkitTestTools
import XCTest

/// Issue 35: `refkit outbox` writes each due message, and `--send` hands them to a real mail
/// transfer agent; the files are read back as consumers read them (Python's `email`, Chromium,
/// the `csv` module, an SMTP server's mailbox).
final class OutboxTests: XCTestCase {
    static let tools = CLITests.fixtures + "/tools"
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// The example kit, its contacts in Polish, Arabic and German, one source without consent.
    private func kit(url: String = "https://kits.northwind.example") throws -> String {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-outbox-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: kit, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Self.repositoryRoot + "/" + folder, toPath: kit + "/" + folder)
        }
        func edit(_ file: String, _ pairs: [(String, String)]) throws {
            var text = try String(contentsOfFile: kit + "/content/" + file, encoding: .utf8)
            for (old, new) in pairs {
                XCTAssertTrue(text.contains(old), "\(file): \(old)")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(toFile: kit + "/content/" + file, atomically: true, encoding: .utf8)
        }
        try edit("site.yml", [("url: https://kits.northwind.example", "url: " + url)])
        try edit("sources/brightside-coworking.yml", [("name: Mei Tanaka,", "name: Łucja Wróblewska-Żak,"), ("language: es", "language: pl")])
        try edit("sources/adas-bakery.yml", [("name: Ada Moreno,", "name: ليلى حداد,"), ("segment: customer", "segment: customer\nlanguage: ar")])
        try edit("sources/kestrel-design.yml", [("name: Jonah Reyes,", "name: Jürgen Weiß,")])
        try edit("sources/harbor-street-law.yml", [("email: priya@harbor.example }", "email: priya@harbor.example, consent: false }")])
        return kit
    }

    private func refkit(_ arguments: [String], in kit: String, path: String = "/usr/bin:/bin") throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try runProcess(RefkitUnderTest.path, arguments, in: kit, environment: ["PATH": path])
        return (run.status, run.output, run.error)
    }

    func testEveryMessageParsesBackWithItsNamesAndPartsAndItsImagesLoad() throws {
        try requirePython(["playwright"], chromium: true)
        let port = try freeLoopbackPort()
        let kit = try kit(url: "http://127.0.0.1:\(port)")
        XCTAssertEqual(try refkit(["build", "--date", "2026-11-23"], in: kit).status, 0)
        let written = try refkit(["outbox", "--date", "2026-11-23", "--days", "28"], in: kit)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stdout.contains("due 2026-11-23 to 2026-12-20 → private/outbox/"), written.stdout)
        XCTAssertTrue(written.stdout.contains("(harbor-street-law: consent: false)"), written.stdout)
        XCTAssertTrue(written.stdout.contains("(ridgeway-plumbing: no e-mail address)"), written.stdout)

        let check = try runProcess("/usr/bin/env", ["python3", Self.tools + "/check_outbox.py", kit + "/private/outbox", "--serve", kit + "/output", "--port", "\(port)"])
        XCTAssertEqual(check.status, 0, check.output + check.error)
        let messages = check.output.split(separator: "\n").filter { $0.hasPrefix("{") }.compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        XCTAssertGreaterThanOrEqual(messages.count, 5, check.output)
        XCTAssertTrue(check.output.contains("csv \(messages.count) rows"), check.output)
        for message in messages {
            let file = message["file"] as? String ?? ""
            XCTAssertEqual(message["defects"] as? [String], [], file)
            XCTAssertEqual(message["parts"] as? [String], ["multipart/alternative", "text/plain", "text/html"], file)
            XCTAssertTrue((message["link"] as? String ?? "").contains("https://northwind.example/start?ref="), "\(file): the text part carries the link")
            XCTAssertEqual(message["from"] as? String, "Dana Lee <refer@northwind.example>")
            XCTAssertEqual(message["unsubscribe"] as? String, "<mailto:refer@northwind.example?subject=unsubscribe>")
            XCTAssertEqual(message["message_id"] as? String, "<" + file.dropLast(4) + "@northwind.example>")
            XCTAssertEqual(message["html_is_file"] as? Bool, true, file)
            XCTAssertEqual(message["csv"] as? Bool, true, file)
            XCTAssertFalse(file.contains("harbor-street-law") || file.contains("ridgeway"), file)
        }
        func message(_ source: String) -> [String: Any]? { messages.first { ($0["file"] as? String)?.contains(source) == true } }
        // Headers decode to the exact names, in each source's language.
        XCTAssertEqual(message("brightside-coworking")?["to"] as? String, "Łucja Wróblewska-Żak <mei@brightside.example>")
        XCTAssertEqual(message("brightside-coworking")?["language"] as? String, "pl")
        XCTAssertEqual(message("adas-bakery")?["to"] as? String, "ليلى حداد <ada@adasbakery.example>")
        XCTAssertEqual(message("adas-bakery-thank-you")?["subject"] as? String, "شكر من \u{2068}Northwind Bookkeeping\u{2069}")
        XCTAssertEqual(message("kestrel-design")?["to"] as? String, "Jürgen Weiß <jonah@kestrel.example>")
        // The report lists what the outbox writes this week (the same touches), the unwritten ones marked.
        let week = try refkit(["outbox", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(try refkit(["report", "--date", "2026-11-23"], in: kit).status, 0)
        let page = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        let section = try XCTUnwrap(page.firstMatch(of: /<h2>Messages due this week<\/h2>(?s)(.*?)<\/section>/)).1
        XCTAssertEqual(section.matches(of: /<li>/).count, (try FileManager.default.contentsOfDirectory(atPath: kit + "/private/outbox")
            .filter { $0.hasSuffix(".eml") }.count) + week.stdout.matches(of: /not written:/).count, String(section))
        XCTAssertTrue(section.contains("not written: consent: false"), String(section))

        // Every image of every HTML part (the business's logo, drawn as PNG) loads from the published site.
        let images = check.output.split(separator: "\n").filter { $0.hasPrefix("images ") }
        XCTAssertEqual(images.count, messages.count, check.output)
        for line in images {
            let parts = line.split(separator: " ")
            let counts = parts[2].split(separator: "/")
            XCTAssertEqual(counts[0], counts[1], String(line))
            XCTAssertNotEqual(counts[1], "0", String(line))
            XCTAssertEqual(parts[4], "0", "no sideways scroll at 375 px: \(line)")
        }
    }

    /// msmtp (Debian's) relays to a local SMTP server (aiosmtpd) that files every message it
    /// receives: each written message arrives once, a second --send sends none, and a `kill -9`
    /// in the middle of a --send followed by another --send still delivers each exactly once.
    func testSendThroughMsmtpDeliversEachMessageExactlyOnceEvenAfterAKill() throws {
        try requirePython(["aiosmtpd"])
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/msmtp") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("msmtp is missing: scripts/install-deps --test-tools installs it") }
            throw XCTSkip("msmtp is missing (scripts/install-deps --test-tools)")
        }
        let kit = try kit()
        let port = try freeLoopbackPort()
        let box = kit + "/mailbox"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", box]
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate(); server.waitUntilExit() }
        // `sendmail` on PATH: msmtp relaying to the local server; the slow one waits first, so a kill lands mid-run.
        let bin = kit + "/bin", slowBin = kit + "/slow-bin"
        for (folder, wait) in [(bin, ""), (slowBin, "sleep 0.4\n")] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "#!/bin/sh\n\(wait)exec /usr/bin/msmtp --host=127.0.0.1 --port=\(port) --auth=off --tls=off --from=refer@northwind.example \"$@\"\n"
                .write(toFile: folder + "/sendmail", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/sendmail")
        }
        func received() -> [String] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: box + "/new")) ?? []
            return files.compactMap { name in
                let text = (try? String(contentsOfFile: box + "/new/" + name, encoding: .utf8)) ?? ""
                return text.firstMatch(of: /(?m)^Message-ID: <([^>]+)>/).map { String($0.1) }
            }.sorted()
        }
        var ready = false
        for _ in 0..<50 where !ready {
            ready = (try? runProcess("/usr/bin/env", ["python3", "-c", "import socket; socket.create_connection(('127.0.0.1', \(port)), 1)"]))?.status == 0
            if !ready { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertTrue(ready, "the SMTP server did not start")

        // The week of 2026-11-23, sent; then again: none.
        let first = try refkit(["outbox", "--date", "2026-11-23", "--days", "28", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertEqual(first.status, 0, first.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: kit + "/private/outbox").filter { $0.hasSuffix(".eml") }.sorted()
        XCTAssertGreaterThanOrEqual(written.count, 5)
        XCTAssertTrue(first.stdout.contains("refkit: sent \(written.count) with \(bin)/sendmail"), first.stdout)
        XCTAssertEqual(received(), written.map { $0.dropLast(4) + "@northwind.example" }.sorted())
        let again = try refkit(["outbox", "--date", "2026-11-23", "--days", "28", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertTrue(again.stdout.contains("refkit: sent 0 with"), again.stdout)
        XCTAssertEqual(received().count, written.count)
        // The next day, the same thank-yous (named by their last lead) are the same messages: none is sent again.
        let nextDay = try refkit(["outbox", "--date", "2026-11-24", "--days", "27", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertTrue(nextDay.stdout.contains("refkit: sent 0 with"), nextDay.stdout)
        let names = try FileManager.default.contentsOfDirectory(atPath: kit + "/private/outbox")
        XCTAssertEqual(names.filter { $0.hasSuffix("-thank-you.eml") }.sorted(), written.filter { $0.hasSuffix("-thank-you.eml") },
                       "the thank-yous keep their names")
        XCTAssertEqual(received().count, written.count)

        // A later window, sent by the slow sendmail and killed after its first message arrived.
        let before = received().count
        let sending = Process()
        sending.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
        sending.arguments = ["outbox", kit, "--date", "2027-01-04", "--days", "56", "--send"]
        sending.environment = ["PATH": slowBin + ":/usr/bin:/bin"]
        sending.standardOutput = FileHandle.nullDevice
        sending.standardError = FileHandle.nullDevice
        try sending.run()
        for _ in 0..<200 where received().count < before + 1 { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.2)
        kill(sending.processIdentifier, SIGKILL)
        sending.waitUntilExit()
        Thread.sleep(forTimeInterval: 1)  // a sendmail handed a message goes on and delivers it
        let resumed = try refkit(["outbox", "--date", "2027-01-04", "--days", "56", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        XCTAssertTrue(resumed.stderr.contains("was being handed to sendmail when refkit last stopped: recorded as sent, not sent again"), resumed.stderr)
        let later = try FileManager.default.contentsOfDirectory(atPath: kit + "/private/outbox").filter { $0.hasSuffix(".eml") && $0.hasPrefix("2027") }
        XCTAssertGreaterThan(later.count, 1, "more than one message, so the kill landed mid-run")
        let all = received()
        XCTAssertEqual(all.count, Set(all).count, "no message arrived twice: \(all)")
        XCTAssertEqual(Set(all), Set((written + later).map { $0.dropLast(4) + "@northwind.example" }), "every message arrived")
    }

    /// A sendmail that refuses one message: that one is named, the others are sent and recorded,
    /// and the next --send tries only the refused one again.
    func testAMessageSendmailRefusesIsNamedAndTheRestAreStillSent() throws {
        let kit = try kit()
        let bin = kit + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try "#!/bin/sh\nif grep -q 'kestrel-design-follow-up@' ; then echo 'mail queue full' >&2; exit 75; fi\nexit 0\n"
            .write(toFile: bin + "/sendmail", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/sendmail")
        let run = try refkit(["outbox", "--date", "2026-11-23", "--days", "28", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertEqual(run.status, 1, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("refkit: not sent: 2026-12-08-kestrel-design-follow-up.eml: \(bin)/sendmail exited with status 75: mail queue full\n"),
                      run.stderr)
        let written = try FileManager.default.contentsOfDirectory(atPath: kit + "/private/outbox").filter { $0.hasSuffix(".eml") }
        let sent = try String(contentsOfFile: kit + "/private/outbox/sent.csv", encoding: .utf8)
        XCTAssertEqual(sent.split(separator: "\n").count, written.count, "the header and every message but the refused one: \(sent)")
        XCTAssertFalse(sent.contains("kestrel-design-follow-up"))
        try "#!/bin/sh\ncat >/dev/null\n".write(toFile: bin + "/sendmail", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: bin + "/sendmail")
        let retry = try refkit(["outbox", "--date", "2026-11-23", "--days", "28", "--send"], in: kit, path: bin + ":/usr/bin:/bin")
        XCTAssertEqual(retry.status, 0, retry.stderr)
        XCTAssertTrue(retry.stdout.contains("refkit: sent 1 with \(bin)/sendmail, \(written.count - 1) sent before"), retry.stdout)
    }
}
