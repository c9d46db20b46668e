import CLibCrypto
import Foundation

/// What the `.refkit-output` marker records about a build: a fingerprint of everything that went
/// into it (every input file's path and bytes, refkit's version, the options that change output)
/// and a hash of every file it wrote. The next build uses it to do nothing when nothing changed,
/// and to keep files whose bytes are unchanged (same inode, same mtime) instead of rewriting them.
public struct Manifest: Codable, Sendable, Equatable {
    public static let version = "refkit 0.1.0"

    public var refkit: String
    public var fingerprint: String
    /// What the build reported, repeated when a later build finds nothing changed.
    public var sources: Int
    public var pages: Int
    /// Output path → SHA-256 of its bytes (hex, first 32 digits).
    public var files: [String: String]

    public init(fingerprint: String, sources: Int, pages: Int, files: [String: String]) {
        self.refkit = Self.version
        self.fingerprint = fingerprint
        self.sources = sources
        self.pages = pages
        self.files = files
    }

    /// The marker's bytes: a line of explanation, then sorted JSON (deterministic).
    public var bytes: [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(self)) ?? Data()
        return Array("refkit output: this folder is replaced by every build\n".utf8) + [UInt8](json) + [0x0A]
    }

    /// Reads a marker written by `bytes`; nil for an older or foreign marker.
    public init?(bytes: [UInt8]) {
        guard let newline = bytes.firstIndex(of: 0x0A),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(bytes[(newline + 1)...])),
              manifest.refkit == Self.version else { return nil }
        self = manifest
    }

    /// SHA-256 of `bytes`, as the first 32 hex digits.
    public static func hash(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        _ = bytes.withUnsafeBufferPointer { SHA256($0.baseAddress, $0.count, &digest) }
        let hex = Array("0123456789abcdef")
        return String(digest.prefix(16).flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 0xF)]] })
    }

    /// The fingerprint of a build: the options that change its output, and every file under
    /// `content/` and `templates/` (path and bytes, in path order).
    public static func fingerprint(of request: BuildRequest, date: String, fileSystem: any FileSystem) -> String {
        var context = [UInt8]()
        func add(_ text: String) { context += Array(text.utf8) + [0] }
        add(version)
        add(executableHash)
        add(date)
        add(request.bundle ? "bundle" : "")
        add(request.shard?.description ?? "")
        add(request.secret.map { hash(Array($0.utf8)) } ?? "")
        for folder in ["content", "templates"] {
            for path in files(under: request.kitDirectory + "/" + folder, fileSystem: fileSystem).sorted() {
                add(String(path.dropFirst(request.kitDirectory.count + 1)))
                add(hash((try? fileSystem.readFile(at: path)) ?? []))
            }
        }
        return hash(context)
    }

    /// The running program's own bytes: a rebuilt refkit (a changed built-in template, a fixed
    /// renderer) never mistakes old output for current. Read once per process.
    static let executableHash: String = {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
              let bytes = FileManager.default.contents(atPath: path) else { return "" }
        return hash([UInt8](bytes))
    }()

    private static func files(under folder: String, fileSystem: any FileSystem) -> [String] {
        guard let names = try? fileSystem.contentsOfDirectory(at: folder) else { return [] }
        return names.flatMap { name -> [String] in
            let path = folder + "/" + name
            var kind = fileSystem.kind(at: path)
            if kind == .symlink { kind = fileSystem.realPath(path).flatMap(fileSystem.kind(at:)) }
            switch kind {
            case .directory: return files(under: path, fileSystem: fileSystem)
            case .file: return [path]
            default: return []
            }
        }
    }
}
