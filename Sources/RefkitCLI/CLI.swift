import ArgumentParser
import Foundation
import RefkitBuild

/// Everything the CLI takes from the world, injected so tests run it in-process.
public struct CLIEnvironment: Sendable {
    public var variables: [String: String]
    public var currentDirectory: String
    /// Seconds since 1970, for "today".
    public var now: @Sendable () -> Int64
    public var fileSystem: any FileSystem
    public var standardOutput: @Sendable (String) -> Void
    public var standardError: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is drawn in place, diagnostics coloured).
    public var errorIsTerminal: Bool = false
    /// Whether standard output is a terminal (`check` colours its diagnostics).
    public var outputIsTerminal: Bool = false

    public init(variables: [String: String], currentDirectory: String, now: @escaping @Sendable () -> Int64,
                fileSystem: any FileSystem = DiskFileSystem(),
                standardOutput: @escaping @Sendable (String) -> Void, standardError: @escaping @Sendable (String) -> Void,
                errorIsTerminal: Bool = false, outputIsTerminal: Bool = false) {
        self.variables = variables
        self.currentDirectory = currentDirectory
        self.now = now
        self.fileSystem = fileSystem
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.errorIsTerminal = errorIsTerminal
        self.outputIsTerminal = outputIsTerminal
    }

    /// The real process: its environment, working directory, clock and streams.
    public static var process: CLIEnvironment {
        CLIEnvironment(
            variables: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            now: { Int64(Date().timeIntervalSince1970) },
            standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            standardError: { FileHandle.standardError.write(Data($0.utf8)) },
            errorIsTerminal: isatty(STDERR_FILENO) == 1, outputIsTerminal: isatty(STDOUT_FILENO) == 1)
    }

    /// `path` made absolute against the current directory, without trailing slashes or `.` segments.
    public func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : currentDirectory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") where part != "." {
            if part == "..", !parts.isEmpty { parts.removeLast() } else if part != ".." { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Exit codes: 0 success (warnings allowed), 1 the kit has errors or the output cannot be written,
/// 2 the command line is wrong.
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let contentErrors: Int32 = 1
    public static let usage: Int32 = 2
}

/// A command that runs against an injected environment and returns its exit status.
protocol RefkitSubcommand: ParsableCommand {
    func execute(in environment: CLIEnvironment) -> Int32
}

public struct RefkitCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "refkit",
        abstract: "Turn a referral kit (Markdown and YAML) into a static site for each referral source.",
        version: "0.1.0",
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, ListCommand.self, ReportCommand.self, OutboxCommand.self, ImportCommand.self, ServeCommand.self, DeployCommand.self])

    public init() {}

    public func run() throws {
        throw CleanExit.helpRequest(self)
    }

    /// Parses `arguments` (without the program name) and runs the command.
    public static func run(_ arguments: [String], in environment: CLIEnvironment) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if let subcommand = command as? any RefkitSubcommand {
                return subcommand.execute(in: environment)
            }
            // ArgumentParser's own commands (help) end by throwing a clean exit with their text.
            try command.run()
            return ExitStatus.success
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                environment.standardOutput(message + "\n")
                return ExitStatus.success
            }
            environment.standardError(message + "\n")
            return ExitStatus.usage
        }
    }
}
