@testable import RefkitBuild
import XCTest

/// Which input files are a source's own (`content/sources/SLUG.yml` or `.yaml`): what decides
/// that a change to them renders only that source again. The loader's slugs are the same.
final class InputScanTests: XCTestCase {
    func testASourceFileIsKnownByItsPath() {
        let cases: [(String, String?)] = [
            ("content/sources/cara.yml", "cara"), ("content/sources/bolt-partners.yaml", "bolt-partners"),
            ("content/sources/über.yml", "über"), ("content/sources/a.b.yml", "a.b"),
            ("content/sources/.cara.yml.swp", nil), ("content/sources/.hidden.yml", nil), ("content/sources/.yml", nil),
            ("content/sources/sub/x.yml", nil), ("content/sources/x.txt", nil), ("content/sources/x.yml.bak", nil),
            ("content/kit/x.yml", nil), ("content/site.yml", nil), ("content/sourcesx/y.yml", nil),
        ]
        for (path, slug) in cases {
            XCTAssertEqual(InputScan.sourceSlug(path), slug, path)
            if let slug { XCTAssertEqual(KitLoader.sourceSlug(String(path.dropFirst("content/sources/".count))), slug, path) }
        }
    }
}

/// A build reads each input once (`CachingFileSystem`): the scan and the loader share its bytes.
/// What it reads from elsewhere (stored cards, the manifest) is not kept: a thousand cards held
/// for the whole build were 30 MB of its peak memory.
final class CachingFileSystemTests: XCTestCase {
    func testOnlyInputsAreKept() throws {
        let kit = try temporaryDirectory(self)
        let input = kit + "/content/site.yml", stored = kit + "/.refkit-cache/cards/card.png"
        try write("one", to: input)
        try write("one", to: stored)
        let fileSystem = CachingFileSystem(DiskFileSystem(), inputs: [kit + "/content", kit + "/templates"])
        XCTAssertEqual(try fileSystem.readFile(at: input), Array("one".utf8))
        XCTAssertEqual(try fileSystem.readFile(at: stored), Array("one".utf8))
        try write("two", to: input)
        try write("two", to: stored)
        XCTAssertEqual(try fileSystem.readFile(at: input), Array("one".utf8), "an input is read once a build")
        XCTAssertEqual(try fileSystem.readFile(at: stored), Array("two".utf8), "anything else is read from the disk")
    }
}
