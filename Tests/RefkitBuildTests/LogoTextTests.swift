@testable import RefkitBuild
import RefkitImages
import RefkitModel
import XCTest

/// Issue 32: an SVG logo's smallest text stands 10 px tall where the place has room; the e-mail's
/// PNG, margin included, stays within 300 px.
final class LogoTextTests: XCTestCase {
    func testTheSmallestFontSizeOfAnSVG() {
        let svg = #"<svg viewBox="0 0 240 64"><text font-size="20">Northwind</text><text style="font-size: 16px; fill: #333">Bookkeeping</text></svg>"#
        XCTAssertEqual(SVGText.smallestFontSize(Array(svg.utf8)), 16)
        XCTAssertNil(SVGText.smallestFontSize(Array(#"<svg viewBox="0 0 10 10"><rect font-size="3"/></svg>"#.utf8)), "no text")
    }

    func testALogosTextIsDrawnTenPixelsTallWhereThereIsRoom() {
        // Northwind: 240 × 64, a 16-unit subtitle. By area alone 134 × 36 (text 8.9 px); now 40 tall.
        let northwind = Logo(path: "assets/n.svg", width: 240, height: 64, svg: [], smallestText: 16.0 / 64)
        XCTAssertEqual(LogoPlace.header.size(of: northwind).height, 40)
        // Brightside: 80 × 160 with a 10-unit line: 160 px tall, the most any place allows.
        let tall = Logo(path: "assets/b.svg", width: 80, height: 160, svg: [], smallestText: 10.0 / 160)
        XCTAssertEqual(LogoPlace.header.size(of: tall).height, 160)
        // Without text, the area rule as before: a 1:4 logo 30 × 120.
        XCTAssertEqual(LogoPlace.header.size(of: Logo(path: "assets/t.png", width: 40, height: 160)).height, 120)
        // The e-mail's PNG of a 15:1 SVG wordmark, its white margin included: 300 wide at most.
        let wide = Logo(path: "assets/w.svg", width: 600, height: 40, svg: [])
        XCTAssertLessThanOrEqual(LogoPlace.emailSize(of: wide).width, 300)
    }
}
