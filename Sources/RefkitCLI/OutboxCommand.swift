import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel
import RefkitOutbox
import RefkitReport

struct OutboxCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "Write the follow-up messages due this week, and with --send hand them to sendmail.",
        discussion: """
            Writes private/outbox/ (never published): one message for each touch due from --date \
            for --days days (7 by default): each source's follow_up cadence, a thank-you for the \
            leads not yet thanked (how far each came), and each results review (the client's results \
            are in, and the ask). Each is personal, passes something on (a library piece in turn, \
            else the newest network post), and is in the source's language:
              private/outbox/DATE-S-KIND.eml    the message (RFC 5322, text and HTML, UTF-8)
              private/outbox/DATE-S-KIND.html   its HTML part
              private/outbox/messages.csv       every message, for a mail-merge import
            A source with contact: { consent: false } or no e-mail gets none, and is listed.

            With --send, each message not yet in private/outbox/sent.csv is handed to \
            'sendmail -t' (msmtp and Postfix provide it; the first sendmail on PATH, else \
            /usr/sbin/sendmail) and recorded there: a message is never sent twice.

            Examples:
              refkit outbox                      this week's messages, to read and send yourself
              refkit outbox --send               ... and send them
              refkit outbox --date 2027-01-04 --days 14

            Exit status: 0 written (and sent), 1 the kit has errors or a message could not be sent \
            (the others are sent and recorded), 2 the command line is wrong.
            """)

    @Argument(help: "The kit folder, holding content/ and optionally templates/.")
    var kitDirectory: String = "."

    @Option(name: .long, help: ArgumentHelp("The first day, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("How many days from --date the outbox covers.", valueName: "n"))
    var days: Int = OutboxPlan.defaultDays

    @Flag(name: .long, help: "Hand each message not yet sent to sendmail -t, and record it in private/outbox/sent.csv.")
    var send = false

    @Option(name: [.customLong("private")], help: ArgumentHelp("Folder to write into (default: KIT_DIR/private).", valueName: "dir"))
    var privateDirectory: String?

    func execute(in environment: CLIEnvironment) -> Int32 {
        let resolver = BuildDateResolver(environment: environment.variables, now: environment.now)
        let outboxer = Outboxer(reporter: Reporter(fileSystem: environment.fileSystem, dateResolver: resolver))
        let request = OutboxRequest(kitDirectory: environment.absolute(kitDirectory), privateDirectory: privateDirectory.map(environment.absolute),
                                    date: date, days: days, secret: environment.variables["REFKIT_SECRET"])
        let outcome = outboxer.write(request)
        for diagnostic in outcome.diagnostics {
            environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
        }
        let summary: OutboxSummary
        switch outcome.result {
        case .success(let written): summary = written
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            switch failure {
            case .badDays, .report(.badDate), .report(.badOption), .report(.notAKit): return ExitStatus.usage
            default: return ExitStatus.contentErrors
            }
        }
        let folder = summary.folder.hasPrefix(environment.currentDirectory + "/")
            ? String(summary.folder.dropFirst(environment.currentDirectory.count + 1)) : summary.folder
        let last = Day(daysSince1970: summary.from.daysSince1970 + summary.days - 1)
        environment.standardOutput("refkit: \(summary.messages.count) message\(summary.messages.count == 1 ? "" : "s") due \(summary.from) to \(last) → \(folder)/\n")
        for skipped in summary.skipped {
            environment.standardOutput("  not written: \(skipped.file) (\(skipped.source): \(skipped.reason.rawValue))\n")
        }
        guard send else { return ExitStatus.success }
        guard let program = Sendmail.program(path: environment.variables["PATH"]) else {
            environment.standardError("refkit: \(OutboxFailure.noSendmail)\n")
            return ExitStatus.contentErrors
        }
        switch outboxer.send(folder: summary.folder, messages: summary.messages, program: program, on: summary.from.description) {
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            return ExitStatus.contentErrors
        case .success(let sent):
            if let file = sent.interrupted {
                environment.standardError("refkit: \(file) was being handed to sendmail when refkit last stopped: recorded as sent, not sent again (check the mail log)\n")
            }
            for (file, reason) in sent.failed { environment.standardError("refkit: not sent: \(file): \(reason)\n") }
            environment.standardOutput("refkit: sent \(sent.sent.count) with \(program)" + (sent.alreadySent.isEmpty ? "" : ", \(sent.alreadySent.count) sent before")
                + "; recorded in \(folder)/sent.csv\n")
            return sent.failed.isEmpty ? ExitStatus.success : ExitStatus.contentErrors
        }
    }
}
