import Foundation
import RefkitLedger
import RefkitModel

/// Hashes of everything a build reads, taken before anything is parsed: what decides whether a
/// build has anything to do, and which sources it must render again.
///
/// A source's kit depends on its own file (`content/sources/SLUG.yml`) and on everything else (the
/// site, kit pages, offers, templates, assets, the ledger, the date, the options, refkit itself),
/// never on another source's file. So when only sources' files changed (`shared` is as before),
/// only those sources are rendered again.
public struct InputScan: Sendable, Equatable {
    /// Everything: equal to the previous build's, there is nothing to do.
    public var fingerprint: String
    /// Everything except the sources' own files and the network blog's posts.
    public var shared: String
    /// `content/network/`: the blog's posts (what a partner's home lists of them).
    public var network: String
    /// Slug → hash of `content/sources/SLUG.yml`.
    public var sources: [String: String]

    static let sourcesFolder = "content/sources/"
    static let networkFolder = "content/network/"

    /// Reads and hashes every file under `content/` and `templates/` (path and bytes, in path
    /// order), with the options that change output.
    public static func scan(_ request: BuildRequest, date: String, fileSystem: any FileSystem) -> InputScan {
        var options = [UInt8]()
        func add(_ text: String, to context: inout [UInt8]) {
            context.append(contentsOf: text.utf8)
            context.append(0)
        }
        for option in [Manifest.format, executableIdentity, date, request.bundle ? "bundle" : "",
                       request.shard?.description ?? "", request.secret.map { Manifest.digest(Array($0.utf8)) } ?? "",
                       request.pdf.map { "pdf " + $0.identity } ?? ""] {
            add(option, to: &options)
        }
        var everything = options, shared = options, network = [UInt8]()
        var sources: [String: String] = [:]
        let entries = ["content", "templates"].flatMap { folder in
            let path = request.kitDirectory + "/" + folder
            return Self.entries(under: path, real: fileSystem.realPath(path) ?? path, ancestors: [], fileSystem: fileSystem)
        }.sorted { $0.path < $1.path }
        let hashes = ParallelResults<String>(count: entries.count)
        parallelForEach(entries.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            let entry = entries[index]
            hashes.set(index, entry.kind ?? Manifest.hash((try? fileSystem.readFile(at: entry.path)) ?? []))
        }
        let kitPrefix = request.kitDirectory.utf8.count + 1
        for (entry, hash) in zip(entries, hashes.all) {
            // (Cut by bytes: every entry's path starts with the kit's, and a thousand cut by
            // Character were a tenth of a build with nothing to do.)
            let relative = String(Substring(entry.path.utf8.dropFirst(kitPrefix)))
            if relative == ReferralProcess.file { continue }  // private, read by `report` only: no page depends on it
            add(relative, to: &everything)
            add(hash, to: &everything)
            if let slug = sourceSlug(relative) {
                sources[slug] = hash
            } else if relative.hasPrefix(networkFolder) {
                add(relative, to: &network)
                add(hash, to: &network)
            } else {
                add(relative, to: &shared)
                add(hash, to: &shared)
            }
        }
        return InputScan(fingerprint: Manifest.digest(everything), shared: Manifest.digest(shared), network: Manifest.digest(network),
                         sources: sources)
    }

    /// `content/sources/SLUG.yml` → SLUG; nil for any other file.
    static func sourceSlug(_ relative: String) -> String? {
        // (The folder told by bytes: asked of every input file, and by `Character` it was 4% of
        // a build with nothing to do.)
        guard relative.utf8.starts(with: sourcesFolder.utf8) else { return nil }
        let name = String(Substring(relative.utf8.dropFirst(sourcesFolder.utf8.count)))
        guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else { return nil }
        let slug = KitLoader.sourceSlug(name)
        guard !slug.isEmpty, !slug.contains("/"), !slug.hasPrefix(".") else { return nil }
        return slug
    }

    /// Who made the output: a rebuilt refkit (a changed built-in template, a fixed renderer) never
    /// mistakes old output for current. The running binary's identity (device, inode, size,
    /// modification time in nanoseconds), as `make` would judge it: installing or building refkit
    /// changes it, and nothing has to be read. Taken once per process.
    static let executableIdentity: String = identity(ofFileAt: "/proc/self/exe") ?? ""

    /// A file's identity as `make` would judge it (device, inode, size, modification time in
    /// nanoseconds), read without reading the file; nil when there is none.
    static func identity(ofFileAt path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_dev) \(info.st_ino) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Every entry below `folder` that the loader would see, each with what it is when it is not a
    /// file to hash: a broken symlink, a FIFO or a symlink loop changes the fingerprint like any
    /// edit, so "nothing changed" never hides an error that `check` reports. Never follows a loop.
    private static func entries(under folder: String, real: String, ancestors: Set<String>,
                                fileSystem: any FileSystem) -> [(path: String, kind: String?)] {
        guard let listed = try? fileSystem.entriesOfDirectory(at: folder) else { return [] }
        let ancestors = ancestors.union([real])
        return listed.flatMap { name, kind -> [(path: String, kind: String?)] in
            let path = folder + "/" + name
            var kind = kind
            var target = real + "/" + name
            if kind == .symlink {
                guard let resolved = fileSystem.realPath(path) else { return [(path, "broken symlink")] }
                target = resolved
                kind = fileSystem.kind(at: resolved)
                if kind == .directory, KitLoader.isLoop(resolved, ancestors) { return [(path, "symlink loop")] }
            }
            switch kind {
            case .directory: return entries(under: path, real: target, ancestors: ancestors, fileSystem: fileSystem)
            case .file: return [(path, nil)]
            default: return [(path, "not a file")]
            }
        }
    }
}
