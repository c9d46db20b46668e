import Foundation
import RefkitBuild
import RefkitCLI
import RefkitModel
import RefkitServe
import RefkitTemplates

/// `refkit serve`'s work: load and check the kit, serve its pages as they are asked for (each
/// rendered on demand, `PreviewSite`), and check again and reload the open pages on every edit.
/// Nothing is written to disk.
struct PreviewSession {
    let command: ServeCommand

    func run(in environment: CLIEnvironment) -> Int32 {
        let port = command.port
        let kit = environment.absolute(command.kitDirectory)
        // YAML parsed and each source checked once per file text, across edits: a check after a
        // save parses and checks again what changed (`ContentMemo`).
        ContentMemo.shared.keepAcrossChecks()
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let request = {
            var request = BuildRequest(kitDirectory: kit, date: command.date, secret: environment.variables["REFKIT_SECRET"])
            request.renderMode = RenderMode(environment: environment.variables)
            return request
        }()

        let site = CurrentSite()
        let warnings = ShownWarnings()
        let server = PreviewServer(content: site, port: port)

        /// Checks the kit again; prints the problems and returns them (`good`: the new site is
        /// then served). Not when the last check was good and every file changed is as it read
        /// it (`unchanged`): the rest of a burst of saves that check already read.
        @Sendable func build(changed: Set<String>? = nil) -> Check {
            let started = DispatchTime.now()
            let lastWasGood = site.allSeen
            // What changed since the site served was prepared: this save's files, and those of
            // saves that broke the kit since.
            let changed = site.unseen(adding: changed)
            if lastWasGood, let changed, let current = site.current, current.wasPrepared(from: changed) {
                site.seen()
                return .unchanged
            }
            let outcome = PreviewSite.prepare(request, builder: builder, previous: site.current, changed: changed) { failure in
                environment.standardError("refkit: \(failure)\n")
            }
            let diagnostics = (try? outcome.get().diagnostics) ?? (outcome.failureValue?.diagnostics ?? [])
            // Every error each time (they stop the kit); a warning once, until it is gone.
            let (new, gone, kept) = warnings.update(diagnostics)
            for diagnostic in diagnostics where diagnostic.severity == .error || new.contains(diagnostic) {
                environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
            }
            for diagnostic in gone {
                environment.standardError("refkit: gone: " + diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
            }
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            switch outcome {
            case .success(let prepared):
                site.current = prepared
                site.seen()
                let unchanged = kept == 0 ? "" : ", \(kept) warning\(kept == 1 ? "" : "s") as before"
                environment.standardOutput("refkit: checked \(prepared.sources) kits in \(milliseconds) ms (pages render as they are asked for\(unchanged))\n")
                return .good
            case .failure(let failure):
                let last = site.current == nil ? "" : "; still serving the last good version"
                environment.standardError("refkit: \(failure.failure)\(last)\n")
                return .problems(diagnostics.map(\.description) + ["refkit: \(failure.failure)"])
            }
        }

        _ = build()
        let watcher = Watcher(roots: [kit + "/content", kit + "/templates"]) { changed in
            let check = build(changed: changed)
            Task {
                switch check {
                case .unchanged: break
                case .good: await server.reload()
                case .problems(let problems): await server.showErrors(problems)
                }
            }
        }
        watcher.start()

        let done = DispatchSemaphore(value: 0)
        let failed = Failed()
        Task {
            do { try await server.run() } catch {
                // `--port 0` is the way out of a taken port, said where it is met.
                let taken = PreviewServer.isTaken(error) ? " (another program has it: choose another with --port, or --port 0 for any free one)" : ""
                environment.standardError("refkit: cannot serve on 127.0.0.1:\(port): \(error)\(taken)\n")
                failed.set()
            }
            done.signal()
        }
        Task {
            guard let port = try? await server.waitUntilListening() else { return }  // the failure is told above
            environment.standardOutput("refkit: serving http://127.0.0.1:\(port)/ (watching with \(watcher.method); Ctrl-C to stop)\n")
        }
        // Ctrl-C, kill and a closed terminal stop the preview. The signal
        // sources must outlive the wait: an optimised build ends an object's life after its last
        // use, and a released source is cancelled, which left SIG_IGN in force and the server
        // impossible to stop.
        let signals = [SIGINT, SIGTERM, SIGHUP]
        for number in signals { signal(number, SIG_IGN) }
        let sources = signals.map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in sources {
            source.setEventHandler { done.signal() }
            source.resume()
        }
        withExtendedLifetime(sources) { done.wait() }
        if failed.value { return ExitStatus.usage }
        environment.standardOutput("refkit: stopped\n")
        return ExitStatus.success
    }
}

/// The site being served: replaced whole after each good edit, read by every request.
private final class CurrentSite: PreviewContent, @unchecked Sendable {
    private let lock = NSLock()
    private var site: PreviewSite?
    var current: PreviewSite? {
        get { lock.withLock { site } }
        set { lock.withLock { site = newValue } }
    }
    func file(at path: String) -> [UInt8]? { current?.file(at: path) }
    func madeByBuildOnly(at path: String) -> String? { current?.madeByBuildOnly(at: path) }

    /// Files changed since `current` was prepared (nil: unknown, so all of them).
    private var changes: Set<String>? = []
    /// Adds `changed` (nil: unknown) to the files changed since the current site; returns them all.
    func unseen(adding changed: Set<String>?) -> Set<String>? {
        lock.withLock {
            changes = changed.flatMap { changed in changes.map { $0.union(changed) } }
            return changes
        }
    }
    /// The current site has read every change.
    func seen() { lock.withLock { changes = [] } }
    /// Whether the current site has read every change: the last check was good.
    var allSeen: Bool { lock.withLock { changes?.isEmpty == true } }
}

/// The warnings the terminal has shown: after a save only those that are new, and those now
/// gone, are printed (a kit with twenty warnings does not print twenty lines per save). A warning
/// is the same one while its file and message are: a line added above it does not make it new.
private final class ShownWarnings: @unchecked Sendable {
    private struct Key: Hashable {
        var file: String
        var message: String
    }
    private let lock = NSLock()
    private var shown: [Key: Diagnostic] = [:]

    /// The warnings among `diagnostics` not shown before, those shown before and now gone, and
    /// how many are still there unchanged; what is shown becomes `diagnostics`' warnings.
    func update(_ diagnostics: [Diagnostic]) -> (new: Set<Diagnostic>, gone: [Diagnostic], kept: Int) {
        lock.withLock {
            var now: [Key: Diagnostic] = [:]
            for diagnostic in diagnostics where diagnostic.severity == .warning {
                now[Key(file: diagnostic.location.file, message: diagnostic.message)] = diagnostic
            }
            let new = Set(now.filter { shown[$0.key] == nil }.values)
            let gone = shown.filter { now[$0.key] == nil }.values.sorted()
            shown = now
            return (new, gone, now.count - new.count)
        }
    }
}

/// What a check of the kit after a save came to.
private enum Check {
    /// Every file changed is as the site served read it: nothing to do.
    case unchanged
    /// The kit is good: the new site is served.
    case good
    /// The kit has errors (these lines): the last good site is still served.
    case problems([String])
}

private extension Result {
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}

/// Whether the server failed (set from its task, read after the wait).
private final class Failed: @unchecked Sendable {
    private let lock = NSLock()
    private var failed = false
    func set() { lock.withLock { failed = true } }
    var value: Bool { lock.withLock { failed } }
}
