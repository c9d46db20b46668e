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
        XCTAssertEqual(pages.count, 18)
        for (path, data) in pages {
            XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("<meta name=\"robots\" content=\"noindex\">"), path)
        }
    }

    /// `rsync` or a drag-and-drop upload of output/ publishes every file in it: none may name a
    /// source's slug, and no source's folder may name another's (the build's manifest, which maps
    /// each slug to its folder, is kept beside output/, issue 29), after a whole build and after a
    /// rebuild of one source.
    func testNothingUnderOutputNamesASlugOrAnotherSourcesFolder() throws {
        let kit = try unlistedKit()
        for step in 0..<2 {
            if step == 1 { try write("name: Cara Renamed\nsegment: customer\n", to: kit + "/content/sources/cara.yml") }
            XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate, secret: "sekret")).lines, [])
            let folders = ["bolt-partners", "cara"].map { UnlistedName.folder(for: $0, secret: "sekret") }
            for (path, data) in try snapshot(kit + "/output") {
                let text = String(decoding: data, as: UTF8.self)
                let owner = folders.first { path.hasPrefix($0 + "/") }
                for folder in folders where folder != owner {
                    XCTAssertFalse(text.contains(folder), "\(path) names \(folder)")
                }
                if owner == nil {
                    XCTAssertFalse(text.contains("bolt-partners") || text.contains("cara"), "\(path) names a slug")
                }
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: OutputWriter.manifestPath(of: kit + "/output")))
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
