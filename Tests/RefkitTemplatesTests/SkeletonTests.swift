import RefkitModel
@testable import RefkitTemplates
import XCTest

/// Rendering by shape (`SkeletonCache`) must give exactly the bytes swift-mustache gives alone.
final class SkeletonTests: XCTestCase {
    func testShapeKeysAreEqualExactlyWhenTheirBytesAre() {
        let long = [UInt8](repeating: 7, count: 5000)
        var changed = long
        changed[4999] = 8
        let keys = [[], [1], [2], [1, 2], long, changed, Array(long.dropLast())].map { ShapeKey(bytes: $0) }
        for (i, a) in keys.enumerated() {
            for (j, b) in keys.enumerated() { XCTAssertEqual(a == b, i == j, "\(i) \(j)") }
        }
        XCTAssertEqual(ShapeKey(bytes: long), ShapeKey(bytes: Array(long)))
    }

    private func templates(_ files: [String: String]) throws -> TemplateSet {
        let overrides = files.map { TemplateFile(name: $0.key, file: "templates/\($0.key).mustache", text: $0.value) }
        let (set, diagnostics) = TemplateSet.compile(overrides: overrides)
        XCTAssertEqual(diagnostics, [])
        return try XCTUnwrap(set)
    }

    /// Texts that escaping, placement and Unicode could trip on.
    private let awkward = [
        "", "plain", "<b>bold</b> & \"quoted\" 'single'", "ends with a newline\n", "\n", "a\u{E000}&\t0\u{E001}b",
        "<\u{301} combining after <", "\u{600}< prepended before <", "tab\there", "emoji 👩‍👩‍👧 & more", "{{not a tag}}",
        "&amp; already escaped",
    ]

    private func view(_ name: String, _ message: String, logo: Bool, pages: Int) -> ViewObject {
        var source: ViewObject = ["name": name, "code": "C<1>", "is_partner": logo]
        if !message.isEmpty { source["message"] = .text(message) }
        let list = (0..<pages).map { ["title": "\(name) \($0)", "current": $0 == 1] as ViewObject }
        var view: ViewObject = ["source": source, "pages": list, "count": pages, "content": "<p>\(message)</p>\n"]
        if logo { view["logo"] = .text("assets/\(name).svg") }
        return view
    }

    private let page = """
        {{! a kit's own template: swift-mustache's default HTML escaping }}
        <h1>{{source.name}}</h1>{{#logo}}<img src="{{logo}}" alt="{{{source.name}}}">{{/logo}}
        {{#source.message}}<p>{{source.message}} / {{{source.message}}} / {{.}}</p>{{/source.message}}
        {{^source.message}}no message{{/source.message}}
        <ul>
        {{#pages}}
          <li{{#current}} class="here"{{/current}}>{{title}} of {{count}} for {{source.code}}</li>
        {{/pages}}
        </ul>
        {{{content}}}
        {{>footer}}
        """
    private let footer = """
        {{% CONTENT_TYPE: REFKIT_HTML}}
        <footer>{{source.name}} · {{source.code}}{{#source.is_partner}} · partner{{/source.is_partner}}</footer>

        """

    func testFilledSkeletonsAreByteForByteWhatSwiftMustacheRenders() throws {
        let set = try templates(["page": page, "footer": footer])
        for (index, name) in awkward.enumerated() {
            for message in awkward {
                let view = view(name, message, logo: index % 2 == 0, pages: index % 3)
                XCTAssertEqual(String(decoding: set.render("page", view), as: UTF8.self), set.directText("page", view),
                               "name \(name.debugDescription), message \(message.debugDescription)")
            }
        }
        let statistics = try XCTUnwrap(set.skeletonStatistics)
        XCTAssertEqual(statistics.shapes, 12, "logo or not × 3 list lengths × message or not")
        XCTAssertEqual(statistics.direct, 12, "the first of each shape")
        XCTAssertEqual(statistics.filled, awkward.count * awkward.count - 12, "every shape's skeleton matched")
    }

    func testTheBuiltInTemplatesRenderByShape() throws {
        let set = try templates([:])
        XCTAssertNotNil(set.skeletonStatistics)
    }

    /// A template that writes a whole object out shows Swift's description of it, which escapes
    /// the marker's tab: that shape is rendered directly, every time.
    func testAnObjectWrittenOutIsRenderedDirectly() throws {
        let set = try templates(["page": "{{#source}}{{name}}{{/source}} {{source}}"])
        let views: [ViewObject] = ["A", "B", "C\"quoted\""].map { ["source": ["name": $0] as ViewObject] }
        for view in views {
            XCTAssertEqual(String(decoding: set.render("page", view), as: UTF8.self), set.directText("page", view))
        }
        XCTAssertEqual(set.skeletonStatistics, SkeletonStatistics(shapes: 1, filled: 0, direct: 3))
    }

