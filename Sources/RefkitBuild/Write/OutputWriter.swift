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

    public init(fileSystem: any FileSystem, output: String) {
        self.fileSystem = fileSystem
        self.output = output
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
            for leftover in [staging, retired] where fileSystem.kind(at: leftover) != nil {
                try fileSystem.removeItem(at: leftover)
            }
            try fileSystem.createDirectory(at: staging)
            try fileSystem.writeFile(Array("refkit output: this folder is replaced by every build\n".utf8),
                                     to: staging + "/" + Self.marker)
        } catch {
            throw .fileSystem(error)
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
                try fileSystem.writeFile(file.contents, to: path)
            }
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Copies a kit file (absolute path) to `path` under the staging folder.
    public func copy(from source: String, to path: String) throws(Failure) {
        do {
            let destination = staging + "/" + path
            try fileSystem.createDirectory(at: String(destination[..<destination.lastIndex(of: "/")!]))
            try fileSystem.copyFile(from: source, to: destination)
        } catch {
            throw .fileSystem(error)
        }
    }

    /// Puts the staged folder in place of the output folder.
    public func commit() throws(Failure) {
        do {
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
