import Foundation
import RefkitBuild
import RefkitModel

/// `refkit deploy`: publishes an existing output folder to `site.yml`'s `deploy:` target.
public struct Deployer: Sendable {
    /// What a deploy would change, path by path (relative to the output folder).
    public struct Plan: Sendable, Equatable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

        /// `+ path`, `~ path`, `- path`, one per line, sorted.
        public var lines: [String] {
            (added.map { "+ \($0)" } + changed.map { "~ \($0)" } + removed.map { "- \($0)" }).sorted { $0.dropFirst(2) < $1.dropFirst(2) }
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noOutput(String)
        case interruptedBuild(String)
        case targetInsideOutput(String)
        case notRefkitTarget(String)
        case fileSystem(FileSystemError)
        case git(String)

        public var description: String {
            switch self {
            case .noOutput(let path): "there is no refkit output at \(path): run refkit build first"
            case .interruptedBuild(let path):
                "\(path) is half way through a rebuild (\(OutputWriter.journalPath(of: path)) is there): run refkit build to finish it, then deploy"
            case .targetInsideOutput(let path):
                "refusing to deploy into \(path): it is inside the output folder, or holds it; choose a folder outside both"
            case .notRefkitTarget(let path):
                "refusing to deploy into \(path): it is not empty and refkit did not deploy there (no \(Deployer.marker) file)"
            case .fileSystem(let error): "cannot deploy: \(error)"
            case .git(let message): "git: \(message)"
            }
        }
    }

    /// Left in a folder refkit deploys to; it is what allows the next deploy to delete there.
    public static let marker = ".refkit-deploy"

    public var fileSystem: any FileSystem
    /// Absolute path of the output folder to publish.
    public var output: String

    public init(fileSystem: any FileSystem = DiskFileSystem(), output: String) {
        self.fileSystem = fileSystem
        self.output = output
    }

    /// A finished build's output: its marker, and no journal of a rebuild that was interrupted
    /// while swapping sources in (publishing then would send out a mix and the journal itself).
    private func requireOutput() throws(Failure) {
        guard fileSystem.kind(at: output + "/" + OutputWriter.marker) == .file else { throw .noOutput(output) }
        guard fileSystem.kind(at: OutputWriter.journalPath(of: output)) == nil else { throw .interruptedBuild(output) }
    }

    /// `target` with every symlink resolved, as far as it exists (a symlink to someone's folder is
    /// that folder, and gets the same refusal), and never inside the output folder or holding it.
    private func resolve(_ target: String) throws(Failure) -> String {
        var existing = target, rest: [Substring] = []
        while fileSystem.kind(at: existing) == nil, let slash = existing.lastIndex(of: "/"), slash > existing.startIndex {
            rest.insert(existing[existing.index(after: slash)...], at: 0)
            existing = String(existing[..<slash])
        }
        let resolved = ([Substring(fileSystem.realPath(existing) ?? existing)] + rest).joined(separator: "/")
        let output = fileSystem.realPath(self.output) ?? self.output
        for (inner, outer) in [(resolved, output), (output, resolved)] where inner == outer || inner.hasPrefix(outer + "/") {
            throw .targetInsideOutput(target)
        }
        return resolved
    }

    /// Every file below `root` by relative path, leaving out refkit's markers.
    private func files(under root: String, prefix: String = "") throws(FileSystemError) -> [String] {
        var found: [String] = []
        for name in try fileSystem.contentsOfDirectory(at: root + (prefix.isEmpty ? "" : "/" + prefix)) {
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            if relative == OutputWriter.marker || relative == Self.marker { continue }
            switch fileSystem.kind(at: root + "/" + relative) {
            case .directory: found += try files(under: root, prefix: relative)
            // A symlink is an entry of its own, never followed: deploy replaces it, never writes through it.
            case .file, .symlink, .other: found.append(relative)
            case nil: break
            }
        }
        return found
    }

    // MARK: - A folder

    /// What mirroring output/ into `target` would change.
    public func planDirectory(_ target: String) throws(Failure) -> Plan {
        try requireOutput()
        return try plan(resolved: try resolve(target))
    }

    /// The plan for `target`, already resolved (`resolve`).
    private func plan(resolved target: String) throws(Failure) -> Plan {
        do {
            let ours = try files(under: output)
            guard fileSystem.kind(at: target) == .directory else { return Plan(added: ours.sorted()) }
            let entries = try fileSystem.contentsOfDirectory(at: target)
            guard entries.isEmpty || entries.contains(Self.marker) else { throw Failure.notRefkitTarget(target) }
            let theirs = Set(try files(under: target))
            var plan = Plan()
            for path in ours.sorted() {
                if !theirs.contains(path) {
                    plan.added.append(path)
                } else if fileSystem.kind(at: target + "/" + path) != .file {
                    plan.changed.append(path)  // a symlink or a FIFO where output/ has a file: replaced, never read
                } else if try fileSystem.readFile(at: output + "/" + path) != fileSystem.readFile(at: target + "/" + path) {
                    plan.changed.append(path)
                }
            }
            plan.removed = theirs.subtracting(ours).sorted()
            return plan
        } catch let error as FileSystemError {
            throw .fileSystem(error)
        } catch {
            throw error as! Failure
        }
    }

