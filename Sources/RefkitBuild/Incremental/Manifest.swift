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
        // (Found as a byte: a search by Character cost 5,000 instructions a file written.)
        return path.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? path
    }

    /// XXH3-128 of `bytes`, as 32 hex digits: what tells a file's bytes from its last build's. Not
    /// a cryptographic hash (nothing here needs one); SHA-256 ran at about 27 instructions a byte,
    /// a tenth of a whole build, where XXH3 needs well under one.
    public static func hash(_ bytes: [UInt8]) -> String {
        let digest = bytes.withUnsafeBytes { XXH3_128bits($0.baseAddress, $0.count) }
        return withUnsafeBytes(of: (digest.high64.bigEndian, digest.low64.bigEndian)) { hexDigits(of: $0) }
    }

    /// SHA-256 of `bytes`, as the first 32 hex digits: for the fingerprints, which the manifest
    /// publishes and which may be made from the `REFKIT_SECRET`.
    public static func digest(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = bytes.withUnsafeBufferPointer { SHA256($0.baseAddress, $0.count, &digest) }
        return hexDigits(of: digest.prefix(16))
    }
}
