import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel
import RefkitReport

struct ReportCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the private referral report and follow-up calendar from content/ledger.csv.",
        discussion: """
            Reads the ledger (content/ledger.csv: date,source,stage,value,note,prospect; prospect may \
            be left out), checks it with the \
            rest of the kit, and writes, outside output/ (never published):
              private/report/index.html   funnel overall, per segment and per source; month by month;
                                          who to thank; who to follow up this week; who went quiet
              private/follow-up.ics       one recurring event per source (site.yml follow_up:)

            Examples:
              refkit report                               the last 12 months up to today
              refkit report --from 2026-01-01 --to 2026-06-30
              refkit report --private ~/referrals         write somewhere else

            Exit status: 0 written, 1 the kit or ledger has errors (nothing written), 2 the command \
            line is wrong.
            """)

    @Argument(help: "The kit folder, holding content/ and optionally templates/.")
    var kitDirectory: String = "."

    @Option(name: .long, help: ArgumentHelp("Today, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("First day of the period (default: the first of the month, 11 months before --to).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of the period (default: --date).", valueName: "date"))
    var to: String?

    @Option(name: [.customLong("private")], help: ArgumentHelp("Folder to write into (default: KIT_DIR/private).", valueName: "dir"))
    var privateDirectory: String?

    func execute(in environment: CLIEnvironment) -> Int32 {
        let reporter = Reporter(fileSystem: environment.fileSystem,
                                dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let request = ReportRequest(
            kitDirectory: environment.absolute(kitDirectory), privateDirectory: privateDirectory.map(environment.absolute),
            date: date, from: from, to: to, secret: environment.variables["REFKIT_SECRET"])
        let outcome = reporter.report(request)
        for diagnostic in outcome.diagnostics {
            environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
        }
        switch outcome.result {
        case .success(let summary):
            func shown(_ path: String) -> String {
                path.hasPrefix(environment.currentDirectory + "/") ? String(path.dropFirst(environment.currentDirectory.count + 1)) : path
            }
            environment.standardOutput("refkit: reported \(summary.rows) ledger rows for \(summary.sources) sources, \(summary.from) to \(summary.to) → \(shown(summary.page)), \(shown(summary.calendar))\n")
            return ExitStatus.success
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            switch failure {
            case .badDate, .badOption, .notAKit: return ExitStatus.usage
            default: return ExitStatus.contentErrors
            }
        }
    }
}
