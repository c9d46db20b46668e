import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel

struct ListCommand: RefkitSubcommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every referral source: segment, code, offers, referral link and kit address.",
        discussion: """
            The CSV has a header row and one row per source: what a mail merge needs to send each \
            source their code, link and kit, in their language (columns: slug, name, segment, code, \
            contact_name, contact_email, offers, referral_link, kit_url, language, short_link).

            Examples:
              refkit list                       an aligned table
              refkit list --format csv > sources.csv
              refkit list mykit --format json

            Exit status: 0 listed, 1 the kit has errors (they are printed), 2 the command line is wrong.
            """)

    @Argument(help: "The kit folder, holding content/ and optionally templates/.")
    var kitDirectory: String = "."

    @Option(name: .long, help: "table, json or csv.")
    var format: Format = .table

    @Option(name: .long, help: ArgumentHelp("The date that decides which offers are live, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    /// `short_link` is empty when the site publishes no short links (`short_links: false`).
    static let columns = ["slug", "name", "segment", "code", "contact_name", "contact_email", "offers", "referral_link", "kit_url",
                          "language", "short_link"]

    func execute(in environment: CLIEnvironment) -> Int32 {
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        let request = BuildRequest(kitDirectory: environment.absolute(kitDirectory), date: date,
                                   secret: environment.variables["REFKIT_SECRET"])
        let checked: (date: Day, validated: ValidatedKit)
        switch builder.check(request) {
        case .failure(let failure):
            environment.standardError("refkit: \(failure)\n")
            return ExitStatus.usage
        case .success(let result): checked = result
        }
        guard let kit = checked.validated.kit else {
            for diagnostic in checked.validated.diagnostics {
                environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
            }
            return ExitStatus.contentErrors
        }
        let rows: [[String]] = kit.sources.map { source in
            [source.slug, source.name, source.segment.rawValue, source.code, source.contact.name ?? "",
             source.contact.email ?? "", kit.offers(for: source).map(\.id).joined(separator: " "),
             source.referralLink(in: kit.site), source.kitURL(in: kit.site, secret: request.secret), kit.language(of: source),
             kit.site.shortLinks ? source.shortLink(in: kit.site) : ""]
        }
        switch format {
        case .csv:
            for row in [Self.columns] + rows { environment.standardOutput(row.map(Self.csvField).joined(separator: ",") + "\r\n") }
        case .json:
            // Offers are a list in JSON (in CSV and the table, ids separated by spaces).
            let objects = rows.map { row in
                Dictionary(uniqueKeysWithValues: zip(Self.columns, row).map { column, value in
                    (column, column == "offers" ? JSONField.list(value.split(separator: " ").map(String.init)) : .text(value))
                })
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            environment.standardOutput(String(decoding: (try? encoder.encode(objects)) ?? Data(), as: UTF8.self) + "\n")
        case .table:
            let shown = [0, 2, 3, 6, 7]  // slug, segment, code, offers, referral link
            let table = [shown.map { Self.columns[$0] }] + rows.map { row in shown.map { row[$0] } }
            let widths = shown.indices.map { column in table.map { $0[column].count }.max() ?? 0 }
            for line in table {
                let cells = line.enumerated().map { index, cell in
                    index == line.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                }
                environment.standardOutput(cells.joined(separator: "  ") + "\n")
            }
        }
        return ExitStatus.success
    }

    /// RFC 4180 (`RefkitModel.csvField`).
    static func csvField(_ text: String) -> String { RefkitModel.csvField(text) }
}

/// A value of `list --format json`: text, or a list of text.
private enum JSONField: Encodable {
    case text(String)
    case list([String])

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .list(let items): try container.encode(items)
        }
    }
}
