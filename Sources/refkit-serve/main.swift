import Foundation
import RefkitCLI

// `refkit serve` runs this helper in its own place (see `ServeCommand`), with the kit folder made
// absolute and the same options.
let environment = CLIEnvironment.process
do {
    let command = try ServeCommand.parse(Array(CommandLine.arguments.dropFirst()))
    exit(PreviewSession(command: command).run(in: environment))
} catch {
    environment.standardError(ServeCommand.fullMessage(for: error) + "\n")
    exit(ServeCommand.exitCode(for: error).rawValue)
}
