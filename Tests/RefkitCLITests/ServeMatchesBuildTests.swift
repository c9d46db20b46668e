import Foundation
import RefkitTestTools
import XCTest

/// `refkit serve` answers every path `refkit build` writes with the build's bytes, and 404 for any
/// other (Fixtures/tools/serve_matches_build.py), on the kits a newcomer meets first: the ones
/// `refkit init` writes (with their own `templates/assets/refkit.css`), in every shipped language, and
/// the fixture kits.
final class ServeMatchesBuildTests: XCTestCase {
    private func serveMatchesBuild(_ kit: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let check = try runProcess("/usr/bin/env", ["python3", CLITests.fixtures + "/tools/serve_matches_build.py", RefkitUnderTest.path, kit])
        let (output, errors) = (check.output, check.error)
        XCTAssertEqual(check.status, 0, "\(kit): " + output + errors, file: file, line: line)
        XCTAssertTrue(output.contains(", 0 differences"), output, file: file, line: line)
    }

    func testAKitFromInitIsServedAsItIsBuiltStyleSheetIncluded() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-journey-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        for language in ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "ar"] {  // every shipped language
            let made = Process()
            made.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
            made.arguments = ["init", language, "--language", language]
            made.currentDirectoryURL = URL(fileURLWithPath: parent)
            made.standardOutput = FileHandle.nullDevice
            try made.run()
            made.waitUntilExit()
            XCTAssertEqual(made.terminationStatus, 0)
            XCTAssertTrue(FileManager.default.fileExists(atPath: "\(parent)/\(language)/templates/assets/refkit.css"))
            try serveMatchesBuild("\(parent)/\(language)")
        }
    }

    func testTheFixtureKitsAreServedAsTheyAreBuilt() throws {
        for name in ["basic", "network", "awkward", "arabic"] {
            let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-served-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/" + name, toPath: kit)
            addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
            try serveMatchesBuild(kit)
        }
    }

    /// After each of a dozen edits (a source, a page, an offer, a template, a theme file, a logo, a
    /// post, a translation, site.yml, a source added, renamed, a page removed), serve answers what a
    /// build then writes, and 404 for what it no longer writes (Fixtures/tools/serve_edits_match_build.py).
    func testThroughADozenEditsServeStillAnswersWhatTheBuildWrites() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-edits-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        let made = try runProcess(RefkitUnderTest.path, ["init", "fresh"], in: parent)
        XCTAssertEqual(made.status, 0, made.error)
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/network", toPath: parent + "/network")
        for kit in ["fresh", "network"] {
            let check = try runProcess("/usr/bin/env", ["python3", CLITests.fixtures + "/tools/serve_edits_match_build.py", RefkitUnderTest.path,
                                                        parent + "/" + kit])
            XCTAssertEqual(check.status, 0, "\(kit): " + check.output + check.error)
            let checked = check.output.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
            XCTAssertGreaterThanOrEqual(checked, 10, "edits checked: " + check.output)
        }
    }
}
