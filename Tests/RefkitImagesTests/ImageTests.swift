import RefkitImages
import XCTest

final class ImageSizeTests: XCTestCase {
    func testSVGSizeComesFromViewBoxElseWidthAndHeight() {
        let svg = { (text: String) in ImageSize.read(Array(text.utf8), format: .svg) }
        XCTAssertEqual(svg(#"<?xml version="1.0"?><!-- a > b --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 40"></svg>"#),
                       ImageSize(width: 600, height: 40))
        XCTAssertEqual(svg(#"<svg width="30mm" height='10mm'/>"#)?.ratio ?? 0, 3, accuracy: 1e-9)
        XCTAssertEqual(svg(#"<svg viewBox="0,0,40,160" width="100%"></svg>"#), ImageSize(width: 40, height: 160))
        XCTAssertNil(svg(#"<svg width="100%" height="100%"></svg>"#), "a percentage is no size")
        XCTAssertNil(svg(#"<svg viewBox="0 0 0 10"></svg>"#))
        XCTAssertNil(svg("not an image"))
    }

    func testPixelFormatsReadTheirHeaders() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 1, 144, 0, 0, 0, 50]
        XCTAssertEqual(ImageSize.read(png, format: .png), ImageSize(width: 400, height: 50))
        XCTAssertEqual(ImageSize.read(Array("GIF89a".utf8) + [0x2C, 0x01, 0x64, 0x00], format: .gif), ImageSize(width: 300, height: 100))
        // SOI, an APP0 segment of 4 bytes, then SOF0: length, precision, height 120, width 360.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 17, 8, 0, 120, 1, 104, 3, 0, 0]
        XCTAssertEqual(ImageSize.read(jpeg, format: .jpeg), ImageSize(width: 360, height: 120))
        XCTAssertNil(ImageSize.read(png, format: .jpeg))
        XCTAssertEqual(ImageSize.Format(fileName: "assets/Logo.JPG"), .jpeg)
        XCTAssertNil(ImageSize.Format(fileName: "assets/logo.webp"))
    }

    func testSVGIsDrawnIntoAPNGOfTheSizeAsked() throws {
        let svg = Array(##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#c00"/></svg>"##.utf8)
        let png = try XCTUnwrap(SVGRaster.png(svg, width: 160, height: 40))
        XCTAssertEqual(ImageSize.read(png, format: .png), ImageSize(width: 160, height: 40))
        XCTAssertEqual(SVGRaster.png(svg, width: 160, height: 40), png, "the same SVG gives the same bytes")
        XCTAssertNil(SVGRaster.png(Array("<svg".utf8), width: 10, height: 10), "librsvg cannot read it")
        XCTAssertTrue(SVGRaster.canRead(svg))
        XCTAssertFalse(SVGRaster.canRead(Array(#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#.utf8)))
        XCTAssertNil(SVGRaster.png(svg, width: 0, height: 10))
    }
}
