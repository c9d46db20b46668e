import Foundation
@testable import RefkitBuild
import RefkitQR
import XCTest

/// The QR codes a build encoded are kept in the kit's cache (`.refkit-cache/qr-codes`) and read
/// back by the next build, which writes the same bytes; a store from another libqrencode, or one
/// that does not read, is ignored; a whole build keeps only the codes it used.
final class QRStoreTests: XCTestCase {
    func testAStoredCodeIsTheCodeEncoded() throws {
        let kit = try temporaryDirectory(self)
        let links = ["https://northwind.example/start?ref=CARA&utm_source=cara", "https://x.example/r/ÜBER", "a b c"]
        let first = QRStore(kitDirectory: kit, fileSystem: DiskFileSystem())
        for link in links { XCTAssertEqual(first.modules(for: link), QRCode.encode(link)) }
        first.save(pruning: true)
        let text = try String(contentsOfFile: kit + "/" + QRStore.file, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("refkit qr-codes 2 libqrencode " + QRCode.encoderVersion + "\n"), text)
        XCTAssertEqual(QRStore.read(text)?.count, 3)
        let second = QRStore(kitDirectory: kit, fileSystem: DiskFileSystem())
        for link in links {
            let code = try XCTUnwrap(second.modules(for: link))
            XCTAssertEqual(QRCode.svg(of: code, label: "L"), QRCode.svg(for: link, label: "L"))
        }
    }

    func testAStoreThatDoesNotReadIsIgnoredWhole() throws {
        let good = "refkit qr-codes 2 libqrencode " + QRCode.encoderVersion + "\n"
        let code = try XCTUnwrap(QRCode.encode("x"))
        let hex = code.bits.map { String(format: "%02x", $0) }.joined()
        let line = "21 \(hex) x\n"
        XCTAssertEqual(QRStore.read(good + line)?["x"], code)
        XCTAssertNil(QRStore.read("refkit qr-codes 2 libqrencode 0.0.1\n" + line), "another libqrencode's codes")
        XCTAssertNil(QRStore.read(good + line + "25 \(hex) y\n"), "bits that are not a 25-wide code's")
        XCTAssertNil(QRStore.read(good + line + "garbage\n"))
        XCTAssertNil(QRStore.read(good + String(line.dropLast())), "a cut-off last line")
        XCTAssertNil(QRStore.read(good + "22 \(hex) x\n"), "no version is 22 wide")
        XCTAssertNil(QRStore.read(good + "21 " + String(repeating: "z", count: hex.count) + " x\n"), "digits that are not hex")
    }

    func testAWholeBuildKeepsOnlyTheCodesItUsedAndTheNextWritesTheSameBytes() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let store = kit + "/" + QRStore.file
        let kept = try XCTUnwrap(QRStore.read(String(contentsOfFile: store, encoding: .utf8)))
        XCTAssertEqual(kept.count, try FileManager.default.contentsOfDirectory(atPath: kit + "/content/sources").count,
                       "one code a source")
        let before = try snapshot(kit + "/output")

        // A whole build that used exactly the codes held leaves the store as it is (a store is
        // replaced by a new file, so the same file means nothing was written).
        let held = try fileNumber(store)
        XCTAssertNotNil(try buildWholeAgain(kit))
        XCTAssertEqual(try fileNumber(store), held, "nothing new: the store not written")

        // A code of a past kit (no source's link) goes at the next whole build.
        var text = try String(contentsOfFile: store, encoding: .utf8)
        text += "21 \(try XCTUnwrap(QRCode.encode("gone")).bits.map { String(format: "%02x", $0) }.joined()) https://gone.example/\n"
        try text.write(toFile: store, atomically: true, encoding: .utf8)
        XCTAssertNotNil(try buildWholeAgain(kit))
        XCTAssertEqual(try snapshot(kit + "/output"), before, "the same bytes from the stored codes")
        XCTAssertEqual(QRStore.read(try String(contentsOfFile: store, encoding: .utf8))?.count, kept.count, "the unused code pruned")

        try "refkit qr-codes 2 libqrencode 0\nnonsense\n".write(toFile: store, atomically: true, encoding: .utf8)
        XCTAssertNotNil(try buildWholeAgain(kit))
        XCTAssertEqual(try snapshot(kit + "/output"), before, "a store that does not read: encoded again")
        XCTAssertEqual(QRStore.read(try String(contentsOfFile: store, encoding: .utf8))?.count, kept.count, "and written anew")
    }
}
