import CRSVG
import Foundation

/// SVG logos drawn into PNG for the e-mail (mail programs do not show SVG), by librsvg and cairo:
/// the same bytes in, the same PNG out (cairo writes no date into it). An SVG's references to other
/// files are never followed (no base file is given), so a logo cannot read the disk.
public enum SVGRaster {
    /// `svg` drawn to fill `width` × `height` pixels less `inset` on every side (its aspect kept),
    /// as PNG bytes; on white when `onWhite` (so it reads on a dark background), else transparent
    /// around it. Nil when librsvg cannot read it.
    public static func png(_ svg: [UInt8], width: Int, height: Int, inset: Int = 0, onWhite: Bool = false) -> [UInt8]? {
        guard width > 2 * inset, height > 2 * inset, width <= 4096, height <= 4096, inset >= 0, !svg.isEmpty else { return nil }
        return lock.withLock { draw(svg, width: width, height: height, inset: Double(inset), onWhite: onWhite) }
    }

    /// Whether librsvg reads `svg` (well-formed XML, an SVG document): parsing only, without
    /// drawing, so no fonts are loaded. What a build checks of every SVG logo.
    public static func canRead(_ svg: [UInt8]) -> Bool {
        guard !svg.isEmpty else { return false }
        return lock.withLock {
            var error: UnsafeMutablePointer<GError>?
            defer { if let error { g_error_free(error) } }
            guard let handle = svg.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) })
            else { return false }
            g_object_unref(handle)
            return true
        }
    }

    /// librsvg's and cairo's handles live only inside this call; one drawing at a time.
    private static let lock = NSLock()

    private static func draw(_ svg: [UInt8], width: Int, height: Int, inset: Double, onWhite: Bool) -> [UInt8]? {
        var error: UnsafeMutablePointer<GError>?
        defer { if let error { g_error_free(error) } }
        guard let handle = svg.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) })
        else { return nil }
        defer { g_object_unref(handle) }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else { return nil }
        defer { cairo_destroy(context) }
        if onWhite {
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
        }
        var viewport = RsvgRectangle(x: inset, y: inset, width: Double(width) - 2 * inset, height: Double(height) - 2 * inset)
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else { return nil }
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        return withExtendedLifetime(sink) { status == CAIRO_STATUS_SUCCESS ? sink.bytes : nil }
    }
}

/// Where cairo's PNG writer puts its bytes.
private final class PNGSink {
    var bytes: [UInt8] = []
}
