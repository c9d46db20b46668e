import Foundation
import RefkitTestTools
import XCTest

/// Every page as its readers meet it (docs/FORMAT.md, "Reaching every reader"): the example kit and
/// the awkward-cases kit are built and reported by the binary under test, then audited in Chromium
/// by Fixtures/tools/reader_audit.py: axe-core (WCAG 2.0–2.2 A and AA, best practice) with no
/// violation, no sideways scroll at 320 or 375 px, one <h1>, a skip link, the e-mail's images and
/// dark mode; and every logo of the awkward kit drawn large enough to read.
final class ReaderAuditTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RefkitBuildTests/Fixtures").path
    private static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func testTheExampleKitHasNoFindings() throws {
        let lines = try audit(kit: Self.repositoryRoot, folders: ["content", "templates"], site: "https://kits.northwind.example")
        XCTAssertEqual(lines.last, "78 pages audited, 0 findings", lines.joined(separator: "\n"))
    }

    func testTheAwkwardKitHasNoFindingsAndReadableLogos() throws {
        let lines = try audit(kit: Self.fixtures + "/kits/awkward", folders: ["content"], site: "https://kits.sonnenhof.example")
        XCTAssertEqual(lines.last, "86 pages audited, 0 findings", lines.joined(separator: "\n"))
        // `logo PAGE WIDTHxHEIGHT ALT`, measured at 375 px on each source's home.
        var logos: [String: (width: Int, height: Int)] = [:]
        for line in lines where line.hasPrefix("logo ") && line.contains("/index.html ") && !line.contains("/network/") {
            let parts = line.split(separator: " ", maxSplits: 3)
            let size = parts[2].split(separator: "x").compactMap { Int($0) }
            logos[String(parts[3])] = (size[0], size[1])
        }
        XCTAssertEqual(logos.count, 6, "\(logos)")
        for (alt, size) in logos {
            // Every logo gets about the same area (4,800 px², less where a phone is narrower).
            XCTAssertGreaterThanOrEqual(size.width * size.height, 3_500, "\(alt): \(size)")
            XCTAssertGreaterThanOrEqual(min(size.width, size.height), 18, "\(alt): \(size)")
        }
        let wide = try XCTUnwrap(logos["Praxisgemeinschaft Dr. med. Hofmann-Schönberger & Kolleginnen"])
        XCTAssertGreaterThanOrEqual(wide.width, 260, "a 15:1 logo is drawn wide")
        let tall = try XCTUnwrap(logos["Tall Tower Architects"])
        XCTAssertGreaterThanOrEqual(tall.height, 90, "a 1:4 logo is drawn tall")
        let square = try XCTUnwrap(logos["Square & Co"])
        XCTAssertEqual(square.width, square.height)
    }

    /// Builds and reports a copy of the kit with the binary under test, then audits the output and
    /// the report; returns what the audit printed, line by line.
    private func audit(kit source: String, folders: [String], site: String) throws -> [String] {
        try requirePython(["playwright", "axe_playwright_python"], chromium: true)
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-audit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: kit, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        for folder in folders {
            try FileManager.default.copyItem(atPath: source + "/" + folder, toPath: kit + "/" + folder)
        }
        for command in [["build", "--date", "2026-11-29"], ["report", "--date", "2026-11-29"]] {
            let run = try runProcess(RefkitUnderTest.path, command, in: kit)
            XCTAssertEqual(run.status, 0, run.output + run.error)
        }
        let audit = try runProcess("/usr/bin/env", ["python3", Self.fixtures + "/tools/reader_audit.py", "--logos", "--site", site, kit + "/output",
                                             kit + "/output", kit + "/private/report/index.html"], in: kit)
        XCTAssertEqual(audit.status, 0, audit.output + audit.error)
        return audit.output.split(separator: "\n").map(String.init)
    }
}
