import Foundation
import RefkitMarkdown
import XCTest

final class MarkdownTests: XCTestCase {
    func testGitHubFlavouredExtensionsAreOn() {
        XCTAssertTrue(Markdown.html("| a |\n|---|\n| 1 |").contains("<table>"))
        XCTAssertEqual(Markdown.html("~~gone~~"), "<p><del>gone</del></p>\n")
        XCTAssertEqual(Markdown.html("see www.example.com"), "<p>see <a href=\"http://www.example.com\">www.example.com</a></p>\n")
        XCTAssertTrue(Markdown.html("- [x] done").contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"),
                      "tasklist needs the parser's extension list passed to the renderer")
    }

    func testRawHTMLIsDroppedUnlessAllowed() {
        XCTAssertEqual(Markdown.html("<script>alert(1)</script>"), "<!-- raw HTML omitted -->\n")
        XCTAssertEqual(Markdown.html("a <b onclick=\"x\">b</b>"), "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n")
        XCTAssertEqual(Markdown.html("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n")
        XCTAssertEqual(Markdown.html("<b>kept</b>", allowRawHTML: true), "<p><b>kept</b></p>\n")
    }

    func testTagfilterNeutralisesDangerousTagsEvenWhenRawHTMLIsAllowed() {
        XCTAssertEqual(Markdown.html("<script>alert(1)</script>", allowRawHTML: true), "&lt;script>alert(1)&lt;/script>\n")
    }

    func testLinkDestinationsCanBeRewritten() {
        let html = Markdown.html("![a](assets/a.png) [b](https://x.example) [c](assets/c.pdf)") { url in
            url.hasPrefix("assets/") ? "../" + url : nil
        }
        XCTAssertEqual(html, "<p><img src=\"../assets/a.png\" alt=\"a\" /> <a href=\"https://x.example\">b</a> <a href=\"../assets/c.pdf\">c</a></p>\n")
    }

    func testPlaceholdersSurviveInTextAndArePercentEncodedInDestinations() {
        XCTAssertEqual(Markdown.html("Hi {{source.name}}, [go]({{referral.link}})"),
                       "<p>Hi {{source.name}}, <a href=\"%7B%7Breferral.link%7D%7D\">go</a></p>\n")
    }

    func testConcurrentRenderingKeepsAutolinks() {
        // cmark-gfm's parser is not thread-safe; without the lock, concurrent parses lose autolinks.
        let source = (1...40).map { "Line \($0): visit www.example\($0).com today" }.joined(separator: "\n\n")
        let expected = Markdown.html(source)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 256) { _ in results.append(Markdown.html(source)) }
        XCTAssertEqual(results.all.count, 256)
        XCTAssertTrue(results.all.allSatisfy { $0 == expected })
        XCTAssertEqual(expected.components(separatedBy: "<a href=").count - 1, 40)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

final class MarkdownLinkTests: XCTestCase {
    func testLinksAndImagesWithTheirPositions() {
        // Columns point at the destination itself.
        let links = Markdown.links(in: "# Title\n\nSee [the page](how.html) and\n  ![logo](assets/a.png) <https://x.example>.")
        XCTAssertEqual(links, [
            .init(destination: "how.html", isImage: false, line: 3, column: 16),
            .init(destination: "assets/a.png", isImage: true, line: 4, column: 11),
            .init(destination: "https://x.example", isImage: false, line: 4, column: 26),
        ])
    }

    func testHeadingsAreMovedSoTheHighestIsTheLevelAsked() {
        XCTAssertEqual(Markdown.html("# A\n\n## B\n\n###### F", topHeading: 2), "<h2>A</h2>\n<h3>B</h3>\n<h6>F</h6>\n",
                       "one level down; never past h6")
        XCTAssertEqual(Markdown.html("### C\n\n#### D", topHeading: 2), "<h2>C</h2>\n<h3>D</h3>\n", "up, keeping their distance")
        XCTAssertEqual(Markdown.html("## B\n\ntext", topHeading: 2), "<h2>B</h2>\n<p>text</p>\n")
        XCTAssertEqual(Markdown.html("# A"), "<h1>A</h1>\n", "left alone unless asked")
    }
}
