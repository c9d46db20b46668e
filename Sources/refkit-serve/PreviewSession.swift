import Foundation
import RefkitBuild
import RefkitCLI
import RefkitServe
import RefkitTemplates

/// `refkit serve`'s work: build into a private folder, serve it, rebuild and reload on every edit.
struct PreviewSession {
    let command: ServeCommand

    func run(in environment: CLIEnvironment) -> Int32 {
        let port = command.port
        let kit = environment.absolute(command.kitDirectory)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-serve-\(UUID().uuidString)").path
        let output = scratch + "/output"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let request = {
            var request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: command.date,
                                       secret: environment.variables["REFKIT_SECRET"])
            request.renderMode = RenderMode(environment: environment.variables)
            return request
        }()

        let server = PreviewServer(root: output, port: port)

        /// Builds; prints and returns the problems (empty when the build succeeded).
        @Sendable func build() -> [String]? {
            let started = DispatchTime.now()
            let outcome = builder.build(request)
            let lines = outcome.diagnostics.map(\.description)
            for diagnostic in outcome.diagnostics {
                environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
            }
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
            switch outcome.result {
            case .success(let summary):
                environment.standardOutput("refkit: built \(summary.sources) kits, \(summary.pages) pages in \(milliseconds) ms\n")
                return nil
            case .failure(let failure):
                environment.standardError("refkit: \(failure); still serving the last good build\n")
                return lines + ["refkit: \(failure)"]
            }
        }

        _ = build()
        let watcher = Watcher(roots: [kit + "/content", kit + "/templates"]) {
            let problems = build()
            Task {
                if let problems { await server.showErrors(problems) } else { await server.reload() }
            }
        }
        watcher.start()

        let done = DispatchSemaphore(value: 0)
        let failed = Failed()
        Task {
            do { try await server.run() } catch {
                environment.standardError("refkit: cannot serve on 127.0.0.1:\(port): \(error)\n")
                failed.set()
            }
            done.signal()
        }
        Task {
            guard (try? await server.waitUntilListening()) != nil else { return }  // the failure is told above
            environment.standardOutput("refkit: serving http://127.0.0.1:\(port)/ (watching with \(watcher.method); Ctrl-C to stop)\n")
        }
        // Ctrl-C, kill and a closed terminal stop the preview and remove its folder. The signal
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
        try? FileManager.default.removeItem(atPath: scratch)
        if failed.value { return ExitStatus.usage }
        environment.standardOutput("refkit: stopped\n")
        return ExitStatus.success
    }
}

/// Whether the server failed (set from its task, read after the wait).
private final class Failed: @unchecked Sendable {
    private let lock = NSLock()
    private var failed = false
    func set() { lock.withLock { failed = true } }
    var value: Bool { lock.withLock { failed } }
}
