/// An image's intrinsic size, read from its own bytes: an SVG's `viewBox` (else its `width` and
/// `height` in absolute units), a PNG's, JPEG's or GIF's pixels. What a logo's shape is read from.
public struct ImageSize: Sendable, Hashable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Width over height: 15 for a 15:1 wordmark, 0.25 for a tall one.
    public var ratio: Double { width / height }

    /// The file formats a logo may have, by file name.
    public enum Format: String, Sendable {
        case svg, png, jpeg, gif

        public init?(fileName: String) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "svg": self = .svg
            case "png": self = .png
            case "jpg", "jpeg": self = .jpeg
            case "gif": self = .gif
            default: return nil
            }
        }
    }

    /// The size written in `bytes`, or nil when it cannot be read (not that format, no size given).
    public static func read(_ bytes: [UInt8], format: Format) -> ImageSize? {
        let size: ImageSize? = switch format {
        case .svg: svg(bytes)
        case .png: png(bytes)
        case .jpeg: jpeg(bytes)
        case .gif: gif(bytes)
        }
        guard let size, size.width > 0, size.height > 0, size.width.isFinite, size.height.isFinite else { return nil }
        return size
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, count: Int) -> Double {
        Double((at..<at + count).reduce(0) { $0 << 8 | Int(bytes[$1]) })
    }

    static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        return ImageSize(width: bigEndian(bytes, 16, count: 4), height: bigEndian(bytes, 20, count: 4))
    }

    static func gif(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 10, bytes.starts(with: Array("GIF8".utf8)) else { return nil }
        return ImageSize(width: Double(Int(bytes[6]) | Int(bytes[7]) << 8), height: Double(Int(bytes[8]) | Int(bytes[9]) << 8))
    }

    /// A JPEG's size is in its start-of-frame segment (markers C0–CF but C4, C8 and CC).
    static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var at = 2
        while at + 9 < bytes.count {
            guard bytes[at] == 0xFF else { return nil }
            let marker = bytes[at + 1]
            if marker == 0xFF { at += 1; continue }
            let length = Int(bigEndian(bytes, at + 2, count: 2))
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageSize(width: bigEndian(bytes, at + 7, count: 2), height: bigEndian(bytes, at + 5, count: 2))
            }
            at += 2 + length
        }
        return nil
    }

    /// The root `<svg>` element's `viewBox`, else its `width` and `height` (px, pt, mm, cm, in or
    /// no unit; a percentage is no size).
    static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let text = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        guard let attributes = rootAttributes(text) else { return nil }
        if let box = attributes["viewBox"] {
            let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" }).compactMap { Double($0) }
            if numbers.count == 4 { return ImageSize(width: numbers[2], height: numbers[3]) }
        }
        guard let width = attributes["width"].flatMap(length), let height = attributes["height"].flatMap(length) else { return nil }
        return ImageSize(width: width, height: height)
    }

    /// A length in CSS pixels.
    private static func length(_ text: String) -> Double? {
        let units: [(String, Double)] = [("px", 1), ("pt", 4.0 / 3), ("mm", 96 / 25.4), ("cm", 96 / 2.54), ("in", 96), ("", 1)]
        let trimmed = text.filter { !$0.isWhitespace }
        for (unit, scale) in units where trimmed.hasSuffix(unit) {
            if let number = Double(trimmed.dropLast(unit.count)) { return number * scale }
        }
        return nil
    }

    /// The attributes of the first `<svg` start tag (after any declaration, comment or doctype).
    private static func rootAttributes(_ text: String) -> [String: String]? {
        guard let start = text.firstRange(of: "<svg") else { return nil }
        var attributes: [String: String] = [:]
        var rest = text[start.upperBound...]
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            guard let first = rest.first, first != ">", first != "/" else { return attributes }
            let name = rest.prefix(while: { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" })
            guard !name.isEmpty else { return attributes }
            rest = rest[name.endIndex...].drop(while: { $0.isWhitespace })
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop(while: { $0.isWhitespace })
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return attributes }
            rest = rest.dropFirst()
            guard let close = rest.firstIndex(of: quote) else { return attributes }
            attributes[String(name)] = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
        }
    }
}
