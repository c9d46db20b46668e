import CLibCrypto
import CXXHash
import Foundation
import RefkitModel

/// What the `.refkit-output` marker records about a build, so the next build can do only what
/// changed:
/// - `fingerprint`: everything that went into it (every input file's path and bytes, refkit's own
///   binary, the date and the options that change output). Equal next time: nothing to do.
/// - `shared`: the same, leaving out the sources' own files. Equal next time: only the sources
///   whose file changed are rendered again (see `InputScan`).
/// - a record per source: the hash of its file, its folder, its page count, a hash of what the
///   directory page lists of it, with `--pdf` the key its PDFs were printed for, and a hash of
///   what its home lists of its posts on the network blog;
/// - a hash of every file written: a file whose bytes are unchanged is linked, not rewritten (same
///   inode, same mtime), so uploads stay small.
///
/// The format is lines of text (one record per line, sorted), read and written in a few
/// milliseconds even for 100,000 files, and readable in a diff.
public struct Manifest: Sendable, Equatable {
    public static let format = "refkit-manifest 7"

    /// What the manifest knows about one source's kit.
    public struct SourceRecord: Sendable, Equatable {
        /// Hash of the source's file; `unknown` while a build is swapping its folder in.
        public var input: String
        /// Its folder under output/.
        public var folder: String
        /// HTML pages in its folder.
        public var pages: Int
        /// Hash of what the directory page shows of it (`SiteRenderer.listing(of:)`).
        public var listing: String
        /// With `--pdf`, the key its PDFs were printed for (`PrintStep`); `unknown` without.
        public var prints: String
        /// Hash of what its home lists of its posts on the network blog.
        public var posts: String

        public static let unknown = "-"

        public init(input: String, folder: String, pages: Int, listing: String, prints: String = unknown, posts: String = unknown) {
            self.input = input
            self.folder = folder
            self.pages = pages
            self.listing = listing
            self.prints = prints
            self.posts = posts
        }
    }

    public var fingerprint: String
    public var shared: String
    /// The hash of `content/network/` (left out of `shared`: a changed post renders the blog and
    /// its author's kit, not every source), and how many posts the build published.
    public var network = SourceRecord.unknown
    public var posts = 0
    /// Slug → record.
    public var sources: [String: SourceRecord]
    /// Pages outside the sources' folders (the directory page).
    public var otherPages: Int
    /// The warnings of the build that wrote the output: a build that finds nothing changed prints
    /// them again (they are part of the output's state, not news of the moment).
    public var diagnostics: [Diagnostic] = []
    /// The hash of every file written, by output entry (see `entry(of:)`): each entry's `file HASH
    /// PATH` lines, sorted by path, kept as read. A build that renders one source reads, and
    /// writes back, the other entries' lines without looking inside them.
    public private(set) var fileLines: [String: ArraySlice<UInt8>]

    /// - Parameter files: output path → hash of its bytes (`hash(_:)`).
    public init(fingerprint: String, shared: String, sources: [String: SourceRecord], otherPages: Int,
                files: [String: String]) {
        self.init(fingerprint: fingerprint, shared: shared, sources: sources, otherPages: otherPages, fileLines: [:])
        record(files)
    }

    init(fingerprint: String, shared: String, sources: [String: SourceRecord], otherPages: Int,
         fileLines: [String: ArraySlice<UInt8>]) {
        self.fingerprint = fingerprint
        self.shared = shared
        self.sources = sources
        self.otherPages = otherPages
        self.fileLines = fileLines
    }

    /// Records `files` (path → hash), replacing every entry they are part of.
    public mutating func record(_ files: [String: String]) {
        var byEntry: [String: [String]] = [:]
        for path in files.keys { byEntry[Self.entry(of: path), default: []].append(path) }
        for (entry, paths) in byEntry {
            var lines: [UInt8] = []
            // Appended as bytes (a string and an array made per line were 3% of a whole build,
            // all of it after the last page was written).
            for path in paths.sorted() {
                lines.append(contentsOf: Self.filePrefix)
                lines.append(contentsOf: files[path]!.utf8)
                lines.append(0x20)
                lines.append(contentsOf: Self.escape(path).utf8)
                lines.append(0x0A)
            }
            fileLines[entry] = lines[...]
        }
    }

    /// Forgets the files of these entries.
    public mutating func forget(_ entries: some Sequence<String>) {
        for entry in entries { fileLines[entry] = nil }
    }

