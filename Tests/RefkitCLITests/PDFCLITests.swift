import Foundation
import RefkitTestTools
import XCTest

/// `refkit build --pdf`, run as users run it (the release binary in `scripts/test`'s second pass).
final class PDFCLITests: XCTestCase {
    private func kitCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-pdf-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    /// Without Chromium on PATH, `--pdf` names the package to install and writes nothing.
    func testWithoutChromiumTheBuildNamesThePackage() throws {
        let kit = try kitCopy()
        let result = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--date", "2026-11-23"], in: kit,
                                    environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "refkit: --pdf prints with headless Chromium, which is not installed: install Debian's package "
            + "chromium-headless-shell (sudo apt-get install chromium-headless-shell), or chromium, or set REFKIT_CHROMIUM to its program\n")
        XCTAssertEqual(result.output, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))
    }

    /// Every handout and offer gets its PDF, one page each, in the output and in the source's zip;
    /// the second build finds nothing changed.
    func testBuildPDFBundle() throws {
        let pdfinfo = try ExternalTool.pdfinfo.require()
        _ = try ExternalTool.chromium.require()
        let kit = try kitCopy()
        let environment = ["PATH": "/usr/bin:/bin"]
        let result = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--bundle", "--date", "2026-11-23"], in: kit,
                                    environment: environment)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("refkit: built 2 kits, 17 pages for 2026-11-23 in "), result.output)
        let output = kit + "/output"
        let files = try FileManager.default.subpathsOfDirectory(atPath: output)
        let printed = files.filter { $0.hasSuffix("/handout.html") || ($0.contains("/offers/") && $0.hasSuffix(".html")) }
        let pdfs = files.filter { $0.hasSuffix(".pdf") }
        XCTAssertEqual(Set(pdfs), Set(printed.map { $0.replacingOccurrences(of: ".html", with: ".pdf") }))
        XCTAssertGreaterThanOrEqual(pdfs.count, 4)
        for pdf in pdfs {
            let info = try runProcess(pdfinfo, [output + "/" + pdf])
            XCTAssertTrue(info.output.contains("\nPages:           1\n"), "\(pdf): \(info.output)")
        }
        for source in ["cara", "bolt-partners"] {
            let listing = try runProcess("/usr/bin/unzip", ["-Z1", "\(output)/bundles/\(source).zip"]).output.split(separator: "\n").map(String.init)
            XCTAssertEqual(Set(listing.filter { $0.hasSuffix(".pdf") }), Set(pdfs.filter { $0.hasPrefix(source + "/") }))
        }
        let again = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--bundle", "--date", "2026-11-23"], in: kit,
                                   environment: environment)
        XCTAssertTrue(again.output.hasPrefix("refkit: nothing changed since the last build"), again.output)
    }
}
