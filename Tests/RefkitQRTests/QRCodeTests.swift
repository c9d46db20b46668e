import Foundation
import RefkitQR
import RefkitTestTools
import XCTest

final class QRCodeTests: XCTestCase {
    let link = "https://northwind.example/start?ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=referral-kit"

    func testSVGHasAQuietZoneOfFourModulesAndOneMergedPath() throws {
        let modules = try XCTUnwrap(QRCode.modules(for: link))
        let size = modules.count + 8
        let svg = try XCTUnwrap(QRCode.svg(for: link))
        XCTAssertTrue(svg.contains("viewBox=\"0 0 \(size) \(size)\""), svg)
        XCTAssertEqual(svg.components(separatedBy: "<path").count - 1, 1)
        XCTAssertFalse(svg.contains("M0 ") || svg.contains("M1 ") || svg.contains("M2 ") || svg.contains("M3 "),
                       "no module inside the quiet zone")
        XCTAssertTrue(modules[0][0] && modules[0][6] && modules[6][0], "finder pattern in the corner")
    }

    func testSameTextGivesTheSameBytes() {
        XCTAssertEqual(QRCode.svg(for: link), QRCode.svg(for: link))
    }

    func testZbarDecodesExactlyTheText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (index, text) in [link, "https://x.example/?q=%C3%A9t%C3%A9&utm_campaign=spring%202026#book", "HELLO"].enumerated() {
            let path = directory + "/\(index).svg"
            try XCTUnwrap(QRCode.svg(for: text)).write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(try ExternalTool.decodeQR(svg: path), [text])
        }
    }

    /// The renderer encodes on every core at once, without a lock: each code made concurrently is
    /// the one made alone.
    func testEncodingOnManyThreadsAtOnceGivesTheSameCodes() {
        let texts = (0..<64).map { "https://northwind.example/start?ref=SRC\($0)&utm_source=source-\($0)" }
        let alone = texts.map { QRCode.svg(for: $0) }
        let results = Results(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { results.set($0, QRCode.svg(for: texts[$0])) }
        XCTAssertEqual(results.values, alone)
        XCTAssertEqual(Set(alone).count, texts.count)
    }

    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ value: String?) { lock.withLock { stored[index] = value } }
        var values: [String?] { lock.withLock { stored } }
    }

    func testTooLongForAnyVersionIsNil() {
        XCTAssertNil(QRCode.svg(for: String(repeating: "x", count: 5000)))
    }
}
