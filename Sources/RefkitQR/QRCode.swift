import CQREncode
import Foundation

/// QR codes through libqrencode, drawn as compact SVG.
public enum QRCode {
    /// The most bytes a QR code holds in byte mode at error correction M (version 40).
    public static let capacity = 2_331

    /// The modules of the QR code for `text` (byte mode, error correction M, smallest version that
    /// fits): `modules[y][x]` is true for a dark module. nil if the text is too long for any version.
    public static func modules(for text: String) -> [[Bool]]? {
        encode(text).map { code in (0..<code.width).map { y in (0..<code.width).map { x in code.isDark(x: x, y: y) } } }
    }

    /// The QR code for `text` (byte mode, error correction M, smallest version that fits), nil if
    /// the text is too long for any version. libqrencode's work: a mask is chosen by scoring all
    /// eight, most of the time a QR code costs.
    public static func encode(_ text: String) -> QRModules? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width), data = code.pointee.data!
        var bits = [UInt8](repeating: 0, count: (width * width + 7) / 8)
        for index in 0..<(width * width) where data[index] & 1 == 1 {  // bit 0: dark
            bits[index >> 3] |= 0x80 >> UInt8(index & 7)
        }
        return QRModules(width: width, bits: bits)
    }

    /// The QR code for `text` as an SVG document: one path, each run of dark modules in a row one
    /// stroke a module wide along the row's middle (`M4 4.5h7m1 0h5`: the same squares as a filled
    /// rectangle each, in half the bytes), a white quiet zone of 4 modules, crisp edges at any size.
    /// `label` becomes its accessible name.
    public static func svg(for text: String, label: String = "QR code") -> String? {
        encode(text).map { svg(of: $0, label: label) }
    }

    /// `svg(for:label:)` of a code already encoded.
    public static func svg(of code: QRModules, label: String = "QR code") -> String {
        let width = code.width
        let quiet = 4
        let size = width + 2 * quiet
        // Written straight into the path's storage (`PathWriter`). A row's first run is at most `M180 180.5h177` (14 bytes), a later one `m176 0h176`
        // (10); a row has at most (width + 1) / 2 runs.
        let pathText = code.bits.withUnsafeBufferPointer { bits in
            String(unsafeUninitializedCapacity: width * ((width + 1) / 2) * 14) { path in
                var writer = PathWriter(to: path.baseAddress!)
                for y in 0..<width {
                    let row = y * width
                    var x = 0, end = -1  // where the row's last run ended (the pen), -1 before its first
                    while x < width {
                        let index = row + x
                        // Eight light modules at once (the byte holds no dark one from here on).
                        if index & 7 == 0, x + 8 <= width, bits[index >> 3] == 0 { x += 8; continue }
                        guard bits[index >> 3] & (0x80 >> UInt8(index & 7)) != 0 else { x += 1; continue }
                        let start = x
                        x += 1
                        while x < width, bits[(row + x) >> 3] & (0x80 >> UInt8((row + x) & 7)) != 0 { x += 1 }
                        if end < 0 {  // M{x} {y}.5: the pen to the row's middle
                            writer.put(UInt8(ascii: "M"))
                            writer.put(number: start + quiet)
                            writer.put(UInt8(ascii: " "))
                            writer.put(number: y + quiet)
                            writer.put(UInt8(ascii: "."))
                            writer.put(UInt8(ascii: "5"))
                        } else {  // m{gap} 0: on along the row
                            writer.put(UInt8(ascii: "m"))
                            writer.put(number: start - end)
                            writer.put(UInt8(ascii: " "))
                            writer.put(UInt8(ascii: "0"))
                        }
                        writer.put(UInt8(ascii: "h"))
                        writer.put(number: x - start)
                        end = x
                    }
                }
                return writer.count
            }
        }
        let label = escape(label)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(size) \(size)" width="\(size * 4)" height="\(size * 4)" \
            shape-rendering="crispEdges" role="img" aria-label="\(label)"><title>\(label)</title>\
            <rect width="\(size)" height="\(size)" fill="#fff"/><path stroke="#000" d="\(pathText)"/></svg>
            """
    }

    /// libqrencode's version: a code it encoded is kept only with the version that encoded it.
    public static let encoderVersion = String(cString: QRcode_APIVersionString())

    /// The width (and height) in CSS pixels an SVG from `svg(for:label:)` is drawn at: 4 pixels a
    /// module, quiet zone included (what an `<img>` of the `qr.svg` file says it is).
    public static func pixelSize(ofSVG svg: String) -> Int? {
        // `… viewBox="0 0 N N" width="W"`: the first ` width="` is within the first few dozen bytes.
        let head = Array(svg.utf8.prefix(160)), marker = Array("\" width=\"".utf8)
        guard let at = (0...max(0, head.count - marker.count)).first(where: { head[$0...].starts(with: marker) }) else { return nil }
        let digits = head[(at + marker.count)...].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    private static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    // Encoding runs on every core at once: libqrencode's only process-wide state is its
    // Reed-Solomon tables, built under a pthread mutex when the library is built thread-safe,
    // as Debian's is (`nm -D libqrencode.so.4` lists pthread_mutex_lock). `QRCodeTests` encodes
    // on several threads at once and checks every code.
}

/// Bytes written one after another straight into a string's storage: a code has hundreds of
/// runs, and an array append (or a string) per number was most of the time spent drawing one.
private struct PathWriter {
    let output: UnsafeMutablePointer<UInt8>
    var count = 0

    init(to output: UnsafeMutablePointer<UInt8>) { self.output = output }

    @inline(__always) mutating func put(_ byte: UInt8) {
        output[count] = byte
        count += 1
    }

    /// 0 to 185: at most three digits.
    @inline(__always) mutating func put(number: Int) {
        if number >= 100 { put(UInt8(ascii: "0") + UInt8(number / 100)) }
        if number >= 10 { put(UInt8(ascii: "0") + UInt8(number / 10 % 10)) }
        put(UInt8(ascii: "0") + UInt8(number % 10))
    }
}

/// A QR code's modules, `width` × `width`, row by row, one bit each (1: dark), eight to a byte.
public struct QRModules: Sendable, Equatable {
    public let width: Int
    public let bits: [UInt8]

    /// nil unless `bits` holds exactly `width` × `width` modules (a version's width: 21 to 177).
    public init?(width: Int, bits: [UInt8]) {
        guard (21...177).contains(width), (width - 21) % 4 == 0, bits.count == (width * width + 7) / 8 else { return nil }
        self.width = width
        self.bits = bits
    }

    @inline(__always) public func isDark(x: Int, y: Int) -> Bool {
        let index = y * width + x
        return bits[index >> 3] & (0x80 >> UInt8(index & 7)) != 0
    }
}
