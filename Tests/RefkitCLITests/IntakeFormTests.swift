import Foundation
import RefkitTestTools
import XCTest

/// Issue 34: each source's refer-someone form, `S/refer.html` (docs/FORMAT.md): sent where
/// `intake:` says, else by mail, and absent with neither; submitted in Chromium to a local
/// endpoint as a form back-end receives it.
final class IntakeFormTests: XCTestCase {
    private func kit(_ siteLines: String, contact: Bool = true) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-intake-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        let site = directory + "/content/site.yml"
        var text = try String(contentsOfFile: site, encoding: .utf8)
        if !contact { text = text.split(separator: "\n").filter { !$0.hasPrefix("contact:") }.joined(separator: "\n") + "\n" }
        try (text + siteLines).write(toFile: site, atomically: true, encoding: .utf8)
        let built = try runProcess(RefkitUnderTest.path, ["build", "--date", "2026-11-25"], in: directory)
        XCTAssertEqual(built.status, 0, built.output + built.error)
        return directory
    }

    private func page(_ kit: String, _ path: String) throws -> String { try String(contentsOfFile: kit + "/output/" + path, encoding: .utf8) }

    func testEachBackEndGetsItsForm() throws {
        let formspree = try page(try kit("intake: { action: \"https://formspree.io/f/xyzabcd\" }\n"), "cara/refer.html")
        XCTAssertTrue(formspree.contains(#"<form class="intake" action="https://formspree.io/f/xyzabcd" method="post">"#), formspree)
        XCTAssertTrue(formspree.contains(#"<input type="hidden" name="code" value="CARA"><input type="hidden" name="_subject" value="Referral from Cara Customer (CARA)">"#))
        XCTAssertFalse(formspree.contains("netlify"))

        let netlify = try page(try kit("intake: { netlify: true }\n"), "cara/refer.html")
        XCTAssertTrue(netlify.contains(#"<form class="intake" method="post" name="refer" data-netlify="true" netlify-honeypot="_gotcha">"#), netlify)
        XCTAssertTrue(netlify.contains(#"<input type="hidden" name="form-name" value="refer">"#))

        let mail = try kit("")
        let mailForm = try page(mail, "cara/refer.html")
        XCTAssertTrue(mailForm.contains(#"action="mailto:ann@acme.example?subject=Referral%20from%20Cara%20Customer%20%28CARA%29" method="post" enctype="text/plain""#), mailForm)
        for file in ["cara/index.html", "cara/how.html"] {
            XCTAssertTrue(try page(mail, file).contains(#"<a class="button" href="refer.html">Refer someone with a form</a>"#), file)
        }

        // With neither an intake nor the business's e-mail, there is nowhere to send it: no form, no link.
        let neither = try kit("", contact: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: neither + "/output/cara/refer.html"))
        XCTAssertFalse(try page(neither, "cara/index.html").contains("refer.html"))
    }

    /// As a source uses it: Chromium at 320 px, served over HTTP, the form posted to a local
    /// endpoint. axe finds nothing, the honeypot is neither seen nor announced, an empty form is
    /// stopped by the browser, and every field arrives, the source's code among them.
    func testTheFormIsSubmittedInChromium() throws {
        try requirePython(["playwright", "axe_playwright_python"], chromium: true)
        let port = try freeLoopbackPort()
        let kit = try kit("intake: { action: \"http://127.0.0.1:\(port)/submit\" }\n")
        let script = CLITests.fixtures + "/tools/intake_submit.py"
        let run = try runProcess("/usr/bin/env", ["python3", script, "--port", "\(port)", kit + "/output", "cara/refer.html"], in: kit)
        XCTAssertEqual(run.status, 0, run.output + run.error)
        let lines = run.output.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { !$0.hasPrefix("missing ") && !$0.hasPrefix("posted ") }, [], run.output)
        XCTAssertFalse(try XCTUnwrap(lines.first { $0.hasPrefix("missing ") }).dropFirst(8).isEmpty, "the browser says what is missing")
        let posted = try XCTUnwrap(lines.first { $0.hasPrefix("posted ") }, run.output + run.error)
        let fields = try JSONSerialization.jsonObject(with: Data(posted.dropFirst(7).utf8)) as? [String: String]
        XCTAssertEqual(fields, [
            "code": "CARA", "_subject": "Referral from Cara Customer (CARA)", "_gotcha": "", "prospect": "Omar Haddad",
            "contact": "omar@haddad.example", "need": "Payroll, from January", "consent": "yes",
        ])
    }
}
