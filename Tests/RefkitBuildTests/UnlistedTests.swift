import Foundation
import RefkitBuild
import XCTest

/// FORMAT.md's unlisted kits: folders named S- and 12 hex digits of HMAC-SHA256(REFKIT_SECRET, S),
/// noindex on every page, no directory page, and no build without the secret.
final class UnlistedTests: XCTestCase {
    private func unlistedKit() throws -> String {
        let kit = try copyOfKit("basic", self)
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try write(site + "unlisted: true\n", to: kit + "/content/site.yml")
        return kit
    }

    func testFoldersAreKeyedHashesEveryPageIsNoindexAndThereIsNoDirectory() throws {
        let kit = try unlistedKit()
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, secret: "sekret"))
        XCTAssertEqual(outcome.lines, [])
        let files = try snapshot(kit + "/output")
        // Checked independently: python3 -c "import hmac,hashlib; print(hmac.new(b'sekret', b'harbor-street-law', hashlib.sha256).hexdigest()[:12])"
        XCTAssertEqual(UnlistedName.folder(for: "harbor-street-law", secret: "sekret"), "harbor-street-law-86ba9adac256")
        let folders = Set(files.keys.compactMap { $0.split(separator: "/").first.map(String.init) })
        XCTAssertEqual(folders, [OutputWriter.marker, "assets",
                                 UnlistedName.folder(for: "bolt-partners", secret: "sekret"),
                                 UnlistedName.folder(for: "cara", secret: "sekret")])
        XCTAssertNil(files["index.html"], "no directory page")
        let pages = files.filter { $0.key.hasSuffix(".html") }
        XCTAssertEqual(pages.count, 16)
        for (path, data) in pages {
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex\">"), path)
        }
    }

    func testAnUnlistedKitWithoutTheSecretIsAnError() throws {
        let kit = try unlistedKit()
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, secret: ""))
        XCTAssertEqual(outcome.lines, [
            "content/site.yml:11:11: error: unlisted: true needs the environment variable REFKIT_SECRET (the key that makes each kit's folder name unguessable)",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))
    }

    func testAListedKitIgnoresTheSecret() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, secret: "sekret")).summary)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/cara/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/index.html"))
    }
}
