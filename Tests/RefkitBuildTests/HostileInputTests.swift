import Foundation
@testable import RefkitBuild
import XCTest

/// Kits edited by many hands: nothing typed into a data field ever runs, nothing crashes, and a
/// build killed midway loses nothing.
final class HostileInputTests: XCTestCase {
    /// Standard XSS vectors (after the OWASP filter-evasion cheat sheet), plus Mustache syntax.
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg/onload=alert(1)>",
        "javascript:alert(1)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "</title><script>alert(1)</script>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "\" onmouseover=\"alert(1)",
        "<style>*{display:none}</style><body onload=alert(1)>",
        "{{{site.name}}}{{#source}}{{/source}}{{> header}}",
    ]

    /// A YAML double-quoted scalar (a JSON string is one).
    private func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    private let audit = Fixtures.root + "/tools/html_audit.py"

    private func runAudit(_ directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", audit, directory]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    func testTheAuditFindsPlantedScript() throws {
        let directory = try temporaryDirectory(self)
        try write("<p>fine &lt;script&gt; <img alt=\"&quot; onerror=x\"></p>", to: directory + "/ok.html")
        XCTAssertEqual(try runAudit(directory).status, 0, "escaped text inside an attribute is not a handler")
        try write("<p><img src=x onerror=alert(1)><a href=\" JavaScript:alert(1)\">x</a><script>1</script></p>", to: directory + "/bad.html")
        let result = try runAudit(directory)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.output.split(separator: "\n").count, 3, result.output)
    }

    func testNoStringFieldEverRunsInABrowser() throws {
        let kit = try copyOfKit("basic", self)
        let p = Self.payloads
        func pick(_ i: Int) -> String { quoted(p[i % p.count]) }
        try write("""
            name: \(pick(0))
            url: https://kits.acme.example/refer
            referral_url: https://acme.example/start
            logo: assets/acme.svg
            contact: { name: \(pick(1)), email: ann@acme.example, phone: \(pick(2)) }
            campaign: \(pick(3))
            rewards: { partners: \(pick(4)), customers: \(pick(5)) }
            """, to: kit + "/content/site.yml")
        for (index, slug) in ["bolt-partners", "cara"].enumerated() {
            try write("""
                name: \(pick(6 + index))
                segment: \(index == 0 ? "partner" : "customer")
                code: \(index == 0 ? "BOLT" : "CARA")
                contact: { name: \(pick(8 + index)), phone: \(pick(index)) }
                message: \(pick(9))
                reward: \(pick(1 + index))
                """ + (index == 0 ? "\nbrand: { logo: assets/bolt.svg, colors: { primary: \"#FFE66D\" } }" : ""),
                to: kit + "/content/sources/\(slug).yml")
        }
        let markdownPayloads = p.dropLast().joined(separator: "\n\n")  // raw HTML in a body: dropped (unsafe_html is off)
        try write("""
            ---
            title: \(pick(0))
            kind: trigger-phrases
            summary: \(pick(1))
            phrases: [\(p.dropLast().map(quoted).joined(separator: ", "))]
            ---
            \(markdownPayloads)

            Hello {{source.name}}, [go]({{referral.link}}) or [write](mailto:{{site.contact.email}}?subject={{source.name}}).
            """, to: kit + "/content/kit/01-who.md")
        try write("""
            ---
            title: \(pick(2))
            kind: how-to-refer
            steps: [\(p.dropLast().map(quoted).joined(separator: ", "))]
            ---
            \(markdownPayloads)
            """, to: kit + "/content/kit/02-how.md")
        try write("""
            ---
            title: \(pick(3))
            kind: coupon
            value: \(pick(4))
            code: \(quoted("{{source.code}}-" + p[5]))
            terms: \(pick(6))
            ---
            \(markdownPayloads)
            """, to: kit + "/content/offers/coupon.md")

        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, bundle: true))
        XCTAssertNotNil(outcome.summary, "\(outcome.lines)")
        let result = try runAudit(kit + "/output")
        XCTAssertEqual(result.status, 0, "script reached the output:\n" + result.output)
        let home = try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the payload is shown as text")
        let email = try String(contentsOfFile: kit + "/output/cara/email.txt", encoding: .utf8)
        XCTAssertTrue(email.contains("utm_campaign=javascript%3Aalert%281%29"), email)
        XCTAssertTrue(try String(contentsOfFile: kit + "/output/bolt-partners/index.html", encoding: .utf8)
            .contains("{{{site.name}}}{{#source}}{{/source}}{{&gt; header}}"), "Mustache in data is never re-expanded")
    }

    /// Swift compares Characters, and `"` with a combining mark after it is one Character: an
    /// escaper that works by Character leaves it, and it ends a quoted attribute.
    func testAQuoteBeforeACombiningMarkIsStillEscaped() {
        XCTAssertEqual(Escape.html("x\"\u{301} onerror=alert(1)"), "x&quot;\u{301} onerror=alert(1)")
        XCTAssertEqual(Escape.html("'\u{301}<\u{301}&\u{301}>\u{301}"), "&#39;\u{301}&lt;\u{301}&amp;\u{301}&gt;\u{301}")
        XCTAssertEqual(Escape.html("plain é"), "plain é")
    }

    /// A whole URL filled into a link destination is written as cmark writes one: the URL-safe
    /// bytes as they are, `&` and `'` as entities, every other byte percent-encoded.
    func testAURLInALinkDestinationIsWrittenAsCmarkWritesOne() {
        XCTAssertEqual(Escape.urlAttribute("https://x.example/a b?q=1&r='é'#top", isURL: true),
                       "https://x.example/a%20b?q=1&amp;r=&#x27;%C3%A9&#x27;#top")
        XCTAssertEqual(Escape.urlAttribute("-_.+!*(),%#@?=;/$~:azAZ09\"<>[]{}|^`\\\u{7F}", isURL: true),
                       "-_.+!*(),%#@?=;/$~:azAZ09%22%3C%3E%5B%5D%7B%7D%7C%5E%60%5C%7F")
        XCTAssertEqual(Escape.urlAttribute("Dana & Lee@x", isURL: false), "Dana%20%26%20Lee@x")
    }

    func testATwentyMegabyteFileIsAClearError() throws {
        let kit = try copyOfKit("basic", self)
        try write("---\ntitle: Big\n---\n" + String(repeating: "All work and no play. ", count: 950_000), to: kit + "/content/kit/03-big.md")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.lines, ["content/kit/03-big.md:1:1: error: the file is 20.9 MB; kit text files may be at most 10 MB"])
    }

    func testABuildKilledMidwayLeavesThePreviousOutputAndTheNextBuildCleansUp() throws {
        let kit = try copyOfKit("basic", self)
        let refkit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/refkit").path
        guard FileManager.default.isExecutableFile(atPath: refkit) else { throw XCTSkip("build the refkit executable first") }
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")
        // A roster big enough that the build is still writing when it is killed.
        for index in 0..<3000 {
            try write("name: Source \(index)\nsegment: customer\ncode: S\(index)X\n", to: kit + "/content/sources/s\(index).yml")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: refkit)
        process.arguments = ["build", kit, "--date", fixtureDate]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let staging = kit + "/.output.refkit-tmp"
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: staging + "/s1") && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the build was killed, not finished")
        XCTAssertEqual(try snapshot(kit + "/output"), before, "the previous output is intact")
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging), "the killed build left its staging folder")

        for index in 0..<3000 { try FileManager.default.removeItem(atPath: kit + "/content/sources/s\(index).yml") }
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging), "the next build cleared it")
        XCTAssertEqual(try snapshot(kit + "/output"), before)
    }
}
