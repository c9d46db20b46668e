import Foundation
import RefkitModel

/// The marker's text format (`.refkit-output`): written by `bytes`, read back by `init?(bytes:)`,
/// a record per line; paths escaped to stay on one line.
extension Manifest {
    /// The marker's bytes: a line of explanation, then one record per line, sorted.
    public var bytes: [UInt8] {
        let text = "refkit output: this folder is replaced by every build\n\(Self.format)\n"
            + "fingerprint \(fingerprint)\nshared \(shared)\nother-pages \(otherPages)\nnetwork \(network)\nposts \(posts)\n"
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + sources.count * 160 + fileLines.values.reduce(0) { $0 + $1.count })
        // (Appended as bytes: interpolating a thousand source lines was most of writing the manifest.)
        for (slug, record) in sources.sorted(by: { $0.key < $1.key }) {
            for (index, field) in ["source", slug, record.input, String(record.pages), record.listing, record.prints, record.posts,
                                   Self.escape(record.folder)].enumerated() {
                if index > 0 { bytes.append(0x20) }
                bytes += field.utf8
            }
            bytes.append(0x0A)
        }
        for diagnostic in diagnostics { bytes += Self.line(for: diagnostic).utf8 }
        for entry in fileLines.keys.sorted() { bytes.append(contentsOf: fileLines[entry]!) }
        return bytes
    }

    /// Reads a marker written by `bytes`; nil for an older format, a foreign or a damaged marker
    /// (the next build is then a whole one).
    public init?(bytes: [UInt8]) {
        guard bytes.last == 0x0A else { return nil }  // cut short
        var fingerprint: String?, shared: String?, otherPages: Int?, network = SourceRecord.unknown, posts = 0
        var sources: [String: SourceRecord] = [:], fileLines: [String: ArraySlice<UInt8>] = [:], diagnostics: [Diagnostic] = []
        // File lines are grouped by entry as they come, scanning bytes (one buffer, each line's
        // end found by `memchr`): a roster's manifest has a line per output file, and a
        // one-source rebuild needs none of them one by one.
        var entryStart = 0, entryEnd = 0, entryPath = 0..<0
        func closeEntry() {
            if entryEnd > entryStart { fileLines[String(decoding: bytes[entryPath], as: UTF8.self)] = bytes[entryStart..<entryEnd] }
        }
        let format = Array(Self.format.utf8), filePrefix = Self.filePrefix, bundlesPrefix = Self.bundlesPrefix
        let read = bytes.withUnsafeBufferPointer { buffer -> Bool in
            let base = buffer.baseAddress!
            func equal(_ at: Int, _ prefix: [UInt8]) -> Bool { prefix.withUnsafeBufferPointer { memcmp(base + at, $0.baseAddress!, prefix.count) == 0 } }
            func index(of byte: UInt8, from: Int, to end: Int) -> Int? {
                memchr(base + from, Int32(byte), end - from).map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base }
            }
            var lineNumber = 0, start = 0
            while start < buffer.count {
                // (The last byte is a newline: every line has an end.)
                let end = index(of: 0x0A, from: start, to: buffer.count)!
                defer { start = end + 1 }
                lineNumber += 1
                if lineNumber == 1 { continue }
                if lineNumber == 2 {
                    guard end - start == format.count, equal(start, format) else { return false }
                    continue
                }
                if end - start > 5, equal(start, filePrefix) {
                    // `file HASH PATH`, the hash 32 hex digits; the entry is the path up to its first
                    // slash, or all of it for a bundle.
                    guard end - start > 38 else { return false }
                    let path = start + 38
                    var entryEndIndex = end
                    if !(end - path > bundlesPrefix.count && equal(path, bundlesPrefix)) {
                        entryEndIndex = index(of: 0x2F, from: path, to: end) ?? end
                    }
                    if entryEndIndex - path != entryPath.count || memcmp(base + path, base + entryPath.lowerBound, entryPath.count) != 0 {
                        closeEntry()
                        (entryPath, entryStart) = (path..<entryEndIndex, start)
                    }
                    entryEnd = end + 1
                    continue
                }
                // `source SLUG INPUT PAGES LISTING PRINTS POSTS FOLDER`, or `KEY VALUE`
                let line = bytes[start..<end]
                let fields = line.split(separator: 0x20, maxSplits: 7, omittingEmptySubsequences: false)
                let key = String(decoding: fields[0], as: UTF8.self)
                if key == "source", fields.count == 8, let pages = Int(String(decoding: fields[3], as: UTF8.self)) {
                    sources[String(decoding: fields[1], as: UTF8.self)] = SourceRecord(
                        input: String(decoding: fields[2], as: UTF8.self), folder: Self.unescape(String(decoding: fields[7], as: UTF8.self)),
                        pages: pages, listing: String(decoding: fields[4], as: UTF8.self), prints: String(decoding: fields[5], as: UTF8.self),
                        posts: String(decoding: fields[6], as: UTF8.self))
                } else if key == "diagnostic" {
                    guard let diagnostic = Self.diagnostic(from: String(decoding: line, as: UTF8.self)) else { return false }
                    diagnostics.append(diagnostic)
                } else if fields.count == 2 {
                    let value = String(decoding: fields[1], as: UTF8.self)
                    switch key {
                    case "fingerprint": fingerprint = value
                    case "shared": shared = value
                    case "other-pages": otherPages = Int(value)
                    case "network": network = value
                    case "posts": posts = Int(value) ?? 0
                    default: return false
                    }
                } else {
                    return false
                }
            }
            return true
        }
        guard read else { return nil }
        closeEntry()
        guard let fingerprint, let shared, let otherPages else { return nil }
        self.init(fingerprint: fingerprint, shared: shared, sources: sources, otherPages: otherPages, fileLines: fileLines)
        (self.diagnostics, self.network, self.posts) = (diagnostics, network, posts)
    }

    static let filePrefix = Array("file ".utf8)
    static let bundlesFolder = OutputPlan.bundlesFolder + "/"
    static let bundlesPrefix = Array(bundlesFolder.utf8)

    /// A path on one line: `\` and newline escaped.
    static func escape(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A }) else { return path }
        return path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ path: String) -> String {
        guard path.utf8.contains(0x5C) else { return path }
        var result = "", escaped = false
        for character in path {
            if escaped {
                result.append(character == "n" ? "\n" : character == "s" ? " " : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
