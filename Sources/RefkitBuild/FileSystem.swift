import Foundation

/// What a path is, without following a symlink at the end of it.
public enum FileKind: Sendable, Equatable {
    case file, directory, symlink, other
}

/// A file-system operation that failed, with the path and the system's reason.
public struct FileSystemError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// Everything refkit does to a disk, behind one seam so tests can inject failures.
/// Paths are absolute.
public protocol FileSystem: Sendable {
    func kind(at path: String) -> FileKind?
    /// Names of a directory's entries, sorted (refkit never depends on the file system's order).
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String]
    /// A directory's entries, sorted by name, each with its kind as `kind(at:)` tells it (nil: gone).
    func entriesOfDirectory(at path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)]
    func readFile(at path: String) throws(FileSystemError) -> [UInt8]
    /// A regular file's bytes in order, a block at a time, until `body` returns false: a large file
    /// (the ledger) read without holding it whole. Returns how many bytes it gave.
    func readBlocks(at path: String, _ body: ([UInt8]) -> Bool) throws(FileSystemError) -> Int
    /// The path with every symlink resolved, or nil if it does not resolve.
    func realPath(_ path: String) -> String?
    func createDirectory(at path: String) throws(FileSystemError)
    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError)
    func copyFile(from source: String, to destination: String) throws(FileSystemError)
    /// A hard link: `destination` becomes another name for `source`'s file (same inode and mtime).
    func linkItem(from source: String, to destination: String) throws(FileSystemError)
    func moveItem(from source: String, to destination: String) throws(FileSystemError)
    /// Atomically swaps two existing paths (`renameat2(RENAME_EXCHANGE)` on Linux).
    func exchangeItems(_ a: String, _ b: String) throws(FileSystemError)
    func removeItem(at path: String) throws(FileSystemError)
    /// Takes an exclusive lock on the file at `path` (created if missing) without waiting: nil when
    /// another process holds it. The lock lasts until `release()` (which removes the file), or the
    /// process ends.
    func lockExclusively(at path: String) throws(FileSystemError) -> FileLock?
}

extension FileSystem {
    /// Writes `bytes` to `temporary` beside `path` and moves it there, so a reader never sees half
    /// of it; on a failure `temporary` is removed and the error thrown.
    public func replaceFile(at path: String, with bytes: [UInt8], temporary: String) throws(FileSystemError) {
        do {
            try writeFile(bytes, to: temporary)
            try moveItem(from: temporary, to: path)
        } catch {
            try? removeItem(at: temporary)
            throw error
        }
    }

    public func entriesOfDirectory(at path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
        try contentsOfDirectory(at: path).map { ($0, kind(at: path + "/" + $0)) }
    }

    /// The file whole, in one block (a file system that keeps files in memory).
    public func readBlocks(at path: String, _ body: ([UInt8]) -> Bool) throws(FileSystemError) -> Int {
        let bytes = try readFile(at: path)
        _ = body(bytes)
        return bytes.count
    }
}

/// An exclusive `flock` held on an open lock file.
public final class FileLock: Sendable {
    private let descriptor: Int32
    private let path: String?
    public init(descriptor: Int32, path: String? = nil) {
        self.descriptor = descriptor
        self.path = path
    }
    /// Removes the lock file, then gives the lock up (closing the file releases it). A process that
    /// opened the old file meanwhile sees it is no longer at the path and starts again.
    public func release() {
        if let path { unlink(path) }
        if descriptor >= 0 { close(descriptor) }
    }
}