    /// Mirrors output/ into `target`: writes what is new or changed, deletes what output/ no longer has.
    public func deployDirectory(_ target: String) throws(Failure) -> Plan {
        try requireOutput()
        let target = try resolve(target)
        let plan = try plan(resolved: target)
        do {
            try fileSystem.createDirectory(at: target)
            // Removals first: a symlink where output/ has a folder is gone before anything is written below it.
            for path in plan.removed { try fileSystem.removeItem(at: target + "/" + path) }
            for path in plan.added + plan.changed {
                let destination = target + "/" + path
                try fileSystem.createDirectory(at: String(destination[..<destination.lastIndex(of: "/")!]))
                // A new file renamed over the old one, never a write into it: the old file may be
                // another name for a file of a snapshot (`cp -al`, `rsync --link-dest`), and a
                // symlink is replaced, never written through.
                let fresh = OutputWriter.sibling(of: destination, "new")
                try fileSystem.writeFile(try fileSystem.readFile(at: output + "/" + path), to: fresh)
                try fileSystem.moveItem(from: fresh, to: destination)
            }
            try fileSystem.writeFile(Array("deployed by refkit: files here not in its output are deleted\n".utf8),
                                     to: target + "/" + Self.marker)
        } catch {
            throw .fileSystem(error)
        }
        return plan
    }

    // MARK: - A git branch

    /// Publishes output/ as one commit on `branch` of `remote`, whose parent is the branch's current
    /// head: the commit holds exactly output/ (less refkit's marker), by "refkit" at `date` 00:00 UTC,
    /// so the same output and history give the same commit. Returns the plan (empty: nothing pushed).
    public func deployGit(remote: String, branch: String, date: Day, dryRun: Bool) throws(Failure) -> Plan {
        try requireOutput()
        if let problem = GitRemote.problem(remote) { throw .git("the remote \(problem): '\(remote)'") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-deploy-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let gitDirectory = scratch + "/git"
        let stamp = "\(date)T00:00:00Z"
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_DIR"] = gitDirectory
        environment["GIT_WORK_TREE"] = output
        environment["GIT_INDEX_FILE"] = scratch + "/index"
        // Only the transports deploy needs, whatever the user's git configuration allows.
        environment["GIT_ALLOW_PROTOCOL"] = GitRemote.protocols.sorted().joined(separator: ":")
        for (key, value) in ["GIT_AUTHOR_NAME": "refkit", "GIT_AUTHOR_EMAIL": "refkit@localhost", "GIT_AUTHOR_DATE": stamp,
                             "GIT_COMMITTER_NAME": "refkit", "GIT_COMMITTER_EMAIL": "refkit@localhost", "GIT_COMMITTER_DATE": stamp] {
            environment[key] = value
        }

        @discardableResult
        func git(_ arguments: [String], allowFailure: Bool = false, plain: Bool = false) throws(Failure) -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + arguments
            process.environment = plain ? ProcessInfo.processInfo.environment : environment
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            do { try process.run() } catch { throw .git("cannot run git: \(error)") }
            let output = out.fileHandleForReading.readDataToEndOfFile()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus != 0 && !allowFailure {
                throw .git(String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            return process.terminationStatus == 0 ? String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        }

        try git(["init", "-q", "--bare", gitDirectory], plain: true)
        let fetched = try git(["fetch", "-q", "--no-tags", "--", remote, "+refs/heads/\(branch):refs/remotes/deploy/\(branch)"], allowFailure: true)
        _ = fetched
        let parent = try git(["rev-parse", "--verify", "-q", "refs/remotes/deploy/\(branch)"], allowFailure: true)
        try git(["add", "-A", "--", ".", ":!\(OutputWriter.marker)"])
        let tree = try git(["write-tree"])

        var plan = Plan()
        let changes = parent.isEmpty
            ? try git(["ls-tree", "-r", "--name-only", tree]).split(separator: "\n").map { "A\t" + $0 }
            : try git(["diff-tree", "-r", "--no-renames", "--name-status", parent, tree]).split(separator: "\n").map(String.init)
        for change in changes {
            let parts = change.split(separator: "\t", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "A": plan.added.append(parts[1])
            case "D": plan.removed.append(parts[1])
            default: plan.changed.append(parts[1])
            }
        }
        guard !plan.isEmpty, !dryRun else { return plan }
        let commit = try git(["commit-tree", tree] + (parent.isEmpty ? [] : ["-p", parent]) + ["-m", "refkit: publish the kits of \(date)"])
        try git(["push", "-q", "--", remote, "\(commit):refs/heads/\(branch)"])
        return plan
    }
}
