import Foundation
import RefkitBuild
import RefkitTemplates
import XCTest

/// Builds fixture kits and compares the whole output tree with a committed golden tree: a missing
/// file, an extra file or a changed byte fails. Run with REFKIT_UPDATE_GOLDEN=1 to rewrite the
/// golden trees after an intended change, then review the diff. Every kit is built in both render
/// modes (by shape, and directly: `REFKIT_RENDER=direct`), which must give the same tree.
final class GoldenTests: XCTestCase {
    func testBasicKitMatchesGoldenTree() throws {
        for mode in RenderMode.allCases { try assertGolden(kit: "basic", mode: mode) }
    }

    /// Sources that share shapes (three customers and three partners alike but for their values),
    /// so that files are really filled from skeletons.
    func testSharedShapesKitMatchesGoldenTree() throws {
        for mode in RenderMode.allCases { try assertGolden(kit: "shapes", mode: mode) }
    }

    /// A kit in German with a reader in French, and a kit in Arabic (right to left) with a reader
    /// whose name is Latin: every word refkit writes is in the reader's language.
    func testGermanKitMatchesGoldenTree() throws {
        for mode in RenderMode.allCases { try assertGolden(kit: "german", mode: mode) }
    }

    func testArabicKitMatchesGoldenTree() throws {
        for mode in RenderMode.allCases { try assertGolden(kit: "arabic", mode: mode) }
    }

    /// What partners pass on: a library guide (translated for a German-reading partner) and a
    /// seminar for everyone, and a network blog of eleven posts (two index pages), a third by a
    /// partner with a website, and one dated after the build (not published).
    func testLibraryAndNetworkKitMatchesGoldenTree() throws {
        for mode in RenderMode.allCases { try assertGolden(kit: "network", mode: mode) }
    }

    func testGoldenComparisonFailsOnMissingAndExtraFiles() throws {
        // The comparison itself must be able to fail: check it against doctored trees.
        let expected = ["a.html": Data("a".utf8), "b/c.html": Data("c".utf8)]
        XCTAssertEqual(treeDifferences(expected: expected, actual: expected), [])
        var missing = expected
        missing["b/c.html"] = nil
        XCTAssertEqual(treeDifferences(expected: expected, actual: missing), ["missing: b/c.html"])
        var extra = expected
        extra["d.html"] = Data()
        XCTAssertEqual(treeDifferences(expected: expected, actual: extra), ["unexpected: d.html"])
        var changed = expected
        changed["a.html"] = Data("A".utf8)
        XCTAssertEqual(treeDifferences(expected: expected, actual: changed), ["differs: a.html"])
    }

    private func assertGolden(kit: String, mode: RenderMode, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try temporaryDirectory(self) + "/output"
        var request = BuildRequest(kitDirectory: Fixtures.kit(kit), outputDirectory: output, date: fixtureDate)
        request.renderMode = mode
        let outcome = testBuilder().build(request)
        XCTAssertNotNil(outcome.summary, "build failed: \(outcome.lines)", file: file, line: line)
        let golden = Fixtures.root + "/golden/" + kit
        // The marker records this build (its fingerprint covers refkit's own binary): not content.
        let actual = try snapshot(output).filter { $0.key != OutputWriter.marker }
        if ProcessInfo.processInfo.environment["REFKIT_UPDATE_GOLDEN"] == "1", mode == .shape {
            try? FileManager.default.removeItem(atPath: golden)
            for (path, data) in actual {
                try FileManager.default.createDirectory(atPath: ((golden + "/" + path) as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: golden + "/" + path))
            }
            return
        }
        let expected = try snapshot(golden)
        XCTAssertFalse(expected.isEmpty, "no golden tree at \(golden)", file: file, line: line)
        let differences = treeDifferences(expected: expected, actual: actual)
        XCTAssertEqual(differences, [], "\(mode) rendering differs from \(golden) (REFKIT_UPDATE_GOLDEN=1 rewrites it)", file: file, line: line)
        for path in differences.filter({ $0.hasPrefix("differs: ") }).map({ String($0.dropFirst(9)) }) {
            XCTAssertEqual(String(decoding: actual[path]!, as: UTF8.self), String(decoding: expected[path]!, as: UTF8.self),
                           path, file: file, line: line)
        }
    }
}

/// Differences between two trees, one line per path: missing, unexpected, or differs.
func treeDifferences(expected: [String: Data], actual: [String: Data]) -> [String] {
    var lines: [String] = []
    for path in Set(expected.keys).union(actual.keys).sorted() {
        switch (expected[path], actual[path]) {
        case (nil, _): lines.append("unexpected: \(path)")
        case (_, nil): lines.append("missing: \(path)")
        case let (e?, a?) where e != a: lines.append("differs: \(path)")
        default: break
        }
    }
    return lines
}
