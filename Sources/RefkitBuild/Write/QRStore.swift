import Foundation
import RefkitQR

/// QR codes already encoded, kept in the kit's cache folder (`KIT/.refkit-cache/qr-codes`, beside
/// the cards) by the text each carries: a memo around libqrencode, whose choice of mask (scoring
/// all eight) is most of what a source's kit costs to render. A whole build keeps only the codes
/// it used; a build of some sources keeps the others too. The file names the libqrencode that
/// encoded its codes, and is read whole or not at all: a file from another version, or one a line
/// of which does not read, is ignored and the codes encoded again. Nothing here is published, and
/// losing it loses nothing. Without a kit folder (`refkit serve`, tests) it is kept in memory.
final class QRStore: @unchecked Sendable {
    static let file = ".refkit-cache/qr-codes"
    private static let header = "refkit qr-codes 1 libqrencode " + QRCode.encoderVersion

    private let path: String?
    private let fileSystem: FileSystem?
    private let lock = NSLock()
    private var known: [String: QRModules]
    private var used: [String: QRModules] = [:]

    /// In memory only.
    init() {
        (path, fileSystem, known) = (nil, nil, [:])
    }

    /// The store of the kit at `kitDirectory`, read now. `keeps`: whether `save` writes it.
    init(kitDirectory: String, fileSystem: FileSystem, keeps: Bool = true) {
        path = keeps ? kitDirectory + "/" + Self.file : nil
        self.fileSystem = fileSystem
        let bytes = try? fileSystem.readFile(at: kitDirectory + "/" + Self.file)
        known = bytes.flatMap { Self.read(String(decoding: $0, as: UTF8.self)) } ?? [:]
    }

    /// The QR code for `text` (`QRCode.encode`): the one kept, else encoded now.
    func modules(for text: String) -> QRModules? {
        if let code = lock.withLock({ used[text] ?? known[text] }) {
            lock.withLock { used[text] = code }
            return code
        }
        guard let code = QRCode.encode(text) else { return nil }
        lock.withLock { used[text] = code }
        return code
    }

    /// Writes the store when this build used a code it did not hold (or, `pruning`, did not use
    /// one it held): the codes used, and unless `pruning` those held too. Written beside its place
    /// and moved there; a store that cannot be written is no failure.
    func save(pruning: Bool) {
        guard let path, let fileSystem else { return }
        let (known, used) = lock.withLock { (self.known, self.used) }
        let kept = pruning ? used : known.merging(used) { _, new in new }
        guard kept.count != known.count || kept.keys.contains(where: { known[$0] == nil }) else { return }
        var text = Self.header + "\n"
        for (link, code) in kept.sorted(by: { $0.key < $1.key }) where !link.contains("\n") {
            text += "\(code.width) \(Data(code.bits).base64EncodedString()) \(link)\n"
        }
        let folder = String(path.dropLast("/qr-codes".count))
        if fileSystem.kind(at: folder) == nil { try? fileSystem.createDirectory(at: folder) }
        let temporary = path + ".\(getpid()).tmp"
        do {
            try fileSystem.writeFile(Array(text.utf8), to: temporary)
            try fileSystem.moveItem(from: temporary, to: path)
        } catch {
            try? fileSystem.removeItem(at: temporary)
        }
        lock.withLock { self.known = kept }
    }

    /// The codes in a store's text, nil unless its header is this one's and every line reads
    /// (`WIDTH BITS TEXT`, the bits in base64).
    static func read(_ text: String) -> [String: QRModules]? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(header), lines.last == "" else { return nil }
        lines = Array(lines.dropFirst().dropLast())
        var codes: [String: QRModules] = [:]
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, let width = Int(parts[0]), let bits = Data(base64Encoded: String(parts[1])),
                  let code = QRModules(width: width, bits: Array(bits)) else { return nil }
            codes[String(parts[2])] = code
        }
        return codes
    }
}
