import Foundation
import RefkitBuild
import RefkitModel
import RefkitTestTools
import XCTest

/// `short_links: true`: a forwarding page per code, `_redirects`, and printed things (QR code,
/// handout, coupons) carrying `site.url/r/CODE`; the web pages and the e-mail keep the full link.
final class ShortLinkTests: XCTestCase {
    private func kitWithShortLinks() throws -> String {
        let kit = try copyOfKit("basic", self)
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try write(site + "short_links: true\n", to: kit + "/content/site.yml")
        return kit
    }

    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func testPrintedThingsCarryTheShortLinkAndItsPageForwardsToTheReferralLink() throws {
        let kit = try kitWithShortLinks()
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.lines, [])
        let output = kit + "/output"
        let short = "https://kits.acme.example/refer/r/BOLT"
        let link = "https://acme.example/start?lang=en&amp;ref=BOLT&amp;utm_source=bolt-partners&amp;utm_medium=referral&amp;utm_campaign=spring%202026#book"
        let page = try read(output + "/r/BOLT/index.html")
        XCTAssertTrue(page.contains(#"<meta http-equiv="refresh" content="0; url=\#(link)">"#), page)
        XCTAssertTrue(page.contains(#"<a href="\#(link)">Continue to Acme Accounts</a>"#), page)
        XCTAssertTrue(page.contains(#"<meta name="robots" content="noindex">"#))
        XCTAssertFalse(page.contains("<script"))
        XCTAssertEqual(try read(output + "/_redirects").split(separator: "\n").first.map(String.init),
                       "/r/BOLT https://acme.example/start?lang=en&ref=BOLT&utm_source=bolt-partners&utm_medium=referral&utm_campaign=spring%202026#book 302")
        // Printed, the link may break only after its punctuation (issue 32).
        let breakable = short.map { "@/.?&=".contains($0) ? "\($0)<wbr>" : String($0) }.joined()
        XCTAssertTrue(try read(output + "/bolt-partners/handout.html").contains(">\(breakable)</p>"))
        XCTAssertTrue(try read(output + "/bolt-partners/offers/coupon.html").contains(#"<a href="\#(short)" dir="ltr">\#(breakable)</a>"#))
        XCTAssertTrue(try read(output + "/bolt-partners/email.html").contains(#"<a href="\#(link)""#), "the e-mail keeps the full link")
        XCTAssertTrue(try read(output + "/bolt-partners/index.html").contains(#"<a href="\#(link)" dir="ltr">"#), "so do web pages")
        XCTAssertEqual(try ExternalTool.decodeQR(svg: output + "/bolt-partners/qr.svg"), [short])
    }

    /// A short link's page has the preview tags every page has, from the one `preview` partial:
    /// a kit's own partial is used there too.
    func testAShortLinksPreviewTagsAreThePreviewPartials() throws {
        let kit = try kitWithShortLinks()
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).lines, [])
        var page = try read(kit + "/output/r/BOLT/index.html")
        XCTAssertTrue(page.contains(#"<meta property="og:image:alt" content="Bolt &amp; &lt;Partners&gt; × Acme Accounts · Referral kit">"#), page)
        try FileManager.default.createDirectory(atPath: kit + "/templates/partials", withIntermediateDirectories: true)
        try write("{{#preview}}<meta property=\"og:title\" content=\"{{title}} (ours)\">\n{{/preview}}\n", to: kit + "/templates/partials/preview.mustache")
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).lines, [])
        page = try read(kit + "/output/r/BOLT/index.html")
        XCTAssertTrue(page.contains("<meta property=\"og:title\" content=\"Acme Accounts (ours)\">\n<title>"), page)
        XCTAssertFalse(page.contains("og:image"), page)
    }

    func testTheShortLinkMakesTheQRCodeSmaller() throws {
        // The QR code's size in modules (its viewBox, less the 4-module quiet zone on each side)
        // gives its version: 17 + 4 × version.
        func version(_ kit: String) throws -> Int {
            XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
            let svg = try read(kit + "/output/bolt-partners/qr.svg")
            let size = try XCTUnwrap(svg.firstMatch(of: /viewBox="0 0 (\d+) \d+"/).flatMap { Int($0.1) })
            return (size - 8 - 17) / 4
        }
        let long = try version(try copyOfKit("basic", self)), short = try version(try kitWithShortLinks())
        XCTAssertEqual(long, 7)
        XCTAssertEqual(short, 3)
    }

    func testAChangedCodeMovesItsShortLinkOnARebuildOfThatSourceAlone() throws {
        let kit = try kitWithShortLinks()
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        try write("name: Cara Customer\nsegment: customer\ncode: CARA-NEW\noffers: [coupon]\n", to: kit + "/content/sources/cara.yml")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.summary?.rendered, 1, "\(outcome.lines)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output/r/CARA/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/r/CARA-NEW/index.html"))
        XCTAssertTrue(try read(kit + "/output/_redirects").contains("/r/CARA-NEW "))
        // The same bytes as a whole build of the same kit.
        let whole = try temporaryDirectory(self) + "/whole"
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: whole, date: fixtureDate)).summary)
        var expected = try snapshot(whole), actual = try snapshot(kit + "/output")
        expected[OutputWriter.marker] = nil
        actual[OutputWriter.marker] = nil
        XCTAssertEqual(treeDifferences(expected: expected, actual: actual), [])
    }

    /// Chromium, sent to each short link's page, arrives at the source's referral link
    /// (Fixtures/tools/follow_short_link.py; nothing leaves the machine).
    func testEachShortLinkPageTakesABrowserToTheReferralLink() throws {
        try requirePython(["playwright"], chromium: true)
        let kit = try kitWithShortLinks()
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let follow = try runProcess("/usr/bin/env", ["python3", Fixtures.root + "/tools/follow_short_link.py",
                                                     kit + "/output/r/BOLT/index.html", kit + "/output/r/CARA/index.html"])
        XCTAssertEqual(follow.status, 0, follow.error)
        let arrived = follow.output
        XCTAssertEqual(arrived, [
            "https://acme.example/start?lang=en&ref=BOLT&utm_source=bolt-partners&utm_medium=referral&utm_campaign=spring%202026#book",
            "https://acme.example/start?lang=en&ref=CARA&utm_source=cara&utm_medium=referral&utm_campaign=spring%202026#book",
        ].joined(separator: "\n") + "\n")
    }
}
