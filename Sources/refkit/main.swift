import Foundation
import RefkitCLI

exit(RefkitCommand.run(Array(CommandLine.arguments.dropFirst()), in: .process))
