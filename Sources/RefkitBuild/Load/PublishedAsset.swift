import RefkitModel

/// The one rule for reading an asset that is published as it is (`content/assets/`,
/// `templates/assets/`): its path, every symlink resolved, must lie inside one of those two folders
/// (themselves resolved). So a link to the ledger, `process.yml`, a source file or anything outside
/// the kit is never published, whatever points at it: the loader reports it, and the build, the
/// preview server and the bundles read an asset only through `read`, which checks again at the
/// moment of reading (a symlink swapped in after the check is refused, not followed).
public enum PublishedAsset {
    /// The folders whose files are published as they are, relative to the kit.
    public static let folders = ["templates/assets", "content/assets"]

    /// The real paths `asset` may resolve into, for the kit at `kitDirectory`.
    static func roots(kitDirectory: String, fileSystem: any FileSystem) -> [String] {
        folders.compactMap { fileSystem.realPath(kitDirectory + "/" + $0) }
    }

    /// `asset`'s real path when it is publishable, else nil.
    public static func realPath(of asset: Asset, kitDirectory: String, fileSystem: any FileSystem) -> String? {
        guard let real = fileSystem.realPath(kitDirectory + "/" + asset.file),
              roots(kitDirectory: kitDirectory, fileSystem: fileSystem).contains(where: { real.hasPrefix($0 + "/") }),
              fileSystem.kind(at: real) == .file else { return nil }
        return real
    }

    /// `asset`'s bytes, read from its real path when it is publishable.
    public static func read(_ asset: Asset, kitDirectory: String, fileSystem: any FileSystem) throws(FileSystemError) -> [UInt8] {
        guard let real = realPath(of: asset, kitDirectory: kitDirectory, fileSystem: fileSystem) else {
            throw FileSystemError(path: kitDirectory + "/" + asset.file, reason: refusal)
        }
        return try fileSystem.readFile(at: real)
    }

    /// Why an asset is not published.
    static let refusal = "an asset may point only at a file under content/assets/ or templates/assets/; "
        + "private files (the ledger, process.yml, sources) are never published"
}
