import Foundation
import RefkitBuild
import XCTest
import ZIPFoundation

final class BundleTests: XCTestCase {
    private func entries(_ zip: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: zip), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    func testEachSourceGetsAZipOfItsFolderAndTheAssetsItLinksTo() throws {
        let kit = try copyOfKit("basic", self)
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, bundle: true))
        XCTAssertEqual(outcome.lines, [])
        let output = try snapshot(kit + "/output")
        XCTAssertEqual(output.keys.filter { $0.hasPrefix("bundles/") }.sorted(), ["bundles/bolt-partners.zip", "bundles/cara.zip"])

        let cara = try entries(kit + "/output/bundles/cara.zip")
        let expected = output.filter { $0.key.hasPrefix("cara/") }
            .merging(["assets/refkit.css", "assets/acme.svg", "assets/email/acme.png", "assets/img/dot.svg"].map { ($0, output[$0]!) }) { a, _ in a }
        XCTAssertEqual(treeDifferences(expected: expected, actual: cara), [],
                       "the source's files and the assets they link to, byte for byte; not another partner's logo")
        let bolt = try entries(kit + "/output/bundles/bolt-partners.zip")
        XCTAssertNotNil(bolt["assets/bolt.svg"])
        XCTAssertNotNil(bolt["assets/email/bolt.png"], "the e-mail's picture of the logo")
        XCTAssertNil(bolt["assets/extra.css"], "an asset no page links to stays out")
    }

    func testBundlesAreByteIdenticalAcrossBuilds() throws {
        let kit = try copyOfKit("basic", self)
        let first = try temporaryDirectory(self) + "/one", second = try temporaryDirectory(self) + "/two"
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: first, date: fixtureDate, bundle: true)).summary)
        Thread.sleep(forTimeInterval: 1.1)  // a clock-dependent timestamp would now differ
        XCTAssertNotNil(testBuilder(fileSystem: ReversedListingFileSystem())
            .build(BuildRequest(kitDirectory: kit, outputDirectory: second, date: fixtureDate, bundle: true)).summary)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first + "/bundles/cara.zip")),
                       try Data(contentsOf: URL(fileURLWithPath: second + "/bundles/cara.zip")))
    }

    func testNoBundlesWithoutTheFlag() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output/bundles"))
    }
}
