import ArgumentParser
import Foundation

public struct ServeCommand: RefkitSubcommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the kit in a browser, checking and reloading as you edit.",
        discussion: """
            Checks the kit, then serves it on http://127.0.0.1:PORT/, rendering each page when \
            it is asked for (the bytes refkit build writes; nothing is written to disk). Watches \
            content/ and templates/, checks the kit again after each save and reloads open \
            pages. A broken edit shows its problems in the browser and here, while the last good \
            version stays served. Ctrl-C stops it.

            Examples:
              refkit serve                     then open http://127.0.0.1:4000/
              refkit serve mykit --port 8080
            """)

    @Argument(help: "The kit folder (default: the current folder).")
    public var kitDirectory: String = "."

    @Option(name: .long, help: "The port on 127.0.0.1 (default 4000; 0: any free one, told when serving).")
    public var port: UInt16 = 4000

    @Option(name: .long, help: ArgumentHelp("The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    public var date: String?

    /// The helper that runs the preview, beside refkit's own binary. Only it links the web server
    /// (SwiftNIO), so every other command stays as small and quick to start as it can be.
    public static let helperName = "refkit-serve"

    func execute(in environment: CLIEnvironment) -> Int32 {
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let helper = URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent(Self.helperName).path
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            environment.standardError("refkit: serve needs \(Self.helperName) beside refkit (\(helper)); run scripts/setup, which builds it\n")
            return ExitStatus.contentErrors
        }
        let arguments = [helper, environment.absolute(kitDirectory), "--port", String(port)] + (date.map { ["--date", $0] } ?? [])
        let variables = environment.variables.map { "\($0.key)=\($0.value)" }
        // The helper takes this process's place (same process id, same terminal and signals).
        withArrayOfCStrings(arguments) { argv in
            withArrayOfCStrings(variables) { envp in _ = execve(helper, argv, envp) }
        }
        environment.standardError("refkit: cannot start \(helper): \(String(cString: strerror(errno)))\n")
        return ExitStatus.contentErrors
    }
}

/// `body` with a NULL-terminated C array of `strings`.
private func withArrayOfCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { pointers.forEach { free($0) } }
    return body(pointers)
}
