import Foundation
import RefkitModel

/// Reads each input file once and keeps its bytes for the rest of the build: below `inputs` (the
/// kit's content/ and templates/, which a build only reads), a file's bytes, what a path is and
/// what a folder holds are asked once (the scan and the loader both walk them). Everything else
/// goes straight to the file system underneath.
final class CachingFileSystem: FileSystem, @unchecked Sendable {
    private let base: any FileSystem
    private let inputs: [String]
    private let lock = ReadWriteLock()
    private var cache: [String: [UInt8]] = [:]
    private var kinds: [String: FileKind?] = [:]
    private var listings: [String: [String]] = [:]

    init(_ base: any FileSystem, inputs: [String] = []) {
        self.base = base
        self.inputs = inputs.map { $0 + "/" }
    }

    /// What `previous` read, but for the `changed` paths (absolute): their bytes and kinds are
    /// asked of the file system again, and the listing of a folder where one came or went.
    /// `refkit serve` checks the kit after a save reading only the files the watcher saw change.
    init(_ base: any FileSystem, inputs: [String], keeping previous: CachingFileSystem, except changed: Set<String>) {
        self.base = base
        self.inputs = inputs.map { $0 + "/" }
        (cache, kinds, listings) = previous.lock.read { (previous.cache, previous.kinds, previous.listings) }
        for path in changed {
            cache[path] = nil
            let kind = base.kind(at: path)
            if kinds[path] != .some(kind), let slash = path.lastIndex(of: "/") { listings[String(path[..<slash])] = nil }
            kinds[path] = kind
        }
    }

    private func isInput(_ path: String) -> Bool { inputs.contains { path.hasPrefix($0) } }

    /// Whether the file at `path` is as this file system read it: the same kind and the same
    /// bytes. A path it never looked at is as it was when nothing is there (a temporary file
    /// come and gone); one it looked at but never read is not known to be, so it is not.
    func isAsRead(_ path: String) -> Bool {
        let (looked, bytes) = lock.read { (kinds[path], cache[path]) }
        let kind = base.kind(at: path)
        guard let looked else { return kind == nil }
        guard looked == kind else { return false }
        guard kind != nil else { return true }
        guard let bytes else { return false }
        return (try? base.readFile(at: path)) == bytes
    }

    func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        // Only inputs are kept: a file read from elsewhere (a stored card, the manifest) is read
        // once anyway, and keeping a thousand cards' bytes held 30 MB for the whole build.
        guard isInput(path) else { return try base.readFile(at: path) }
        if let bytes = lock.read({ cache[path] }) { return bytes }
        let bytes = try base.readFile(at: path)
        lock.write { cache[path] = bytes }
        return bytes
    }

    func kind(at path: String) -> FileKind? {
        guard isInput(path) else { return base.kind(at: path) }
        if let kind = lock.read({ kinds[path] }) { return kind }
        let kind = base.kind(at: path)
        lock.write { kinds[path] = kind }
        return kind
    }

    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        guard isInput(path + "/") else { return try base.contentsOfDirectory(at: path) }
        if let names = lock.read({ listings[path] }) { return names }
        let names = try base.contentsOfDirectory(at: path)
        lock.write { listings[path] = names }
        return names
    }

    /// A folder's entries with their kinds, in one listing of the file system underneath
    /// (readdir's entry types on disk), each kind kept for `kind(at:)`.
    func entriesOfDirectory(at path: String) throws(FileSystemError) -> [(name: String, kind: FileKind?)] {
        guard isInput(path + "/") else { return try base.entriesOfDirectory(at: path) }
        if let names = lock.read({ listings[path] }) { return names.map { ($0, kind(at: path + "/" + $0)) } }
        let entries = try base.entriesOfDirectory(at: path)
        lock.write {
            listings[path] = entries.map(\.name)
            for entry in entries where kinds[path + "/" + entry.name] == nil { kinds[path + "/" + entry.name] = entry.kind }
        }
        return entries
    }

    func realPath(_ path: String) -> String? { base.realPath(path) }
    func createDirectory(at path: String) throws(FileSystemError) { try base.createDirectory(at: path) }
    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) { try base.writeFile(bytes, to: path) }
    func copyFile(from source: String, to destination: String) throws(FileSystemError) { try base.copyFile(from: source, to: destination) }
    func linkItem(from source: String, to destination: String) throws(FileSystemError) { try base.linkItem(from: source, to: destination) }
    func moveItem(from source: String, to destination: String) throws(FileSystemError) { try base.moveItem(from: source, to: destination) }
    func exchangeItems(_ a: String, _ b: String) throws(FileSystemError) { try base.exchangeItems(a, b) }
    func removeItem(at path: String) throws(FileSystemError) { try base.removeItem(at: path) }
    func lockExclusively(at path: String) throws(FileSystemError) -> FileLock? { try base.lockExclusively(at: path) }
}
