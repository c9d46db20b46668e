import Foundation
import RefkitModel

/// `write`: fills a staging folder beside the output folder, then swaps it into place in one step
/// (`renameat2(RENAME_EXCHANGE)`), so a failed or interrupted build leaves the previous output
/// exactly as it was. A marker file tells refkit that a folder is its own: a non-empty folder
/// without one is never replaced.
///
/// The build's own records live beside the output folder, never in it (`output/` holds only what
/// is meant for the web, and an unlisted kit's manifest maps every slug to its secret folder):
/// the manifest is `PARENT/.NAME.refkit-manifest`, the journal `PARENT/.NAME.refkit-journal`.
/// The marker in the folder holds only the manifest's hash, so a manifest that does not describe
/// the folder beside it (a build stopped between the two) is not trusted: the next build is whole.
public struct OutputWriter: Sendable {
    /// Present in every folder refkit writes; it is what allows the next build to replace it. It
    /// holds `refkit-output HASH`, HASH the hash of the manifest that describes the folder.
    public static let marker = OutputPlan.marker

    /// The marker's bytes for the folder the manifest written as `manifestBytes` describes (the
    /// bytes as written and read back: a build that changed nothing re-serialises no manifest).
    static func markerBytes(forManifest manifestBytes: [UInt8]) -> [UInt8] {
        Array("refkit-output \(Manifest.hash(manifestBytes))\n".utf8)
    }

    /// Where the manifest of the output folder `output` is kept: beside it.
    public static func manifestPath(of output: String) -> String { sibling(of: output, "manifest") }
    /// Where the journal of an incremental build of `output` is kept while it swaps: beside it.
    public static func journalPath(of output: String) -> String { sibling(of: output, "journal") }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notRefkitOutput(String)
        case busy(output: String, lock: String)
        case fileSystem(FileSystemError)
        case bundle(String)

