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
