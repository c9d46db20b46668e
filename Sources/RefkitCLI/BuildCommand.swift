import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel
import RefkitPrint
import RefkitTemplates

struct BuildCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build every referral source's kit into the output folder.",
        discussion: """
            Reads KIT_DIR/content and KIT_DIR/templates, checks everything, and only if there is no \
            error replaces the output folder in one step. Problems are printed as \
            FILE:LINE:COLUMN: error|warning: message. A rebuild does only what changed: nothing if \
            nothing did; if only files in content/sources/ did, only those sources' folders are \
            rendered and swapped in, each in one step. Delete the output folder to force a whole build.

            Examples:
              refkit build                     build the kit in this folder into ./output
              refkit build mykit --date 2027-01-31
              refkit build --output /tmp/site  build into another folder (new, empty, or refkit's own)
              refkit build --bundle            also zip each source's kit into output/bundles/
              refkit build --pdf               also print each handout and offer into a PDF (headless Chromium)
              refkit build --shard 2/4 --output part2   one of four CI jobs; together they make the whole site

            Exit status: 0 built (warnings allowed), 1 the kit has errors or output could not be \
            written, 2 the command line is wrong.
            """)

    @Argument(help: "The kit folder, holding content/ and optionally templates/.")
    var kitDirectory: String = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: KIT_DIR/output).", valueName: "dir"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The build date, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    @Flag(name: .long, help: "Also write output/bundles/SOURCE.zip: everything one source needs to hand on.")
    var bundle = false

    @Flag(name: .long, help: "Also print each source's handout and offers into PDFs beside them, with headless Chromium.")
    var pdf = false

    @Option(name: .long, help: ArgumentHelp("How many sources to render at once (default: the machine's cores).", valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Build only shard i of n (a deterministic split of the sources; shard 1 also writes the shared files).", valueName: "i/n"))
    var shard: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be i/n with 1 ≤ i ≤ n, e.g. 2/4") }
    }

    func execute(in environment: CLIEnvironment) -> Int32 {
        let started = DispatchTime.now()
        let builder = Builder(
            fileSystem: environment.fileSystem,
            dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let kit = environment.absolute(kitDirectory)
        let display = ProgressDisplay(isTerminal: environment.errorIsTerminal, write: environment.standardError)
        var request = BuildRequest(
            kitDirectory: kit, outputDirectory: output.map(environment.absolute), date: date,
            secret: environment.variables["REFKIT_SECRET"], bundle: bundle, jobs: jobs, shard: shard.flatMap(Shard.init))
        request.progress = { done, total in display.update(done: done, total: total) }
        request.renderMode = RenderMode(environment: environment.variables)
        request.environment = environment.variables
        if pdf {
            do {
                request.pdf = try ChromiumProgram.locate(environment: environment.variables)
            } catch {
                environment.standardError("refkit: \(error)\n")
                return ExitStatus.contentErrors
            }
        }
        let outcome = builder.build(request)
        display.finish()

        for diagnostic in outcome.diagnostics {
            environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
        }
        switch outcome.result {
        case .success(let summary) where summary.upToDate:
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let warnings = outcome.diagnostics.count
            let again = warnings > 0 ? " (\(warnings) warning\(warnings == 1 ? "" : "s"), as last time)" : ""
            environment.standardOutput("refkit: nothing changed since the last build (\(summary.sources) kits, \(summary.pages) pages for \(summary.date)); checked in \(String(format: "%.2f", seconds)) s\(again)\n")
            return ExitStatus.success
        case .success(let summary):
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let warnings = outcome.diagnostics.count
            let shownOutput = summary.output.hasPrefix(environment.currentDirectory + "/")
                ? String(summary.output.dropFirst(environment.currentDirectory.count + 1)) : summary.output
            var line = "refkit: built \(summary.sources) kit\(summary.sources == 1 ? "" : "s"), \(summary.pages) page\(summary.pages == 1 ? "" : "s")"
            if summary.rendered < summary.sources {
                line += " (\(summary.rendered) rendered, the other \(summary.sources - summary.rendered) unchanged)"
            }
            if let shard { line += " (shard \(shard))" }
            line += " for \(summary.date) in \(String(format: "%.2f", seconds)) s → \(shownOutput)/"
            if warnings > 0 { line += " (\(warnings) warning\(warnings == 1 ? "" : "s"))" }
            environment.standardOutput(line + "\n")
            if let note = summary.removalNote { environment.standardOutput("refkit: \(note)\n") }
            return ExitStatus.success
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            if case .badDate = failure { return ExitStatus.usage }
            if case .notAKit = failure { return ExitStatus.usage }
            return ExitStatus.contentErrors
        }
    }
}