    /// The recorded hash of the file at `path`.
    public func hash(of path: String) -> String? {
        guard let lines = fileLines[Self.entry(of: path)] else { return nil }
        let wanted = Array(Self.escape(path).utf8)
        // Line by line in place (a build asks this for each file it writes: splitting the entry's
        // lines each time cost as much as rendering its pages).
        var start = lines.startIndex
        while start < lines.endIndex {
            let end = lines[start...].firstIndex(of: 0x0A) ?? lines.endIndex
            // `file ` + 32 hex digits + ` ` + path
            if end - start == 38 + wanted.count, lines[(start + 38)..<end].elementsEqual(wanted) {
                return String(decoding: lines[(start + 5)..<(start + 37)], as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }

    /// Every recorded file, path → hash (for tests and tools; a build never needs them all).
    public var files: [String: String] { files(inEntries: fileLines.keys) }

    /// The recorded files of some output entries (`entry(of:)`), path → hash: what a build reads
    /// of the manifest to know whether a shared entry changed, without parsing every source's lines.
    public func files(inEntries entries: some Sequence<String>) -> [String: String] {
        var files: [String: String] = [:]
        for entry in entries {
            guard let lines = fileLines[entry] else { continue }
            for line in lines.split(separator: 0x0A) {
                files[Self.unescape(String(decoding: line.dropFirst(38), as: UTF8.self))] = String(decoding: line.dropFirst(5).prefix(32), as: UTF8.self)
            }
        }
        return files
    }

    /// HTML pages in the output, as the build that wrote it reported.
    public var pages: Int { sources.values.reduce(otherPages) { $0 + $1.pages } }

    /// The marker's bytes: a line of explanation, then one record per line, sorted.
    public var bytes: [UInt8] {
        var text = "refkit output: this folder is replaced by every build\n\(Self.format)\n"
        text += "fingerprint \(fingerprint)\nshared \(shared)\nother-pages \(otherPages)\nnetwork \(network)\nposts \(posts)\n"
        for slug in sources.keys.sorted() {
            let record = sources[slug]!
            text += "source \(slug) \(record.input) \(record.pages) \(record.listing) \(record.prints) \(record.posts) \(Self.escape(record.folder))\n"
        }
        for diagnostic in diagnostics { text += Self.line(for: diagnostic) }
        var bytes = Array(text.utf8)
        bytes.reserveCapacity(bytes.count + fileLines.values.reduce(0) { $0 + $1.count })
        for entry in fileLines.keys.sorted() { bytes.append(contentsOf: fileLines[entry]!) }
        return bytes
    }

    /// Reads a marker written by `bytes`; nil for an older format, a foreign or a damaged marker
    /// (the next build is then a whole one).
    public init?(bytes: [UInt8]) {
        guard bytes.last == 0x0A else { return nil }  // cut short
        var fingerprint: String?, shared: String?, otherPages: Int?, network = SourceRecord.unknown, posts = 0
        var sources: [String: SourceRecord] = [:], fileLines: [String: ArraySlice<UInt8>] = [:], diagnostics: [Diagnostic] = []
        // File lines are grouped by entry as they come, scanning bytes: a roster's manifest has
        // a line per output file, and a one-source rebuild needs none of them one by one.
        var entryStart = 0, entryEnd = 0, entryPath = 0..<0
        func closeEntry() {
            if entryEnd > entryStart { fileLines[String(decoding: bytes[entryPath], as: UTF8.self)] = bytes[entryStart..<entryEnd] }
        }
        let filePrefix = Self.filePrefix, bundlesPrefix = Self.bundlesPrefix
        var lineNumber = 0, start = 0
        while start < bytes.count {
            let end = bytes.withUnsafeBufferPointer { buffer in
                var end = start
                while buffer[end] != 0x0A { end += 1 }  // the last byte is a newline
                return end
            }
            defer { start = end + 1 }
            lineNumber += 1
            if lineNumber == 1 { continue }
            let line = bytes[start..<end]
            if lineNumber == 2 {
                guard line.elementsEqual(Self.format.utf8) else { return nil }
                continue
            }
            let isFile: Bool? = bytes.withUnsafeBufferPointer { buffer in
                guard end - start > 5, (0..<5).allSatisfy({ buffer[start + $0] == filePrefix[$0] }) else { return false }
                // `file HASH PATH`, the hash 32 hex digits; the entry is the path up to its first
                // slash, or all of it for a bundle.
                guard end - start > 38 else { return nil }
                let path = start + 38
                var entryEndIndex = path
                let isBundle = end - path > bundlesPrefix.count && (0..<bundlesPrefix.count).allSatisfy { buffer[path + $0] == bundlesPrefix[$0] }
                if isBundle { entryEndIndex = end } else { while entryEndIndex < end, buffer[entryEndIndex] != 0x2F { entryEndIndex += 1 } }
                let same = entryEndIndex - path == entryPath.count
                    && (0..<entryPath.count).allSatisfy { buffer[path + $0] == buffer[entryPath.lowerBound + $0] }
                if !same {
                    closeEntry()
                    (entryPath, entryStart) = (path..<entryEndIndex, start)
                }
                entryEnd = end + 1
                return true
            }
            guard let isFile else { return nil }
            if isFile { continue }
            // `source SLUG INPUT PAGES LISTING PRINTS POSTS FOLDER`, or `KEY VALUE`
            let fields = line.split(separator: 0x20, maxSplits: 7, omittingEmptySubsequences: false)
            let key = String(decoding: fields[0], as: UTF8.self)
            if key == "source", fields.count == 8, let pages = Int(String(decoding: fields[3], as: UTF8.self)) {
                sources[String(decoding: fields[1], as: UTF8.self)] = SourceRecord(
                    input: String(decoding: fields[2], as: UTF8.self), folder: Self.unescape(String(decoding: fields[7], as: UTF8.self)),
                    pages: pages, listing: String(decoding: fields[4], as: UTF8.self), prints: String(decoding: fields[5], as: UTF8.self),
                    posts: String(decoding: fields[6], as: UTF8.self))
            } else if key == "diagnostic" {
                guard let diagnostic = Self.diagnostic(from: String(decoding: line, as: UTF8.self)) else { return nil }
                diagnostics.append(diagnostic)
            } else if fields.count == 2 {
                let value = String(decoding: fields[1], as: UTF8.self)
                switch key {
                case "fingerprint": fingerprint = value
                case "shared": shared = value
                case "other-pages": otherPages = Int(value)
                case "network": network = value
                case "posts": posts = Int(value) ?? 0
                default: return nil
                }
            } else {
                return nil
            }
        }
        closeEntry()
        guard let fingerprint, let shared, let otherPages else { return nil }
        self.init(fingerprint: fingerprint, shared: shared, sources: sources, otherPages: otherPages, fileLines: fileLines)
        (self.diagnostics, self.network, self.posts) = (diagnostics, network, posts)
    }

    private static let filePrefix = Array("file ".utf8)
    private static let bundlesFolder = OutputPlan.bundlesFolder + "/"
    private static let bundlesPrefix = Array(bundlesFolder.utf8)

    /// The manifest as it must be read after an interrupted swap: the journal's sources are
    /// unknown (rendered again, or removed if gone), the files of its entries forgotten (never
    /// linked on trust), and the whole fingerprint unknown.
    public func applying(_ journal: Journal) -> Manifest {
        var manifest = self
        manifest.fingerprint = SourceRecord.unknown
        for (slug, folder) in journal.sources {
            manifest.sources[slug] = SourceRecord(input: SourceRecord.unknown, folder: folder, pages: sources[slug]?.pages ?? 0,
                                                  listing: SourceRecord.unknown)
        }
        manifest.forget(journal.entries)
        return manifest
    }

    /// The entry of the output folder that `path` is part of: a source's folder, a bundle, a
    /// file at the top (the directory page).
    public static func entry(of path: String) -> String {
        if path.hasPrefix(bundlesFolder) { return path }
        return path.firstIndex(of: "/").map { String(path[..<$0]) } ?? path
    }

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

    /// XXH3-128 of `bytes`, as 32 hex digits: what tells a file's bytes from its last build's. Not
    /// a cryptographic hash (nothing here needs one); SHA-256 ran at about 27 instructions a byte,
    /// a tenth of a whole build, where XXH3 needs well under one.
    public static func hash(_ bytes: [UInt8]) -> String {
        let digest = bytes.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        return hex(digest.high64) + hex(digest.low64)
    }

    /// SHA-256 of `bytes`, as the first 32 hex digits: for the fingerprints, which the manifest
    /// publishes and which may be made from the `REFKIT_SECRET`.
    public static func digest(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = bytes.withUnsafeBufferPointer { SHA256($0.baseAddress, $0.count, &digest) }
        return hexDigits(of: digest.prefix(16))
    }

    private static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
