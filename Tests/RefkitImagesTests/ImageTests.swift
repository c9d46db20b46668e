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
        let png = try SVGRaster.png(svg, width: 160, height: 40).get()
        XCTAssertEqual(ImageSize.read(png, format: .png), ImageSize(width: 160, height: 40))
        XCTAssertEqual(try SVGRaster.png(svg, width: 160, height: 40).get(), png, "the same SVG gives the same bytes")
        XCTAssertEqual(SVGRaster.png(Array("<svg".utf8), width: 10, height: 10), .failure(.unreadable), "librsvg cannot read it")
        XCTAssertEqual(SVGRaster.read([svg, Array(#"<svg xmlns="http://www.w3.org/2000/svg"><g></svg>"#.utf8), svg]), [nil, .unreadable, nil])
        XCTAssertEqual(SVGRaster.png(svg, width: 0, height: 10), .failure(.unreadable))
    }

    /// Issue 29: 300 shapes sharing one filter took 40 s to draw. The size bound refuses it
    /// before drawing, and a drawing that still runs past the time limit is stopped.
    func testADrawingPastItsTimeLimitIsStopped() throws {
        let shapes = (0..<300).map { #"<rect x="\#($0 % 20)" y="\#($0 / 20)" width="30" height="30" filter="url(#b)"/>"# }.joined()
        let svg = Array(("""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 50 50"><defs><filter id="b"><feGaussianBlur stdDeviation="8"/></filter></defs>
            """ + shapes + "</svg>").utf8)
        XCTAssertNotNil(SVGRaster.costProblem(svg), "refused by its size before it is drawn")
        let started = ContinuousClock.now
        XCTAssertEqual(SVGRaster.png(svg, width: 2000, height: 2000, timeLimit: .milliseconds(300)), .failure(.tooSlow(.milliseconds(300))))
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(3), "the caller does not wait for the drawing")
        XCTAssertEqual(try SVGRaster.png(Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 1"/>"#.utf8), width: 40, height: 10).get().count > 0, true,
                       "the next drawing is not held up")
    }

    /// librsvg 2.54 panics, aborting the process, when it reads a convolution of order 21 or more:
    /// the helper ends, refkit is told the logo cannot be drawn.
    func testALogoThatCrashesLibrsvgEndsTheHelperNotTheCaller() {
        let kernel = Array(repeating: "1", count: 21 * 21).joined(separator: " ")
        let svg = Array(##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"><filter id="c"><feConvolveMatrix order="21" kernelMatrix="\##(kernel)"/></filter><rect width="30" height="10" fill="#c00" filter="url(#c)"/></svg>"##.utf8)
        XCTAssertNil(SVGRaster.costProblem(svg))
        XCTAssertEqual(SVGRaster.png(svg, width: 300, height: 100), .failure(.unreadable))
        // Read with others: the one that crashes the helper is named, the others are read by the next.
        let good = Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 1"/>"#.utf8), bad = Array("<svg".utf8)
        XCTAssertEqual(SVGRaster.read([good, svg, bad, good + [10]]), [nil, .unreadable, .unreadable, nil])
    }
}
