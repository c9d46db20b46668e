import Foundation

/// Which Chromium prints: `REFKIT_CHROMIUM`, else the first of Debian's `chromium-headless-shell`
/// (headless only: about half the work per page of the full browser) and `chromium` on PATH.
public struct ChromiumProgram: Sendable, Equatable {
    public var path: String

    public static let names = ["chromium-headless-shell", "chromium"]

    public init(path: String) { self.path = path }

    public static func locate(environment: [String: String]) throws(PrintFailure) -> ChromiumProgram {
        if let chosen = environment["REFKIT_CHROMIUM"], !chosen.isEmpty {
            guard access(chosen, X_OK) == 0 else { throw .notAProgram(chosen) }
            return ChromiumProgram(path: chosen)
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + name
                var info = stat()
                if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, access(path, X_OK) == 0 {
                    return ChromiumProgram(path: path)
                }
            }
        }
        throw .notInstalled
    }

    /// What tells one Chromium from another without starting it (its resolved path, size and
    /// modification time): a new Chromium prints every PDF again.
    public var identity: String {
        let real = realpath(path, nil).map { pointer in defer { free(pointer) }; return String(cString: pointer) } ?? path
        var info = stat()
        guard stat(real, &info) == 0 else { return real }
        return "\(real) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
