import Foundation
import RefkitModel

/// `write`: fills a staging folder beside the output folder, then swaps it into place in one step
/// (`renameat2(RENAME_EXCHANGE)`), so a failed or interrupted build leaves the previous output
/// exactly as it was. A marker file tells refkit that a folder is its own: a non-empty folder
/// without one is never replaced.
public struct OutputWriter: Sendable {
    /// Present in every folder refkit writes; it is what allows the next build to replace it.
    public static let marker = ".refkit-output"

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notRefkitOutput(String)
        case fileSystem(FileSystemError)
        case bundle(String)

        public var description: String {
            switch self {
            case .notRefkitOutput(let path):
                "refusing to replace \(path): it is not empty and refkit did not write it (no \(OutputWriter.marker) file in it); choose an empty or new folder"
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

    public init(fileSystem: any FileSystem, output: String) {
        self.fileSystem = fileSystem
        self.output = output
        self.previous = (try? fileSystem.readFile(at: output + "/" + Self.marker)).flatMap(Manifest.init(bytes:))
    }

    var staging: String { sibling("tmp") }
    var retired: String { sibling("old") }

    private func sibling(_ suffix: String) -> String {
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
                let folder = String(path[..<path.lastIndex(of: "/")!])
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
        if previous?.files[path] == hash,
           (try? fileSystem.linkItem(from: output + "/" + path, to: staging + "/" + path)) != nil {
            return
        }
        try fileSystem.writeFile(bytes, to: staging + "/" + path)
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

    /// Records the manifest in the staged folder and puts it in place of the output folder.
    public func commit(fingerprint: String, sources: Int, pages: Int) throws(Failure) {
        do {
            let manifest = Manifest(fingerprint: fingerprint, sources: sources, pages: pages, files: written.all)
            try fileSystem.writeFile(manifest.bytes, to: staging + "/" + Self.marker)
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
