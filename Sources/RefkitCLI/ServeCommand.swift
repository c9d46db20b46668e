import ArgumentParser
import Foundation
import RefkitBuild
import RefkitServe

struct ServeCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the kit in a browser, rebuilding and reloading as you edit.",
        discussion: """
            Builds into a private temporary folder (never the kit's output/), serves it on \
            http://127.0.0.1:PORT/, watches content/ and templates/, rebuilds what changed and \
            reloads open pages. A broken edit shows its problems in the browser and here, while \
            the last good build stays served. Ctrl-C stops it.

            Examples:
              refkit serve                     then open http://127.0.0.1:4000/
              refkit serve mykit --port 8080
            """)

    @Argument(help: "The kit folder (default: the current folder).")
    var kitDirectory: String = "."

    @Option(name: .long, help: "The port on 127.0.0.1 (default 4000).")
    var port: UInt16 = 4000

    @Option(name: .long, help: ArgumentHelp("The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    func execute(in environment: CLIEnvironment) -> Int32 {
        let kit = environment.absolute(kitDirectory)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-serve-\(UUID().uuidString)").path
        let output = scratch + "/output"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: date,
                                   secret: environment.variables["REFKIT_SECRET"])

        let server: PreviewServer
        do { server = try PreviewServer(root: output, port: port) } catch {
            environment.standardError("refkit: cannot serve on 127.0.0.1:\(port): \(error)\n")
            return ExitStatus.usage
        }

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
        Task {
            do { try await server.run() } catch {
                environment.standardError("refkit: the server stopped: \(error)\n")
            }
            done.signal()
        }
        Task {
            try? await server.waitUntilListening()
            environment.standardOutput("refkit: serving http://127.0.0.1:\(port)/ (watching with \(watcher.method); Ctrl-C to stop)\n")
        }
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in sources {
            source.setEventHandler { done.signal() }
            source.resume()
        }
        done.wait()
        try? FileManager.default.removeItem(atPath: scratch)
        environment.standardOutput("refkit: stopped\n")
        return ExitStatus.success
    }
}
