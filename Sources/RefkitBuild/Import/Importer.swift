import Foundation
import RefkitLedger
import RefkitModel

/// `refkit import`: ledger rows from what the business's services already record (FORMAT.md,
/// "Measuring from real signals"). Each file's kind is read from its content: a web server's
/// access log (Combined Log Format, plain or gzip), a GoatCounter or Plausible export, or the
/// intake form's submissions exported by Netlify Forms or Formspree (`ExportReader`).
///
/// - A request for a source's kit page is `opened` (one row per source and day); requests for
///   `/r/CODE` are a `view` row per source and day, the count in `value`, noted `printed link`.
/// - Analytics visits with `utm_source=S` or `ref=CODE` are a `view` row per source and day, the
///   count in `value`, noted with the service's name.
/// - A form submission is a `lead` row with its `prospect`, noted `intake form`.
///
/// Rows are added to `content/ledger.csv` by writing the whole new file beside it and renaming
/// it over the old one: a crash leaves the ledger as it was or with every new row. A row the
/// ledger already has is not added again, so importing a file twice adds nothing.
public struct Importer: Sendable {
    public let fileSystem: any FileSystem
    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    public struct Summary: Sendable, Equatable {
        public var opened = 0
        public var printedLinkViews = 0
        public var analyticsViews = 0
        public var leads = 0
        public var files = 0
        public var ledger = ""
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAKit(String)
        case invalidKit(errors: Int)
        case unreadable(String, String)
        case unknownKind(String)
        case write(String)

        public var description: String {
            switch self {
            case .notAKit(let problem): problem
            case .invalidKit(let errors): "the kit has \(errors) error\(errors == 1 ? "" : "s"); nothing was imported"
            case .unreadable(let file, let reason): "cannot read \(file): \(reason)"
            case .unknownKind(let file):
                "\(file) is not a file refkit can import: a web server's access log in the Combined Log Format (plain or gzip), "
                    + "a GoatCounter or Plausible CSV export, or the intake form's submissions exported from Netlify Forms or Formspree"
            case .write(let reason): "cannot write content/ledger.csv: \(reason); it is as it was"
            }
        }
    }

    /// How many unreadable lines of one file are listed; the rest are counted in one warning.
    static let listedProblems = 20

    /// Imports `files` into the kit at `kitDirectory`; `secret` names unlisted kits' folders.
    public func run(kitDirectory: String, files: [String], secret: String?, on date: Day) -> (diagnostics: [Diagnostic], result: Result<Summary, Failure>) {
        if let problem = KitFolder.problem(kitDirectory, fileSystem: fileSystem) { return ([], .failure(.notAKit(problem))) }
        let validated = KitValidator.validate(KitLoader(fileSystem: fileSystem, kitDirectory: kitDirectory).load(), on: date, secret: secret)
        guard let kit = validated.kit else {
            return (validated.diagnostics, .failure(.invalidKit(errors: validated.diagnostics.filter { $0.severity == .error }.count)))
        }
        var reading = ImportReading(sites: SiteRequests(kit: kit, secret: secret))
        for file in files {
            do throws(Failure) {
                try read(file, into: &reading)
            } catch {
                return (reading.diagnostics, .failure(error))
            }
        }
        do throws(Failure) {
            var summary = try append(reading.rows, to: kitDirectory + "/content/ledger.csv")
            summary.files = files.count
            summary.ledger = "content/ledger.csv"
            return (reading.diagnostics, .success(summary))
        } catch {
            return (reading.diagnostics, .failure(error))
        }
    }
}
