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
