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

    /// The path, read back stroke by stroke (each `h` a row of squares a module high, centred on
    /// the pen's row), covers exactly the dark modules, each once, none in the quiet zone.
    func testThePathDrawsExactlyTheDarkModules() throws {
        for text in [link, "HELLO", String(repeating: "refkit ", count: 300)] {
            let modules = try XCTUnwrap(QRCode.modules(for: text))
            let svg = try XCTUnwrap(QRCode.svg(for: text))
            XCTAssertTrue(svg.contains("<path stroke=\"#000\" d=\""), svg)
            let d = try XCTUnwrap(svg.components(separatedBy: " d=\"").last?.components(separatedBy: "\"").first)
            var drawn = Array(repeating: Array(repeating: false, count: modules.count + 8), count: modules.count + 8)
            var x = 0.0, y = 0.0
            let scanner = Scanner(string: d)
            while !scanner.isAtEnd {
                let command = try XCTUnwrap(scanner.scanCharacter())
                switch command {
                case "M": x = try XCTUnwrap(scanner.scanDouble()); _ = scanner.scanString(" "); y = try XCTUnwrap(scanner.scanDouble())
                case "m": x += try XCTUnwrap(scanner.scanDouble()); _ = scanner.scanString(" "); XCTAssertEqual(scanner.scanDouble(), 0)
                case "h":
                    let run = try XCTUnwrap(scanner.scanInt())
                    XCTAssertGreaterThan(run, 0)
                    XCTAssertEqual(y - y.rounded(.down), 0.5, "a stroke runs along a row's middle")
                    for column in Int(x)..<(Int(x) + run) {
                        XCTAssertFalse(drawn[Int(y)][column], "module \(column),\(Int(y)) drawn twice")
                        drawn[Int(y)][column] = true
                    }
                    x += Double(run)
                default: XCTFail("unexpected path command \(command) in \(text)")
                }
            }
            let expected = (0..<(modules.count + 8)).map { row in
                (0..<(modules.count + 8)).map { column in
                    (4..<(modules.count + 4)).contains(row) && (4..<(modules.count + 4)).contains(column) && modules[row - 4][column - 4]
                }
            }
            XCTAssertEqual(drawn, expected, text)
        }
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
