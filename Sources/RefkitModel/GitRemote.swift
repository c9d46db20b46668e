import Foundation

/// The git remotes `refkit deploy` pushes to, checked by validation (at site.yml's line) and by
/// the deployer itself.
public enum GitRemote {
    /// The transports a git deploy may use (`GIT_ALLOW_PROTOCOL`): no `ext::`, which runs a command.
    public static let protocols: Set<String> = ["https", "http", "ssh", "git", "file"]

    /// Why `remote` is not a git remote refkit will push to, or nil: only the forms git documents
    /// (`https://`, `http://`, `ssh://`, `git://`, `file://` URLs, `user@host:path`, a local path),
    /// never one that git would read as an option (`--upload-pack=…`) or hand to a transport
    /// helper (`ext::…`, which runs a command).
    public static func problem(_ remote: String) -> String? {
        if remote.hasPrefix("-") { return "must not start with '-' (git would read it as an option)" }
        if remote.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F }) {
            return "must not contain spaces or control characters"
        }
        if let separator = remote.range(of: "://") {
            let scheme = remote[..<separator.lowerBound].lowercased()
            guard protocols.contains(scheme) else {
                return "must be an https://, http://, ssh://, git:// or file:// URL, user@host:path or a folder, not a '\(scheme)://' URL"
            }
            return nil
        }
        if remote.contains("::") { return "must not name a transport helper ('::'): it runs a command" }
        return nil
    }
}
