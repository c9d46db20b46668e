import Foundation
@testable import RefkitBuild
import RefkitI18n
import RefkitModel
import RefkitTemplates
import XCTest

/// docs/FORMAT.md's generated parts are what the code has: the placeholder list from
/// `Placeholder.fields`, the template view from `SiteRenderer.viewSchema` (the typed views). REFKIT_UPDATE_DOCS=1 rewrites them.
final class DocsTests: XCTestCase {
    static let format = Fixtures.repositoryRoot + "/docs/FORMAT.md"

    /// The README is a front door (issue 31): under 120 lines, the two commands near the top, every
    /// command a line, the reference in docs/ (each linked file exists).
    func testTheReadmeIsAFrontDoor() throws {
        let readme = try String(contentsOfFile: Fixtures.repositoryRoot + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertLessThan(lines.count, 120)
        let setup = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("scripts/setup ") })
        XCTAssertEqual(lines[setup + 1].prefix(13), "scripts/test ")
        XCTAssertLessThan(setup, 30, "the two commands come first")
        for command in ["init", "new", "check", "serve", "build", "deploy", "list", "report"] {
            XCTAssertEqual(lines.filter { $0.hasPrefix("refkit \(command) ") }.count, 1, command)
        }
        for link in readme.matches(of: /\]\((docs\/[^)#]+)/) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Fixtures.repositoryRoot + "/" + link.1), String(link.1))
        }
    }

    /// Issue 33: every shipped sentence that inserts a name (`{site}`, `{source}`, `{name}`), per
    /// language, in one file a reviewer reads (docs/NAMES-IN-SENTENCES.md, generated: a language
    /// that declines names, Polish, needs each one where no case ending is asked for).
    func testTheSentencesThatInsertANameAreListedForReview() throws {
        var text = "# Sentences that insert a name\n\nGenerated from refkit's word tables "
            + "(`REFKIT_UPDATE_DOCS=1 swift test --filter DocsTests` rewrites it): every sentence, per language, "
            + "that puts a name (`{site}`, `{source}`, `{name}`) into its text. In a language that declines "
            + "names (Polish), each should stand where no case ending is asked for: after a colon, or beside "
            + "a noun that takes the case (`z firmą {site}`).\n"
        for language in BuiltInWords.texts.keys.sorted() {
            text += "\n## \(language)\n\n"
            let table = try XCTUnwrap(BuiltInWords.table(language))
            for key in table.keys.sorted() where ["{site}", "{source}", "{name}"].contains(where: table[key]!.contains) {
                text += "- `\(key)`: \(table[key]!)\n"
            }
        }
        let path = Fixtures.repositoryRoot + "/docs/NAMES-IN-SENTENCES.md"
        if ProcessInfo.processInfo.environment["REFKIT_UPDATE_DOCS"] == "1" {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } else {
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text, "REFKIT_UPDATE_DOCS=1 swift test --filter DocsTests rewrites it")
        }
        // Polish: a name after a preposition or a verb that declines it is the mistake to avoid.
        let polish = try XCTUnwrap(BuiltInWords.table("pl"))
        for (key, sentence) in polish where sentence.contains("{site}") || sentence.contains("{source}") {
            XCTAssertNil(sentence.firstMatch(of: /\b(z|do|przez|polecić|przedstawić|Sieć|Notatki) \{(site|source)\}/), "pl \(key): \(sentence)")
        }
    }

    /// Every field a template may use says what it holds (docs/FORMAT.md's tables).
    func testEveryFieldOfTheViewIsDescribed() {
        XCTAssertEqual(SiteRenderer.viewSchema.undocumented, [], "add these to their view's `about`")
    }

    func testTheGeneratedPartsOfTheKitReferenceMatchTheCode() throws {
        var text = try String(contentsOfFile: Self.format, encoding: .utf8)
        for (name, generated) in [("placeholders", Placeholder.documentation), ("templates", try Self.templateFields()),
                                  ("view", SiteRenderer.viewSchema.documentation)] {
            guard let start = text.range(of: "<!-- \(name):"), let startLine = text[start.upperBound...].firstIndex(of: "\n"),
                  let end = text.range(of: "<!-- end \(name) -->") else {
                return XCTFail("docs/FORMAT.md has no <!-- \(name): … --> … <!-- end \(name) --> block")
            }
            let written = String(text[text.index(after: startLine)..<end.lowerBound])
            if ProcessInfo.processInfo.environment["REFKIT_UPDATE_DOCS"] == "1" {
                text.replaceSubrange(text.index(after: startLine)..<end.lowerBound, with: generated)
            } else {
                XCTAssertEqual(written, generated, "docs/FORMAT.md's \(name) list is not the code's: REFKIT_UPDATE_DOCS=1 swift test rewrites it")
            }
        }
        if ProcessInfo.processInfo.environment["REFKIT_UPDATE_DOCS"] == "1" {
            try Data(text.utf8).write(to: URL(fileURLWithPath: Self.format))
        }
    }

    /// Which top-level fields each built-in template sees, from the example kit's files: the
    /// fields every template has, then a line per template with its own.
    static func templateFields() throws -> String {
        let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.repositoryRoot).load()
        let validated = KitValidator.validate(loaded, on: Day(fixtureDate)!)
        let kit = try XCTUnwrap(validated.kit), templates = try XCTUnwrap(validated.templates)
        let fields = SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!, ledger: validated.ledger).fieldsByTemplate()
        let order = SiteRenderer.viewSchema.topLevelOrder
        func list(_ names: Set<String>) -> String { order.filter(names.contains).map { "`\($0)`" }.joined(separator: ", ") }
        let common = fields.values.reduce(Set(order)) { $0.intersection($1) }
        var text = "| Template | Its own fields (besides those of every template) |\n|---|---|\n"
        text += "| every template | \(list(common)) |\n"
        for template in DefaultTemplates.rendered.sorted() where fields[template] != nil {
            text += "| `\(template)` | \(list(fields[template]!.subtracting(common))) |\n"
        }
        return text
    }
}
