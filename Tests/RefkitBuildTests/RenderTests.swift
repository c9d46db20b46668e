import Foundation
import RefkitBuild
import XCTest

/// Behaviour of rendered pages that the golden tree does not single out.
final class RenderTests: XCTestCase {
    private func build(_ kit: String) throws -> (BuildOutcome, String) {
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        return (outcome, kit + "/output")
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func testUnsafeHTMLKeepsRawHTMLWhenTheKitOptsIn() throws {
        let kit = try copyOfKit("basic", self)
        let site = try read(kit + "/content/site.yml")
        var (outcome, output) = try build(kit)
        XCTAssertTrue(try read(output + "/cara/who.html").contains("<!-- raw HTML omitted -->bold"))
        try write(site + "unsafe_html: true\n", to: kit + "/content/site.yml")
        (outcome, output) = try build(kit)
        XCTAssertEqual(outcome.lines, [])
        XCTAssertTrue(try read(output + "/cara/who.html").contains("or <b>bold</b> raw HTML"))
    }

    /// A code in running text is kept on one line (`<span class="code">`); in an attribute (a link
    /// title) it stays text.
    func testTheSourcesCodeInABodyIsNeverBrokenAcrossLines() throws {
        let kit = try copyOfKit("basic", self)
        try write("---\ntitle: Who\n---\nQuote **{{source.code}}** or [book]({{referral.link}} \"code {{source.code}}\").\n",
                  to: kit + "/content/kit/01-who.md")
        let (outcome, output) = try build(kit)
        XCTAssertEqual(outcome.lines, [])
        let page = try read(output + "/cara/who.html")
        XCTAssertTrue(page.contains(#"Quote <strong><span class="code" style="--chars:4">CARA</span></strong> or"#), page)
        XCTAssertTrue(page.contains(#"title="code CARA">book</a>"#), page)
    }

    func testAKitTemplateReplacesTheBuiltInOfTheSameName() throws {
        let kit = try copyOfKit("basic", self)
        try write("{{<layout}}{{$content}}<p id=\"mine\">{{page.title}} for {{source.name}}</p>{{/content}}{{/layout}}",
                  to: kit + "/templates/page.mustache")
        let (outcome, output) = try build(kit)
        XCTAssertEqual(outcome.lines, [])
        let page = try read(output + "/cara/how.html")
        XCTAssertTrue(page.contains("<p id=\"mine\">How to refer for Cara Customer</p>"), page)
        XCTAssertTrue(page.contains("<footer>Custom footer for Cara Customer"), "the layout and the kit's partial still apply")
        XCTAssertTrue(try read(output + "/cara/index.html").contains("class=\"hero\""), "other templates keep the defaults")
    }

    func testAKitWithNoTemplatesFolderBuildsWithTheDefaults() throws {
        let kit = try copyOfKit("basic", self)
        try FileManager.default.removeItem(atPath: kit + "/templates")
        let (outcome, output) = try build(kit)
        XCTAssertEqual(outcome.lines, [])
        XCTAssertTrue(try read(output + "/cara/index.html").contains("<footer class=\"footer\">"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/assets/refkit.css"))
    }

    func testEveryLinkInTheOutputIsRelative() throws {
        let (outcome, output) = try build(try copyOfKit("basic", self))
        XCTAssertNotNil(outcome.summary)
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in try snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                checked += 1
                if link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") || link.hasPrefix("sms:") { continue }
                XCTAssertFalse(link.hasPrefix("/"), "\(path): \(link) is absolute")
                // A relative link must resolve to a file in the output.
                let base = URL(fileURLWithPath: output + "/" + path).deletingLastPathComponent()
                let target = URL(fileURLWithPath: link.components(separatedBy: "#")[0], relativeTo: base).standardizedFileURL.path
                XCTAssertTrue(FileManager.default.fileExists(atPath: target), "\(path): \(link) does not resolve")
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }
}

/// A customer is often their own contact: the e-mail signs with the name once (issue 14).
final class SignatureTests: XCTestCase {
    func testAContactWhoIsTheSourceSignsOnce() throws {
        let kit = try copyOfKit("basic", self)
        try write("name: Maria Schäfer\nsegment: customer\ncontact: { name: Maria Schäfer }\n", to: kit + "/content/sources/cara.yml")
        try write("name: Bolt\nsegment: partner\ncode: BOLT\ncontact: { name: Bo Bolt }\n", to: kit + "/content/sources/bolt-partners.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let text = try String(contentsOfFile: kit + "/output/cara/email.txt", encoding: .utf8)
        XCTAssertTrue(text.hasSuffix("Best wishes,\nMaria Schäfer\n"), text)
        let html = try String(contentsOfFile: kit + "/output/cara/email.html", encoding: .utf8)
        XCTAssertTrue(html.contains("Best wishes,<br>Maria Schäfer</p>"), html)
        let partner = try String(contentsOfFile: kit + "/output/bolt-partners/email.txt", encoding: .utf8)
        XCTAssertTrue(partner.hasSuffix("Best wishes,\nBo Bolt\nBolt\n"), partner)
    }
}
