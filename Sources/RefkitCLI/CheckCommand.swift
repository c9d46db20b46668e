import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel

struct CheckCommand: RefkitSubcommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a kit without writing anything: every problem a build would stop at, and every warning.",
        discussion: """
            Runs the same loading and checks as `refkit build` (required fields, types, slugs, codes, \
            colours, e-mails, URLs, dates, placeholders, links and assets, template syntax, unlisted \
            kits' secret) and writes nothing. Diagnostics go to standard output.

            Examples:
              refkit check                      check the kit in this folder
              refkit check mykit --strict       treat warnings as errors (for CI)
              refkit check --format json        one JSON object per line, for editors and CI:
                {"column":7,"file":"content/sources/acme.yml","line":3,"message":"…","severity":"error"}

            Exit status: 0 no errors (with --strict: no warnings either), 1 there are, 2 the \
            command line is wrong.
            """)

    @Argument(help: "The kit folder, holding content/ and optionally templates/.")
    var kitDirectory: String = "."

    @Option(name: .long, help: ArgumentHelp("The date to check offers against, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var format: Format = .text

    func execute(in environment: CLIEnvironment) -> Int32 {
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        var request = BuildRequest(kitDirectory: environment.absolute(kitDirectory), date: date,
                                   secret: environment.variables["REFKIT_SECRET"])
        request.checkLedger = true
        let checked: (date: Day, validated: ValidatedKit)
        switch builder.check(request) {
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            return ExitStatus.usage
        case .success(let result): checked = result
        }
        var diagnostics = checked.validated.diagnostics
        // What the last `build --pdf` left out to fit a sheet: measured only by printing.
        if let kit = checked.validated.kit {
            diagnostics += PrintStep.lastPrintWarnings(output: request.kitDirectory + "/output", slugs: Set(kit.sources.map(\.slug)),
                                                       fileSystem: environment.fileSystem)
        }
        if strict { diagnostics = diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) } }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors

        switch format {
        case .text:
            for diagnostic in diagnostics {
                environment.standardOutput(diagnostic.formatted(forTerminal: environment.outputIsTerminal) + "\n")
            }
            let count = checked.validated.sourceFiles
            let sources = " \(count) source\(count == 1 ? "" : "s"),"
            environment.standardOutput("refkit: checked\(sources) \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") (for \(checked.date))\n")
        case .json:
            for diagnostic in diagnostics { environment.standardOutput(Self.json(diagnostic) + "\n") }
        }
        return errors == 0 ? ExitStatus.success : ExitStatus.contentErrors
    }

    /// One diagnostic as a JSON object with sorted keys.
    static func json(_ diagnostic: Diagnostic) -> String {
        struct Line: Encodable {
            var file: String, line: Int, column: Int, severity: String, message: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let line = Line(file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                        severity: diagnostic.severity.rawValue, message: diagnostic.message)
        return String(decoding: (try? encoder.encode(line)) ?? Data(), as: UTF8.self)
    }
}
