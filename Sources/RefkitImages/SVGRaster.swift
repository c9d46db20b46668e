import CRSVG

/// SVG logos drawn into PNG for the e-mail (mail programs do not show SVG), by librsvg and cairo:
/// the same bytes in, the same PNG out (cairo writes no date into it). An SVG's references to other
/// files are never followed (no base file is given), so a logo cannot read the disk. The libraries
/// are loaded the first time they are needed (`CRSVG`), so commands that draw nothing never load them.
public enum SVGRaster {
    /// Whether librsvg and cairo are installed (Debian's librsvg2-2).
    public static var isAvailable: Bool { refkit_rsvg_available() != 0 }

    /// Whether librsvg reads `svg` (well-formed XML, an SVG document): parsing only, without
    /// drawing, so no fonts are loaded. What a build checks of every SVG logo.
    public static func canRead(_ svg: [UInt8]) -> Bool {
        guard !svg.isEmpty else { return false }
        return svg.withUnsafeBufferPointer { refkit_rsvg_readable($0.baseAddress, $0.count) != 0 }
    }

    /// How many filtered shapes an SVG may have: cairo draws each filtered element on a surface of
    /// its own, so 300 shapes sharing one filter took 40 s to draw for the e-mail, and 1,000 took
    /// 120 s (issue 29). A logo has a handful.
    public static let maximumFilteredElements = 16
    /// How many elements an SVG logo may have.
    public static let maximumElements = 20_000

    /// Why drawing `svg` would take too long, or nil: a bound on its size, counted in its text
    /// (filter references and elements), checked before anything is drawn.
    public static func costProblem(_ svg: [UInt8]) -> String? {
        var elements = 0, filters = 0
        let filter = Array("filter".utf8)
        var index = 0
        while index < svg.count {
            let byte = svg[index]
            if byte == UInt8(ascii: "<"), index + 1 < svg.count, svg[index + 1] != UInt8(ascii: "/"), svg[index + 1] != UInt8(ascii: "!"),
               svg[index + 1] != UInt8(ascii: "?") {
                elements += 1
            } else if byte == UInt8(ascii: "f"), svg[index...].starts(with: filter) {
                // `filter="url(#f)"` or `filter: url(#f)` (an attribute or a style): a use of a filter.
                var after = index + filter.count
                while after < svg.count, svg[after] == UInt8(ascii: " ") { after += 1 }
                if after < svg.count, svg[after] == UInt8(ascii: "=") || svg[after] == UInt8(ascii: ":") {
                    var value = after + 1
                    while value < svg.count, [UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(svg[value]) { value += 1 }
                    if svg[value...].starts(with: Array("url(".utf8)) { filters += 1 }
                }
            }
            index += 1
        }
        if filters > maximumFilteredElements {
            return "applies a filter to \(filters) elements (at most \(maximumFilteredElements)): drawing it for the e-mail would take minutes; apply the filter to one group around them, or use a PNG logo"
        }
        if elements > maximumElements {
            return "has \(elements) elements (at most \(maximumElements)): drawing it for the e-mail would take too long; simplify it, or use a PNG logo"
        }
        return nil
    }

    /// `svg` drawn to fill `width` × `height` pixels less `inset` on every side (its aspect kept),
    /// as PNG bytes; on white when `onWhite` (so it reads on a dark background), else transparent
    /// around it. Nil when librsvg cannot read it.
    public static func png(_ svg: [UInt8], width: Int, height: Int, inset: Int = 0, onWhite: Bool = false) -> [UInt8]? {
        guard width > 2 * inset, height > 2 * inset, width <= 4096, height <= 4096, inset >= 0, !svg.isEmpty else { return nil }
        let sink = PNGSink()
        let drawn = svg.withUnsafeBufferPointer { bytes in
            refkit_rsvg_png(bytes.baseAddress, bytes.count, Int32(width), Int32(height), Int32(inset), onWhite ? 1 : 0, { context, data, length in
                guard let context, let data else { return }
                Unmanaged<PNGSink>.fromOpaque(context).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return withExtendedLifetime(sink) { drawn != 0 ? sink.bytes : nil }
    }
}

/// Where cairo's PNG writer puts its bytes (one drawing's, on the thread drawing it).
private final class PNGSink {
    var bytes: [UInt8] = []
}
