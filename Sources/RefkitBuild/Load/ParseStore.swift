import CXXHash
import Foundation
import RefkitModel

/// YAML files already parsed, kept in the kit's cache folder (`KIT/.refkit-cache/yaml-trees`,
/// beside the cards and QR codes): a memo around `YAMLParsing.parse`, keyed by the file, the
/// line its YAML starts on and a hash (XXH3-128) of its text. Yams was a quarter of a build that
/// rendered one source of a thousand: every other source's file is parsed again to check the
/// whole kit. Reading a tree back is a walk over bytes.
///
/// The file names the refkit that wrote it (its binary's identity, as the manifest does): a tree
/// is what this refkit's parser made of the text, so another refkit's file is ignored whole. A
/// record that does not read is parsed again, and only parses that succeeded are kept. A build
/// keeps only the files it read (it reads the whole kit, whatever it renders). Nothing
/// here is published, and losing it loses nothing. `refkit check` reads it and writes nothing.
final class ParseStore: @unchecked Sendable {
    static let file = ".refkit-cache/yaml-trees"
    private static var header: [UInt8] { Array("refkit yaml-trees 1 \(InputScan.executableIdentity)\n".utf8) }

    /// One file's record in the store's bytes: its key, its tree's checksum, and where its tree
    /// starts and the record ends.
    private struct Record {
        var lineOffset: Int
        var hash: XXH128_hash_t
        var checksum: UInt64
        var tree: Int
        var bytes: Range<Int>

        /// Whether the tree's bytes are those written (a damaged store is never read as a tree).
        func isWhole(in stored: [UInt8]) -> Bool {
            stored.withUnsafeBufferPointer { XXH3_64bits($0.baseAddress! + tree, bytes.upperBound - tree) } == checksum
        }
    }

    private let path: String?
    private let fileSystem: FileSystem
    private let stored: [UInt8]
    private let records: [String: Record]
    private let lock = NSLock()
    /// What this build parsed or read, by file: a record's bytes to write back, or nil for one kept.
    private var used: [String: [UInt8]?] = [:]

    /// The store of the kit at `kitDirectory`, read now. `keeps`: whether `save` writes it.
    init(kitDirectory: String, fileSystem: FileSystem, keeps: Bool) {
        path = keeps ? kitDirectory + "/" + Self.file : nil
        self.fileSystem = fileSystem
        stored = (try? fileSystem.readFile(at: kitDirectory + "/" + Self.file)) ?? []
        records = Self.index(stored) ?? [:]
    }

    /// `YAMLParsing.parse(text, file:, lineOffset:)`: the tree kept for this text, else parsed now.
    func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLDocument, Diagnostic> {
        var text = text
        let hash = text.withUTF8 { XXH3_128bits($0.baseAddress, $0.count) }
        if let record = records[file], record.lineOffset == lineOffset, record.hash.low64 == hash.low64, record.hash.high64 == hash.high64,
           record.isWhole(in: stored) {
            var reader = TreeReader(bytes: stored, at: record.tree, end: record.bytes.upperBound, file: file)
            if let root = reader.document() {
                lock.withLock { used[file] = .some(nil) }
                return .success(YAMLDocument(file: file, root: root, text: text, lineOffset: lineOffset))
            }
        }
        let parsed = YAMLParsing.parse(text, file: file, lineOffset: lineOffset)
        var record: [UInt8]?
        if case .success(let document) = parsed, let tree = TreeWriter.bytes(of: document.root) {
            record = []
            Self.append(file: file, lineOffset: lineOffset, hash: hash, tree: tree, to: &record!)
        }
        lock.withLock { used[file] = record.map { .some($0) } }
        return parsed
    }

    /// Writes the store when this build parsed a file it did not hold, or did not read one it
    /// held: the records it read or made (every build loads the whole kit, so a file it did not
    /// read is gone). Written beside its place and moved there; a store that cannot be written is
    /// no failure.
    func save() {
        guard let path else { return }
        let used = lock.withLock { self.used }
        guard used.contains(where: { $0.value != nil }) || used.count != records.count else { return }
        var bytes = Self.header
        for (file, made) in used.sorted(by: { $0.key < $1.key }) {
            if let made { bytes += made } else if let record = records[file] { bytes += stored[record.bytes] }
        }
        let folder = String(path.dropLast("/yaml-trees".count))
        if fileSystem.kind(at: folder) == nil { try? fileSystem.createDirectory(at: folder) }
        try? fileSystem.replaceFile(at: path, with: bytes, temporary: path + ".\(getpid()).tmp")
    }

    /// The files whose trees the store held when it was read (tests).
    var keptFiles: Set<String> { Set(records.keys) }

    /// Whether the last parse of `file` was read back from the store (tests).
    func wasReadBack(_ file: String) -> Bool { lock.withLock { used[file].map { $0 == nil } ?? false } }

