import Foundation
import RefkitModel
import RefkitQR

/// QR codes already encoded, kept in the kit's cache folder (`KIT/.refkit-cache/qr-codes`, beside
/// the cards) by the text each carries: a memo around libqrencode, whose choice of mask (scoring
/// all eight) is most of what a source's kit costs to render. A whole build keeps only the codes
/// it used; a build of some sources keeps the others too. The file names the libqrencode that
/// encoded its codes: a file from another version, or one a line of which does not read, is
/// ignored whole and the codes encoded again (a code read only when used, whose digits are not
/// hex, is encoded again). Nothing here is published, and
/// losing it loses nothing. Without a kit folder (`refkit serve`, tests) it is kept in memory.
final class QRStore: @unchecked Sendable {
    static let file = ".refkit-cache/qr-codes"
    private static let header = Array(("refkit qr-codes 2 libqrencode " + QRCode.encoderVersion + "\n").utf8)

    /// A code as the file holds it: its width and its bits in hex, read only when it is used
    /// (a rebuild of one source uses one of a thousand).
    private struct Stored {
        var width: Int
        var hex: ArraySlice<UInt8>
    }

    private let path: String?
    private let fileSystem: FileSystem?
    private let lock = NSLock()
    private var known: [String: Stored]
    private var used: [String: QRModules] = [:]

    /// In memory only.
    init() {
        (path, fileSystem, known) = (nil, nil, [:])
    }

    /// The store of the kit at `kitDirectory`, read now. `keeps`: whether `save` writes it.
    init(kitDirectory: String, fileSystem: FileSystem, keeps: Bool = true) {
        path = keeps ? kitDirectory + "/" + Self.file : nil
        self.fileSystem = fileSystem
        known = (try? fileSystem.readFile(at: kitDirectory + "/" + Self.file)).flatMap(Self.index) ?? [:]
    }

    /// The QR code for `text` (`QRCode.encode`): the one kept, else encoded now.
    func modules(for text: String) -> QRModules? {
        let (usedBefore, stored) = lock.withLock { (used[text], known[text]) }
        if let usedBefore { return usedBefore }
        guard let code = stored.flatMap(Self.decode) ?? QRCode.encode(text) else { return nil }
        lock.withLock { used[text] = code }
        return code
    }

    /// Writes the store when this build used a code it did not hold (or, `pruning`, did not use
    /// one it held): the codes used, and unless `pruning` those held too. Written beside its place
    /// and moved there; a store that cannot be written is no failure.
    func save(pruning: Bool) {
        guard let path, let fileSystem else { return }
        let (known, used) = lock.withLock { (self.known, self.used) }
        let kept = used.filter { !$0.key.containsByte(UInt8(ascii: "\n")) }
        // What it would hold is what it holds: nothing to write (nor any code to write out in hex).
        let new = kept.keys.contains { known[$0] == nil }
        guard new || (pruning && kept.count != known.count) else { return }
        var keeping = pruning ? [:] : known
        for (text, code) in kept { keeping[text] = Stored(width: code.width, hex: Array(hexDigits(of: code.bits).utf8)[...]) }
        var bytes = Self.header
        for (text, code) in keeping.sorted(by: { $0.key < $1.key }) {
            bytes += "\(code.width) ".utf8
            bytes += code.hex
            bytes.append(UInt8(ascii: " "))
            bytes += text.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        let folder = String(path.dropLast("/qr-codes".count))
        if fileSystem.kind(at: folder) == nil { try? fileSystem.createDirectory(at: folder) }
        try? fileSystem.replaceFile(at: path, with: bytes, temporary: path + ".\(getpid()).tmp")
        lock.withLock { self.known = keeping }
    }

    /// The codes a store's bytes hold, by text, nil unless its header is this one's and every
    /// line reads as `WIDTH HEX TEXT` with as many hex digits as a code of that width has bytes.
    private static func index(_ bytes: [UInt8]) -> [String: Stored]? {
        guard bytes.starts(with: header), bytes.last == UInt8(ascii: "\n") else { return nil }
        var codes: [String: Stored] = [:]
        var at = header.count
        while at < bytes.count {
            guard let end = bytes[at...].firstIndex(of: UInt8(ascii: "\n")),
                  let space = bytes[at..<end].firstIndex(of: UInt8(ascii: " ")),
                  let width = Int(String(decoding: bytes[at..<space], as: UTF8.self)), (21...177).contains(width) else { return nil }
            let hexEnd = space + 1 + (width * width + 7) / 8 * 2
            guard hexEnd < end, bytes[hexEnd] == UInt8(ascii: " ") else { return nil }
            codes[String(decoding: bytes[(hexEnd + 1)..<end], as: UTF8.self)] = Stored(width: width, hex: bytes[(space + 1)..<hexEnd])
            at = end + 1
        }
        return codes
    }

    /// A stored code's modules; nil if its digits are not hex (the code is then encoded again).
    private static func decode(_ stored: Stored) -> QRModules? {
        var bits: [UInt8] = []
        bits.reserveCapacity(stored.hex.count / 2)
        var high: UInt8?
        for digit in stored.hex {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            if let first = high { bits.append(first << 4 | value); high = nil } else { high = value }
        }
        return QRModules(width: stored.width, bits: bits)
    }

    /// The codes in a store's text (for tests), nil if it does not read.
    static func read(_ text: String) -> [String: QRModules]? {
        guard let index = index(Array(text.utf8)) else { return nil }
        var codes: [String: QRModules] = [:]
        for (text, stored) in index {
            guard let code = decode(stored) else { return nil }
            codes[text] = code
        }
        return codes
    }
}
