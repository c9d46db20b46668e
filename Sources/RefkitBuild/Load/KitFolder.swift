/// Whether a folder given as a kit is one, checked before anything is loaded: a mistyped path or
/// the kit's own content/ folder gets one sentence saying what it is, not "missing
/// content/site.yml" and the cascade after it.
public enum KitFolder {
    /// Why `path` (absolute) is not a kit folder, or nil when it has a `content/`.
    public static func problem(_ path: String, fileSystem: any FileSystem) -> String? {
        let kind = fileSystem.kind(at: path) == .symlink ? fileSystem.realPath(path).flatMap(fileSystem.kind(at:)) : fileSystem.kind(at: path)
        switch kind {
        case nil: return "there is no folder \(path)"
        case .directory: break
        default: return "\(path) is a file, not a kit folder"
        }
        guard fileSystem.kind(at: path + "/content") == nil else { return nil }
        let parent = path.lastIndex(of: "/").map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        if ["site.yml", "sources", "kit"].contains(where: { fileSystem.kind(at: path + "/" + $0) != nil }) {
            return "\(path) looks like a kit's content/ folder: give the kit folder that holds it, \(parent)"
        }
        return "\(path) is not a kit folder: it has no content/ (refkit init starts a kit)"
    }
}
