import CRSVG
import Foundation

/// SVG logos drawn into PNG for the e-mail (mail programs do not show SVG), by librsvg and cairo:
/// the same bytes in, the same PNG out (cairo writes no date into it). An SVG's references to other
/// files are never followed (no base file is given), so a logo cannot read the disk.
///
/// librsvg runs only in `refkit-draw`, a helper process beside refkit, never in refkit itself:
/// librsvg 2.54 aborts the process that reads some filters (a Rust panic), and cannot be
/// interrupted, so a logo that crashes it, or draws past `timeLimit`, ends the helper, and refkit
/// says which logo did it. Commands that read no SVG never start it.
public enum SVGRaster {
    /// Which of `svgs` librsvg reads (well-formed XML, an SVG document): parsing only, without
    /// drawing, so no fonts are loaded. What a check asks of every SVG logo, all in one helper
    /// process (unless one crashes it). nil: readable; else why not.
    public static func read(_ svgs: [[UInt8]], timeLimit: Duration = timeLimit) -> [DrawFailure?] {
        guard !svgs.isEmpty else { return [] }
        var outcomes = [refkit_draw_outcome](repeating: REFKIT_NO_HELPER, count: svgs.count)
        let helper = helper
        withPointers(to: svgs) { pointers in
            refkit_rsvg_read_apart(helper, pointers, svgs.map(\.count), svgs.count, milliseconds(timeLimit), &outcomes)
        }
        return outcomes.map { DrawFailure($0, helper: helper, timeLimit: timeLimit) }
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

    /// Why a logo could not be drawn.
    public enum DrawFailure: Error, Equatable, Sendable {
        /// librsvg could not read or draw it, or crashed drawing it.
        case unreadable
        /// Drawing it took longer than this: it was stopped.
        case tooSlow(Duration)
        /// The helper that draws (`refkit-draw`, beside refkit) is missing or cannot start.
        case noHelper(String)
        /// librsvg or cairo is not installed.
        case noLibrary
    }

    /// How long one logo may take to draw. A logo takes milliseconds; the size bounds
    /// (`costProblem`) keep the known slow shapes out, and this bounds the rest (a filter that
    /// asks for five thousand octaves of noise drew for minutes).
    public static let timeLimit: Duration = .seconds(10)

    /// The helper that draws, beside the running binary (refkit, or the tests).
    public static let helperName = "refkit-draw"
    public static var helper: String {
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(helperName).path
    }

    /// `svg` drawn to fill `width` × `height` pixels less `inset` on every side (its aspect kept),
    /// as PNG bytes; on white when `onWhite` (so it reads on a dark background), else transparent
    /// around it. Drawn by `refkit-draw`, a process of its own: librsvg 2.54 aborts the process
    /// that draws some filters (a Rust panic), and cannot be interrupted, so a logo that crashes
    /// or draws past `timeLimit` ends the helper, never refkit, and nothing waits for it.
    public static func png(_ svg: [UInt8], width: Int, height: Int, inset: Int = 0, onWhite: Bool = false,
                           timeLimit: Duration = timeLimit) -> Result<[UInt8], DrawFailure> {
        guard width > 2 * inset, height > 2 * inset, width <= 4096, height <= 4096, inset >= 0, !svg.isEmpty else { return .failure(.unreadable) }
        let helper = helper
        let sink = PNGSink()
        let outcome = svg.withUnsafeBufferPointer { bytes in
            refkit_rsvg_png_apart(helper, bytes.baseAddress, bytes.count, Int32(width), Int32(height), Int32(inset), onWhite ? 1 : 0,
                                  milliseconds(timeLimit), { context, data, length in
                guard let context, let data else { return }
                Unmanaged<PNGSink>.fromOpaque(context).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return withExtendedLifetime(sink) {
            DrawFailure(outcome, helper: helper, timeLimit: timeLimit).map { .failure($0) } ?? .success(sink.bytes)
        }
    }

    /// Link-preview cards (`svgs`, composed by refkit) drawn `width` × `height` onto white as RGB
    /// PNGs, in as few `refkit-draw` processes as it can (one, unless a card crashes it): the fonts
    /// are loaded once, not once a card. A card carries a partner's logo, so it is drawn apart from
    /// refkit like a logo is, each within `timeLimit`.
    public static func cards(_ svgs: [[UInt8]], width: Int, height: Int, timeLimit: Duration = timeLimit) -> [Result<[UInt8], DrawFailure>] {
        guard !svgs.isEmpty else { return [] }
        var outcomes = [refkit_draw_outcome](repeating: REFKIT_NO_HELPER, count: svgs.count)
        let helper = helper
        let sink = CardSink(count: svgs.count)
        withPointers(to: svgs) { pointers in
            refkit_rsvg_cards_apart(helper, pointers, svgs.map(\.count), svgs.count, Int32(width), Int32(height), milliseconds(timeLimit),
                                    &outcomes, { context, index, data, length in
                guard let context, let data else { return }
                Unmanaged<CardSink>.fromOpaque(context).takeUnretainedValue().pngs[index] = Array(UnsafeBufferPointer(start: data, count: length))
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        return withExtendedLifetime(sink) {
            zip(outcomes, sink.pngs).map { outcome, png in
                DrawFailure(outcome, helper: helper, timeLimit: timeLimit).map { .failure($0) } ?? png.map { .success($0) } ?? .failure(.unreadable)
            }
        }
    }

    /// `svgs` joined in one buffer, and a pointer to where each starts (what the helper's C side reads).
    private static func withPointers(to svgs: [[UInt8]], _ body: ([UnsafePointer<UInt8>?]) -> Void) {
        var joined: [UInt8] = [], starts: [Int] = []
        for svg in svgs {
            starts.append(joined.count)
            joined += svg
        }
        joined.withUnsafeBufferPointer { bytes in
            body(starts.map { start in bytes.baseAddress.map { $0 + start } })
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}

extension SVGRaster.DrawFailure {
    /// What the helper's outcome means (nil: done).
    init?(_ outcome: refkit_draw_outcome, helper: String, timeLimit: Duration) {
        switch outcome {
        case REFKIT_DRAWN: return nil
        case REFKIT_TOO_SLOW: self = .tooSlow(timeLimit)
        case REFKIT_NO_HELPER: self = .noHelper(helper)
        case REFKIT_NO_LIBRARY: self = .noLibrary
        default: self = .unreadable
        }
    }
}

/// Where the helper's cards are gathered, by index (one call's, on the thread asking for them).
private final class CardSink {
    var pngs: [[UInt8]?]
    init(count: Int) { pngs = Array(repeating: nil, count: count) }
}

/// Where the helper's PNG is gathered (one drawing's, on the thread asking for it).
private final class PNGSink {
    var bytes: [UInt8] = []
}