    /// Features whose output depends on a value's content, or that hide tags from the check,
    /// turn rendering by shape off for the whole set.
    func testFeaturesThatDependOnContentTurnItOff() throws {
        let ruledOut = [
            "transform": "{{uppercased(source.name)}}",
            "sequence transform": "{{#pages}}{{#first()}}first{{/first()}}{{/pages}}",
            "dynamic partial": "{{>*source.name}}",
            "indented partial": "<ul>\n  {{>footer}}\n</ul>",
            "indented block": "{{<footer}}\n  {{$title}}x{{/title}}\n{{/footer}}",
            "set delimiters": "{{=<% %>=}}<% source.name %>",
            "marker character": "a \u{E000} b",
        ]
        for (feature, text) in ruledOut {
            XCTAssertFalse(Skeleton.supports(text), feature)
            XCTAssertNil(try templates(["page": text]).skeletonStatistics, feature)
        }
        for allowed in ["<ul>\n{{>footer}}\n</ul>", "text {{>footer}}", "{{! a (comment) }}", "{{% CONTENT_TYPE: TEXT}}", page, footer] {
            XCTAssertTrue(Skeleton.supports(allowed), allowed)
        }
        XCTAssertTrue(Skeleton.supports(Array(DefaultTemplates.all.values)))
    }

    func testAMalformedMarkerIsNoSkeleton() {
        var shape = Shape()
        for value in ["a", "b", "c"] { shape.add(text: value) }
        func parse(_ text: String) -> Skeleton? { Skeleton(parsing: Array(text.utf8), in: shape) }
        XCTAssertNil(parse("a " + Skeleton.marker(9)), "numbers a value that does not exist")
        XCTAssertNil(parse("a \u{E000}&\\t0\u{E001}"), "tab written out as \\t")
        XCTAssertNil(parse("a \u{E000}\t0\u{E001}"), "no ampersand")
        XCTAssertNil(parse("a \u{E000}&#38;\t0\u{E001}"), "escaped some other way")
        XCTAssertNil(parse("a \u{E001}"), "a stray end")
        XCTAssertNotNil(parse("a " + Skeleton.marker(2) + " \u{E000}&amp;\t0\u{E001} \u{E000}&amp;\t1\u{E001}"))
    }

    /// swift-mustache escapes Character by Character, and leaves a quote that a combining mark
    /// follows as it is: it would end an attribute value. A kit's templates, with or without a
    /// pragma naming HTML, escape every quote, as the built-in ones do.
    func testEveryTemplateEscapesByByteAndEveryQuote() throws {
        let set = try templates(["page": "{{text}}", "html": "{{% CONTENT_TYPE: HTML}}{{text}}",
                                 "fast": "{{% CONTENT_TYPE: REFKIT_HTML}}{{text}}", "plain": "{{% CONTENT_TYPE: TEXT}}{{text}}"])
        func escaped(_ text: String) -> String {
            var bytes: [UInt8] = []
            HTMLEscaping.append(text, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        for text in awkward + ["\"<>&'", "é<", "<é", "e\u{301}&", "&\u{301}", "\"\u{301} onload=x"] {
            let view: ViewObject = ["text": text]
            for name in ["page", "html", "fast"] {
                XCTAssertEqual(escaped(text), set.directText(name, view), "\(name): \(text.debugDescription)")
            }
            XCTAssertEqual(text, set.directText("plain", view), text.debugDescription)
        }
        XCTAssertEqual(set.directText("page", ["text": "\"\u{301}"]), "&quot;\u{301}")
    }

    func testASyntaxErrorOnTheFirstLineIsWhereTheAuthorWroteIt() {
        let file = TemplateFile(name: "page", file: "templates/page.mustache", text: "ab {{#x}}{{/y}}\n")
        XCTAssertEqual(TemplateSet.compile(overrides: [file]).1.map(\.description),
                       ["templates/page.mustache:1:13: error: template syntax: a section is closed with a name other than the one it was opened with"])
    }

    /// A kit template without a pragma, a text one and a built-in one, side by side in one file:
    /// each place is filled with its own escaping.
    func testEachPlaceKeepsTheEscapingOfItsTemplate() throws {
        let set = try templates(["page": "{{text}} {{{text}}} {{>fast}} {{>plain}}", "fast": "{{% CONTENT_TYPE: REFKIT_HTML}}{{text}}",
                                 "plain": "{{% CONTENT_TYPE: TEXT}}{{text}}"])
        for text in ["\"\u{301}", "<b>", "plain", "'\u{301}&"] {
            for _ in 1...3 {
                let view: ViewObject = ["text": text]
                XCTAssertEqual(String(decoding: set.render("page", view), as: UTF8.self), set.directText("page", view))
            }
        }
        XCTAssertEqual(set.skeletonStatistics?.direct, 1, "only the first view of the one shape")
    }
}

extension TemplateSet {
    /// `renderDirectly`'s bytes as text, to compare with what a test expects.
    func directText(_ name: String, _ view: ViewObject) -> String { String(decoding: renderDirectly(name, view), as: UTF8.self) }
}