        public var description: String {
            switch self {
            case .notRefkitOutput(let path):
                "refusing to replace \(path): it is not empty and refkit did not write it (no \(OutputWriter.marker) file in it); choose an empty or new folder"
            case .busy(let output, let lock):
                "another refkit is writing \(output) (it holds \(lock)); wait until it is done, or choose another --output"
            case .fileSystem(let error): "cannot write the output: \(error)"
            case .bundle(let reason): "cannot make a bundle: \(reason)"
            }
        }
    }

    public let fileSystem: any FileSystem
    /// Absolute path of the output folder.
    public let output: String
    /// What the previous build wrote, from its marker.
    public let previous: Manifest?
    private let written = WrittenFiles()
    /// Where a build writes, and where the old output goes while the new is swapped in.
    public let staging: String
    public let retired: String

    public init(fileSystem: any FileSystem, output: String) {
        self.fileSystem = fileSystem
        self.output = output
        staging = Self.sibling(of: output, "tmp")
        retired = Self.sibling(of: output, "old")
        // The manifest beside the folder, trusted only when the folder's marker names it.
        let marker = try? fileSystem.readFile(at: output + "/" + Self.marker)
        let manifest = (try? fileSystem.readFile(at: Self.manifestPath(of: output)))
            .flatMap { marker == Self.markerBytes(forManifest: $0) ? Manifest(bytes: $0) : nil }
        if fileSystem.kind(at: Self.journalPath(of: output)) != nil {
            // The last build was interrupted while swapping sources in: read what it recorded
            // through what it was doing (an unreadable journal: a whole build).
            let journal = (try? fileSystem.readFile(at: Self.journalPath(of: output))).flatMap(Journal.init(bytes:))
            self.previous = journal.flatMap { manifest?.applying($0) }
        } else {
            self.previous = manifest
        }
    }


    /// `PARENT/.NAME.refkit-SUFFIX` for the output folder `PARENT/NAME`.
    public static func sibling(of output: String, _ suffix: String) -> String {
        let slash = output.lastIndex(of: "/")!
        return output[..<slash] + "/." + output[output.index(after: slash)...] + ".refkit-\(suffix)"
    }

    /// Checks the output folder may be replaced, clears what an interrupted build left, and creates
    /// an empty staging folder.
    public func begin() throws(Failure) {
        switch fileSystem.kind(at: output) {
        case nil: break
        case .directory:
            let entries = (try? fileSystem.contentsOfDirectory(at: output)) ?? []
            guard entries.isEmpty || entries.contains(Self.marker) else { throw .notRefkitOutput(output) }
        default:
            throw .notRefkitOutput(output)
        }
        do {
            try clearLeftovers()
            try fileSystem.createDirectory(at: staging)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Removes what a build that was interrupted (killed, out of power) left beside the output.
    public func clearLeftovers() throws(FileSystemError) {
        for leftover in [staging, retired] where fileSystem.kind(at: leftover) != nil {
            try fileSystem.removeItem(at: leftover)
        }
    }

    /// Writes files into the staging folder. Safe to call from several threads for different files.
    public func write(_ files: [OutputFile]) throws(Failure) {
        do {
            var made: Set<String> = []
            for file in files {
                let path = staging + "/" + file.path
                let folder = String(path[..<path.utf8.lastIndex(of: UInt8(ascii: "/"))!])
                if !made.contains(folder) {
                    try fileSystem.createDirectory(at: folder)
                    made.insert(folder)
                }
                try place(file.contents, at: file.path)
            }
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Writes `bytes` to `path` in the staging folder, or, when the previous build wrote the same
    /// bytes there, links the previous file instead: no write, and its mtime is kept.
    private func place(_ bytes: [UInt8], at path: String) throws(FileSystemError) {
        let hash = Manifest.hash(bytes)
        written.record(path, hash)
        if previous?.hash(of: path) == hash,
           (try? fileSystem.linkItem(from: output + "/" + path, to: staging + "/" + path)) != nil {
            return
        }
        try fileSystem.writeFile(bytes, to: staging + "/" + path)
    }

    /// Puts the previous build's files at `paths` in the staging folder unchanged (links: no write),
    /// when the previous build recorded every one and each is still there; else none of them, and
    /// false. (All or none: a file written later at a linked path would write into the old output.)
    public func keep(_ paths: [String]) -> Bool {
        guard let previous else { return false }
        let hashes = paths.compactMap { previous.hash(of: $0) }
        guard hashes.count == paths.count else { return false }
        var linked: [String] = []
        for path in paths {
            let destination = staging + "/" + path
            do {
                try fileSystem.createDirectory(at: String(destination[..<destination.lastIndex(of: "/")!]))
                try fileSystem.linkItem(from: output + "/" + path, to: destination)
                linked.append(destination)
            } catch {
                for link in linked { try? fileSystem.removeItem(at: link) }
                return false
            }
        }
        for (path, hash) in zip(paths, hashes) { written.record(path, hash) }
        return true
    }

    /// The bytes of files `keep` kept (for a bundle).
    public func readKept(_ paths: [String]) throws(Failure) -> [OutputFile] {
        var files: [OutputFile] = []
        for path in paths {
            do {
                files.append(OutputFile(path: path, contents: try fileSystem.readFile(at: staging + "/" + path)))
            } catch {
                throw .fileSystem(error)
            }
        }
        return files
    }

    /// Copies a kit file (absolute path) to `path` under the staging folder.
    public func copy(from source: String, to path: String) throws(Failure) {
        do {
            let destination = staging + "/" + path
            try fileSystem.createDirectory(at: String(destination[..<destination.lastIndex(of: "/")!]))
            try place(try fileSystem.readFile(at: source), at: path)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// The files placed so far (path → hash), for the manifest.
    public var placed: [String: String] { written.all }

    /// Records the manifest beside the output, then puts the whole staged folder (with its marker
    /// naming that manifest) in place of the output folder in one step.
    public func commit(_ manifest: Manifest) throws(Failure) {
        do {
            let bytes = manifest.bytes
            try replaceFile(Self.manifestPath(of: output), with: bytes)
            try fileSystem.writeFile(Self.markerBytes(forManifest: bytes), to: staging + "/" + Self.marker)
            if fileSystem.kind(at: output) == nil {
                try fileSystem.moveItem(from: staging, to: output)
                return
            }
            do {
                try fileSystem.exchangeItems(staging, output)
                try fileSystem.removeItem(at: staging)
            } catch {
                // A file system without an atomic exchange: two renames, the old output kept until
                // the new one is in place.
                try fileSystem.moveItem(from: output, to: retired)
                try fileSystem.moveItem(from: staging, to: output)
                try fileSystem.removeItem(at: retired)
            }
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Puts some entries of the staging folder in place of the same entries of the output folder,
    /// each in one step (a source's folder, its bundle, the directory page), removes `removing`,
    /// and records `manifest`. Everything was written before this is called: what remains is
    /// renames. An interruption between two of them is repaired by the next build: `journal`
    /// (what is being swapped) is put beside the output folder first and removed last.
    public func commit(_ manifest: Manifest, journal: Journal, replacing: [String], removing: [String]) throws(Failure) {
        do {
            try replaceFile(Self.journalPath(of: output), with: journal.bytes)
            for entry in replacing {
                let (staged, current) = (staging + "/" + entry, output + "/" + entry)
                if fileSystem.kind(at: current) != nil {
                    do {
                        try fileSystem.exchangeItems(staged, current)
                    } catch {
                        // No atomic exchange here: two renames, the old entry kept until the new one is in.
                        let old = staging + "/.replaced-" + Manifest.hash(Array(entry.utf8))
                        try fileSystem.moveItem(from: current, to: old)
                        try fileSystem.moveItem(from: staged, to: current)
                    }
                } else {
                    try fileSystem.createDirectory(at: String(current[..<current.lastIndex(of: "/")!]))
                    try fileSystem.moveItem(from: staged, to: current)
                }
            }
            for (index, entry) in removing.enumerated() where fileSystem.kind(at: output + "/" + entry) != nil {
                // Out of the output folder in one step; deleted with the staging folder.
                try fileSystem.moveItem(from: output + "/" + entry, to: staging + "/.removed-\(index)")
            }
            let bytes = manifest.bytes
            try replaceFile(Self.manifestPath(of: output), with: bytes)
            try replaceFile(output + "/" + Self.marker, with: Self.markerBytes(forManifest: bytes))
            try fileSystem.removeItem(at: Self.journalPath(of: output))
            try fileSystem.removeItem(at: staging)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Puts a file at `path` (in or beside the output folder) in one step: written in the staging
    /// folder, then renamed over the old one.
    private func replaceFile(_ path: String, with bytes: [UInt8]) throws(FileSystemError) {
        let name = staging + "/.next-" + Manifest.hash(Array(path.utf8))
        try fileSystem.writeFile(bytes, to: name)
        try fileSystem.moveItem(from: name, to: path)
    }

    /// Removes the staging folder after a failure; the output folder is untouched.
    public func abort() {
        if fileSystem.kind(at: staging) != nil { try? fileSystem.removeItem(at: staging) }
    }
}

/// The files a build placed, with their hashes; filled by the render workers.
private final class WrittenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: String] = [:]
    func record(_ path: String, _ hash: String) { lock.withLock { files[path] = hash } }
    var all: [String: String] { lock.withLock { files } }
}

/// The exclusive lock a build (and a deploy) holds on an output folder: `PARENT/.NAME.refkit-lock`
/// beside it (not inside: the output folder itself is swapped). A second refkit writing the same
/// folder fails at once with a clear message instead of interleaving renames with the first.
/// The file is there only while the lock is held.
public struct OutputLock: Sendable {
    private let lock: FileLock

    public init(output: String, fileSystem: any FileSystem) throws(OutputWriter.Failure) {
        let path = OutputWriter.sibling(of: output, "lock")
        let held: FileLock?
        do {
            try fileSystem.createDirectory(at: String(output[..<output.lastIndex(of: "/")!]))
            held = try fileSystem.lockExclusively(at: path)
        } catch {
            throw .fileSystem(error)
        }
        guard let held else { throw .busy(output: output, lock: path) }
        lock = held
    }

    public func release() { lock.release() }
}
