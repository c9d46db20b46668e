import Foundation
@testable import RefkitBuild
import RefkitModel
import XCTest

/// The YAML trees a build parsed are kept in the kit's cache (`.refkit-cache/yaml-trees`) and read
/// back by the next build: a tree read back is the tree parsed, a store that does not read (or
/// another refkit's) is parsed again, and a build whose YAML did not change writes nothing there.
final class ParseStoreTests: XCTestCase {
    /// Every YAML file and front matter of the fixture kits, and YAML written to be awkward.
    private func documents() throws -> [(file: String, text: String, lineOffset: Int)] {
        var documents: [(file: String, text: String, lineOffset: Int)] = []
        for kit in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/kits").sorted() {
            let folder = Fixtures.kit(kit)
            for relative in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
                let text = (try? String(contentsOfFile: folder + "/" + relative, encoding: .utf8)) ?? ""
                if relative.hasSuffix(".yml") {
                    documents.append(("\(kit)/\(relative)", text, 0))
                } else if relative.hasSuffix(".md"), text.hasPrefix("---\n"), let close = text.range(of: "\n---\n") {
                    documents.append(("\(kit)/\(relative)", String(text[text.index(text.startIndex, offsetBy: 4)..<close.lowerBound]), 1))
                }
            }
        }
        let long = String(repeating: "é long value ", count: 40)
        documents += [
            ("empty.yml", "", 0),
            ("comment.yml", "# nothing but a comment\n", 0),
            ("awkward.yml", "\"quoted key\": 'single'\nplain: text\nblock: |\n  two\n  lines\nfolded: >\n  a\n  b\nlist: [1, 'two', \"3\"]\n"
                + "nested:\n  - a: 1\n    b: [x, {y: z}]\n  - ~\nempty:\nlong: \(long)\nانتخاب: نعم\n\u{1F600}: emoji\n", 0),
            ("deep.yml", String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n", 0),
            ("deeper.yml", String(repeating: "[", count: 250) + String(repeating: "]", count: 250) + "\n", 0),
            ("anchors.yml", "a: &x {k: v}\nb: *x\n", 0),
            ("far.yml", String(repeating: "\n", count: 70_000) + "key: value at line 70001\n", 5),
        ]
        return documents
    }

    func testATreeReadBackIsTheTreeParsed() throws {
        let kit = try temporaryDirectory(self)
        let documents = try documents()
        XCTAssertGreaterThan(documents.count, 60)
        let first = ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: true)
        for document in documents {
            XCTAssertEqual(first.parse(document.text, file: document.file, lineOffset: document.lineOffset),
                           YAMLParsing.parse(document.text, file: document.file, lineOffset: document.lineOffset), document.file)
        }
        first.save()
        let second = ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: true)
        XCTAssertEqual(second.keptFiles, Set(documents.map(\.file)).subtracting(["deeper.yml"]),
                       "every parse is kept, but a tree too deep to read back without deep recursion")
        for document in documents {
            let parsed = YAMLParsing.parse(document.text, file: document.file, lineOffset: document.lineOffset)
            XCTAssertEqual(second.parse(document.text, file: document.file, lineOffset: document.lineOffset), parsed, document.file)
            XCTAssertEqual(second.wasReadBack(document.file), document.file != "deeper.yml", document.file)
            // The same file with other text, or starting on another line, is parsed again.
            let edited = document.text + "\nadded: 1\n"
            XCTAssertEqual(second.parse(edited, file: document.file, lineOffset: document.lineOffset),
                           YAMLParsing.parse(edited, file: document.file, lineOffset: document.lineOffset), document.file)
            XCTAssertFalse(second.wasReadBack(document.file), document.file)
            XCTAssertEqual(second.parse(document.text, file: document.file, lineOffset: document.lineOffset + 1),
                           YAMLParsing.parse(document.text, file: document.file, lineOffset: document.lineOffset + 1), document.file)
        }
    }

    func testAStoreThatDoesNotReadIsParsedAgain() throws {
        let kit = try temporaryDirectory(self)
        let text = "name: Cara\nlist: [a, b]\nmap: {k: v}\n"
        let parsed = YAMLParsing.parse(text, file: "content/sources/cara.yml", lineOffset: 0)
        let store = ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: true)
        _ = store.parse(text, file: "content/sources/cara.yml", lineOffset: 0)
        store.save()
        let path = kit + "/" + ParseStore.file
        let good = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let header = good.firstIndex(of: 0x0A)! + 1
        XCTAssertTrue(ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false).parse(text, file: "content/sources/cara.yml", lineOffset: 0) == parsed)
        // Every byte of the record changed in turn, and the record cut short at every length: the
        // answer is always the parse's.
        for index in header..<good.count {
            for value: UInt8 in [0x00, 0xFF, good[index] ^ 0x01] {
                var bytes = good
                bytes[index] = value
                try bytes.write(to: URL(fileURLWithPath: path))
                let damaged = ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false)
                XCTAssertEqual(damaged.parse(text, file: "content/sources/cara.yml", lineOffset: 0), parsed, "byte \(index) = \(value)")
                XCTAssertEqual(damaged.wasReadBack("content/sources/cara.yml"), bytes == good)
            }
        }
        for length in header..<good.count {
            try good.prefix(length).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false)
                .parse(text, file: "content/sources/cara.yml", lineOffset: 0), parsed, "cut at \(length)")
        }
        // Another refkit's store: ignored whole.
        try (Data("refkit yaml-trees 1 another refkit\n".utf8) + good.suffix(from: header)).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false).keptFiles, [])
    }

    func testABuildKeepsTheTreesAndOneThatChangedNoYAMLWritesNothing() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let store = kit + "/" + ParseStore.file
        let kept = ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false).keptFiles
        XCTAssertTrue(kept.contains("content/site.yml"))
        XCTAssertTrue(kept.contains("content/sources/cara.yml"), "\(kept.sorted())")
        XCTAssertTrue(kept.contains { $0.hasPrefix("content/kit/") }, "front matter too")
        let before = try snapshot(kit + "/output")

        let held = try fileNumber(store)
        XCTAssertNotNil(try buildWholeAgain(kit))
        XCTAssertEqual(try fileNumber(store), held, "nothing new: the store not written")
        XCTAssertEqual(try snapshot(kit + "/output"), before, "the same bytes from the stored trees")

        // A source file gone: its tree goes at the next build; a source edited: its tree is new.
        try FileManager.default.removeItem(atPath: kit + "/content/sources/cara.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        XCTAssertFalse(ParseStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false).keptFiles.contains("content/sources/cara.yml"))

        // `refkit check` reads the store and writes nothing there.
        let checked = try fileNumber(store)
        try write("name: Broken\nsegment: [\n", to: kit + "/content/sources/broken.yml")
        let diagnostics = try testBuilder().check(BuildRequest(kitDirectory: kit, date: fixtureDate)).get().validated.diagnostics
        XCTAssertEqual(try fileNumber(store), checked)
        // A file that does not parse is reported the same whatever the store holds, every time.
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.diagnostics, diagnostics)
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).diagnostics, diagnostics)
    }
}
