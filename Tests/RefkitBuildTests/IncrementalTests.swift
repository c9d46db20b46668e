import Foundation
import RefkitBuild
import XCTest

/// Rebuilds: nothing is written when nothing changed, and a change rewrites exactly the files whose
/// bytes change; every other file is kept (same inode, same mtime), so uploads stay small.
final class IncrementalTests: XCTestCase {
    private func inodes(_ directory: String) throws -> [String: UInt64] {
        try snapshot(directory).keys.reduce(into: [:]) { result, path in
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + path)
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
    }

    /// Builds, applies `change`, rebuilds; returns the files rewritten and the files gone.
    private func rebuilt(after change: (String) throws -> Void) throws -> (rewritten: Set<String>, gone: Set<String>) {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try inodes(kit + "/output")
        try change(kit)
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.summary?.upToDate, false, "\(outcome.lines)")
        let after = try inodes(kit + "/output")
        let rewritten = Set(after.keys.filter { before[$0] != after[$0] && $0 != OutputWriter.marker })
        return (rewritten, Set(before.keys).subtracting(after.keys))
    }

    func testNothingIsWrittenWhenNothingChanged() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")
        // Any write at all would fail this build.
        let outcome = testBuilder(fileSystem: FailingFileSystem(failingWrite: 1)).build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.summary?.upToDate, true)
        XCTAssertEqual(outcome.summary?.pages, 19)
        XCTAssertEqual(try snapshot(kit + "/output"), before)
        // A different date, or a different option, is a change.
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: "2026-11-24")).summary?.upToDate, false)
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: "2026-11-24", bundle: true)).summary?.upToDate, false)
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: "2026-11-24", bundle: true)).summary?.upToDate, true)
    }

    func testAChangedSourceRewritesOnlyItsOwnFiles() throws {
        let (rewritten, gone) = try rebuilt { kit in
            // Listed now, so the directory shows the customer's new name.
            try write("name: Cara Renamed\nsegment: customer\noffers: [coupon]\nlisted: true\n", to: kit + "/content/sources/cara.yml")
        }
        XCTAssertEqual(gone, [])
        XCTAssertFalse(rewritten.isEmpty)
        let outside = rewritten.filter { !$0.hasPrefix("cara/") && $0 != "index.html" }
        XCTAssertEqual(outside, [], "only cara's files and the directory listing its name")
        XCTAssertTrue(rewritten.contains("index.html"))
        XCTAssertFalse(rewritten.contains("cara/qr.svg"), "cara's referral link did not change")
    }

    func testAChangeTheDirectoryDoesNotShowLeavesItAlone() throws {
        let (rewritten, gone) = try rebuilt { kit in
            try write("name: Cara Customer\nsegment: customer\noffers: [coupon]\nmessage: Thanks, Cara!\n", to: kit + "/content/sources/cara.yml")
        }
        XCTAssertEqual(gone, [])
        XCTAssertEqual(rewritten, ["cara/index.html"], "the message shows on cara's home only; the directory lists names and codes")
    }

    func testADeletedSourcesFolderDisappears() throws {
        let (rewritten, gone) = try rebuilt { kit in try FileManager.default.removeItem(atPath: kit + "/content/sources/cara.yml") }
        XCTAssertFalse(gone.isEmpty)
        XCTAssertTrue(gone.allSatisfy { $0.hasPrefix("cara/") }, "\(gone)")
        XCTAssertEqual(rewritten, [], "cara, a customer who did not opt in, was never on the directory page")
    }

    func testAChangedPartialRewritesThePagesThatUseIt() throws {
        let (rewritten, _) = try rebuilt { kit in
            try write("<footer>New footer {{source.code}}</footer>\n", to: kit + "/templates/partials/footer.mustache")
        }
        XCTAssertEqual(rewritten, ["bolt-partners/how.html", "bolt-partners/index.html", "bolt-partners/offers/coupon.html",
                                   "bolt-partners/offers/gift.html", "bolt-partners/partners-only.html", "bolt-partners/refer.html",
                                   "bolt-partners/share.html", "bolt-partners/who.html", "cara/how.html", "cara/index.html",
                                   "cara/offers/coupon.html", "cara/refer.html", "cara/share.html", "cara/who.html"],
                       "pages with the footer; not the handout, e-mail, QR or assets")
    }

    func testAChangedOfferRewritesThePagesShowingIt() throws {
        let (rewritten, _) = try rebuilt { kit in
            let path = kit + "/content/offers/gift.md"
            try write(try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "$50 gift", with: "$75 gift"), to: path)
        }
        XCTAssertTrue(rewritten.contains("bolt-partners/offers/gift.html"))
        XCTAssertFalse(rewritten.contains { $0.hasPrefix("cara/") }, "cara does not get the gift")
    }

    func testAChangedAssetRewritesOnlyThatAssetItsEmailPictureAndTheCardItIsOn() throws {
        let (rewritten, _) = try rebuilt { kit in
            // The same shape as before (2:1), so every page that shows the logo stays the same.
            try write(#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="red"/></svg>"#,
                      to: kit + "/content/assets/bolt.svg")
        }
        XCTAssertEqual(rewritten.sorted(), ["assets/bolt.svg", "assets/email/bolt.png", "bolt-partners/card.png"])
    }

    func testALogoOfAnotherShapeRewritesThePagesThatShowIt() throws {
        let (rewritten, _) = try rebuilt { kit in
            try write(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 10"/>"#, to: kit + "/content/assets/bolt.svg")
        }
        XCTAssertTrue(rewritten.contains("bolt-partners/index.html"), "\(rewritten)")
        XCTAssertTrue(rewritten.contains("bolt-partners/email.html"), "\(rewritten)")
        XCTAssertFalse(rewritten.contains { $0.hasPrefix("cara/") }, "cara's pages do not show bolt's logo")
    }
}
