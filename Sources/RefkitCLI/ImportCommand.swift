import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel

struct ImportCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add ledger rows from what your web server, analytics and intake form recorded.",
        discussion: """
            Reads each FILE, recognised by its content, and adds to content/ledger.csv:
            - a web server's access log in the Combined Log Format (nginx's and Apache's default; \
            gzip allowed) of the host serving output/: an 'opened' row for each source and day \
            someone opened its kit, and a 'view' row for each source and day its printed link \
            (/r/CODE) was followed, the count in value, noted 'printed link';
            - a GoatCounter CSV export, or Plausible's export (its zip, or imported_sources_….csv): \
            a 'view' row for each source and day of visits with utm_source=SLUG or ref=CODE, the \
            count in value, noted 'GoatCounter' or 'Plausible';
            - the intake form's submissions exported from Netlify Forms or Formspree as CSV: a \
            'lead' row for each, with its prospect, noted 'intake form'.
            Crawlers, failed requests and refkit's own checks are left out; no address, user agent \
            or e-mail address is written. Importing the same file twice adds nothing. \
            REFKIT_SECRET names unlisted kits' folders.

            Examples:
              refkit import /var/log/nginx/access.log
              refkit import ~/kit access.log.1 access.log.2.gz
              refkit import plausible-export.zip goatcounter-export.csv.gz refer-submissions.csv

            Exit status: 0 imported, 1 a file or the kit cannot be read (the ledger is as it was), \
            2 the command line is wrong.
            """)

    @Argument(help: ArgumentHelp("An optional kit folder (default: the current one), then the files to import.", valueName: "[KIT_DIR] FILE"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Today, YYYY-MM-DD, for checking the kit (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    func execute(in environment: CLIEnvironment) -> Int32 {
        var paths = paths.map(environment.absolute)
        var kit = environment.currentDirectory
        if paths.count >= 2, environment.fileSystem.kind(at: paths[0] + "/content") == .directory {
            kit = paths.removeFirst()
        }
        guard !paths.isEmpty else {
            environment.standardError("refkit: name the files to import: refkit import [KIT_DIR] FILE…\n")
            return ExitStatus.usage
        }
        let day: Day
        do { day = try BuildDateResolver(environment: environment.variables, now: environment.now).resolve(option: date) } catch {
            environment.standardError("refkit: \(error)\n")
            return ExitStatus.usage
        }
        let outcome = Importer(fileSystem: environment.fileSystem).run(kitDirectory: kit, files: paths,
                                                                       secret: environment.variables["REFKIT_SECRET"], on: day)
        for diagnostic in outcome.diagnostics {
            environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
        }
        switch outcome.result {
        case .success(let summary):
            var added = "\(summary.opened) 'opened' and \(summary.printedLinkViews) printed-link 'view'"
            if summary.analyticsViews > 0 || summary.leads > 0 {
                added = "\(summary.opened) 'opened', \(summary.printedLinkViews) printed-link 'view', \(summary.analyticsViews) analytics 'view' "
                    + "and \(summary.leads) 'lead'"
            }
            environment.standardOutput("refkit: imported \(summary.files) file\(summary.files == 1 ? "" : "s"): \(added) rows added to \(summary.ledger)\n")
            return ExitStatus.success
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            if case .notAKit = failure { return ExitStatus.usage }
            return ExitStatus.contentErrors
        }
    }
}