    /// A record: its length (4 bytes), the file's name, the line offset, the text's hash (16
    /// bytes), the tree's checksum (XXH3-64, 8 bytes), the tree.
    private static func append(file: String, lineOffset: Int, hash: XXH128_hash_t, tree: [UInt8], to bytes: inout [UInt8]) {
        var body = [UInt8]()
        TreeWriter.append(string: file, to: &body)
        TreeWriter.append(number: lineOffset, to: &body)
        let checksum = tree.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) }
        withUnsafeBytes(of: (hash.low64.littleEndian, hash.high64.littleEndian, checksum.littleEndian)) { body += $0 }
        body += tree
        withUnsafeBytes(of: UInt32(body.count).littleEndian) { bytes += $0 }
        bytes += body
    }

    /// The records a store's bytes hold, by file; nil unless its header is this refkit's and every
    /// record's key reads.
    private static func index(_ bytes: [UInt8]) -> [String: Record]? {
        let header = Self.header
        guard bytes.starts(with: header) else { return nil }
        var records: [String: Record] = [:]
        var at = header.count
        while at < bytes.count {
            guard at + 4 <= bytes.count else { return nil }
            let length = bytes[at..<(at + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
            let end = at + 4 + length
            guard end <= bytes.count else { return nil }
            var reader = TreeReader(bytes: bytes, at: at + 4, end: end, file: "")
            guard let file = reader.string(), let lineOffset = reader.number(), reader.at + 24 <= end else { return nil }
            let words = (0..<3).map { word in (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[reader.at + word * 8 + $1]) << (8 * $1) } }
            records[file] = Record(lineOffset: lineOffset, hash: XXH128_hash_t(low64: words[0], high64: words[1]), checksum: words[2],
                                   tree: reader.at + 24, bytes: at..<end)
            at = end
        }
        return records
    }
}

/// A YAML tree as bytes: a node is its kind (0 a plain scalar, 1 a quoted one, 2 a mapping, 3 a
/// sequence, 4 no document), its line and column, then a scalar's text, or a count and the
/// mapping's entries (key, key's line and column, value) or the sequence's items. Numbers are
/// LEB128, strings their byte count and UTF-8.
enum TreeWriter {
    /// Trees deeper than this are not kept (a reader of them would recurse as deep).
    static let maximumDepth = 200

    static func bytes(of root: YAMLNode?) -> [UInt8]? {
        var bytes = [UInt8]()
        guard let root else { return [4] }
        return append(root, depth: 0, to: &bytes) ? bytes : nil
    }

    private static func append(_ node: YAMLNode, depth: Int, to bytes: inout [UInt8]) -> Bool {
        guard depth < maximumDepth else { return false }
        switch node.value {
        case .scalar(let text, let plain):
            bytes.append(plain ? 0 : 1)
            append(location: node.location, to: &bytes)
            append(string: text, to: &bytes)
        case .mapping(let entries):
            bytes.append(2)
            append(location: node.location, to: &bytes)
            append(number: entries.count, to: &bytes)
            for entry in entries {
                append(string: entry.key, to: &bytes)
                append(location: entry.keyLocation, to: &bytes)
                guard append(entry.value, depth: depth + 1, to: &bytes) else { return false }
            }
        case .sequence(let items):
            bytes.append(3)
            append(location: node.location, to: &bytes)
            append(number: items.count, to: &bytes)
            for item in items {
                guard append(item, depth: depth + 1, to: &bytes) else { return false }
            }
        }
        return true
    }

    private static func append(location: SourceLocation, to bytes: inout [UInt8]) {
        append(number: location.line, to: &bytes)
        append(number: location.column, to: &bytes)
    }

    static func append(number: Int, to bytes: inout [UInt8]) {
        var value = UInt(max(0, number))
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func append(string: String, to bytes: inout [UInt8]) {
        append(number: string.utf8.count, to: &bytes)
        bytes += string.utf8
    }
}

/// Reads what `TreeWriter` wrote, within `end`; nil for anything that does not read.
struct TreeReader {
    let bytes: [UInt8]
    var at: Int
    let end: Int
    let file: String

    init(bytes: [UInt8], at: Int, end: Int, file: String) {
        (self.bytes, self.at, self.end, self.file) = (bytes, at, end, file)
    }

    /// The document's root (`.some(nil)` for an empty document), when the record reads to its end.
    mutating func document() -> YAMLNode?? {
        if at < end, bytes[at] == 4 { return at + 1 == end ? .some(nil) : nil }
        guard let root = node(depth: 0), at == end else { return nil }
        return .some(root)
    }

    mutating func node(depth: Int) -> YAMLNode? {
        guard depth < TreeWriter.maximumDepth, at < end else { return nil }
        let kind = bytes[at]
        at += 1
        guard let location = location() else { return nil }
        switch kind {
        case 0, 1:
            guard let text = string() else { return nil }
            return YAMLNode(value: .scalar(text, plain: kind == 0), location: location)
        case 2:
            guard let count = number(), count <= end - at else { return nil }
            var entries: [YAMLNode.Entry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                guard let key = string(), let keyLocation = self.location(), let value = node(depth: depth + 1) else { return nil }
                entries.append(YAMLNode.Entry(key: key, keyLocation: keyLocation, value: value))
            }
            return YAMLNode(value: .mapping(entries), location: location)
        case 3:
            guard let count = number(), count <= end - at else { return nil }
            var items: [YAMLNode] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return YAMLNode(value: .sequence(items), location: location)
        default:
            return nil
        }
    }

    private mutating func location() -> SourceLocation? {
        guard let line = number(), let column = number() else { return nil }
        return SourceLocation(file: file, line: line, column: column)
    }

    mutating func number() -> Int? {
        var value = 0, shift = 0
        while at < end, shift < 63 {
            let byte = bytes[at]
            at += 1
            value |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func string() -> String? {
        guard let count = number(), count <= end - at else { return nil }
        defer { at += count }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[at..<(at + count)]), as: UTF8.self) }
    }
}
