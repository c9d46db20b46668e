import RefkitBuild
import RefkitLedger
import RefkitI18n
import RefkitModel

/// What `refkit report` was asked to do.
public struct ReportRequest: Sendable {
    /// Absolute path of the kit directory.
    public var kitDirectory: String
    /// Absolute path of the private folder; default `KIT_DIR/private`.
    public var privateDirectory: String?
    /// `--date`: today, for "this week" and quiet sources (default: as for build).
    public var date: String?
    /// `--from`, `--to`: the period the funnel and trends cover.
    public var from: String?
    public var to: String?
    /// `REFKIT_SECRET`, for the kit links of an unlisted kit.
    public var secret: String?

    public init(kitDirectory: String, privateDirectory: String? = nil, date: String? = nil, from: String? = nil,
                to: String? = nil, secret: String? = nil) {
        self.kitDirectory = kitDirectory
        self.privateDirectory = privateDirectory
        self.date = date
        self.from = from
        self.to = to
        self.secret = secret
    }
}

public struct ReportSummary: Sendable, Equatable {
    public var rows: Int
    public var sources: Int
    public var page: String
    public var calendar: String
    public var from: Day
    public var to: Day
}

public enum ReportFailure: Error, Equatable, CustomStringConvertible {
    case invalidKit(errors: Int)
    case notAKit(String)
    case badDate(BuildDateResolver.Failure)
    case badOption(String)
    case insideOutput(String)
    case write(FileSystemError)

    public var description: String {
        switch self {
        case .invalidKit(let errors): "the kit has \(errors) error\(errors == 1 ? "" : "s"); no report was written"
        case .notAKit(let problem): problem
        case .badDate(let failure): failure.description
        case .badOption(let text): text
        case .insideOutput(let path):
            "refusing to write the report to \(path): it is inside output/, which is published; choose a folder outside it"
        case .write(let error): "cannot write the report: \(error)"
        }
    }
}

public struct ReportOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var result: Result<ReportSummary, ReportFailure>
}

/// `refkit report`: load → validate (the kit and its ledger, analysed as its rows are read:
/// `ReportData.Rows`) → analyse (`ReportData`) → render
/// (the page, its charts, the calendar) → write both files, each swapped into place.
public struct Reporter: Sendable {
    public static let page = "report/index.html"
    public static let calendar = "follow-up.ics"

    public var fileSystem: any FileSystem
    public var dateResolver: BuildDateResolver

    public init(fileSystem: any FileSystem = DiskFileSystem(), dateResolver: BuildDateResolver) {
        self.fileSystem = fileSystem
        self.dateResolver = dateResolver
    }

    public func report(_ request: ReportRequest) -> ReportOutcome {
        func fail(_ failure: ReportFailure, _ diagnostics: [Diagnostic] = []) -> ReportOutcome {
            ReportOutcome(diagnostics: diagnostics, result: .failure(failure))
        }
        let today: Day
        do { today = try dateResolver.resolve(option: request.date) } catch { return fail(.badDate(error)) }
        var bounds: [Day?] = []
        for (option, text) in [("--from", request.from), ("--to", request.to)] {
            guard let text else { bounds.append(nil); continue }
            guard let day = Day(text) else { return fail(.badOption("\(option) must be a day written YYYY-MM-DD, not '\(text)'")) }
            bounds.append(day)
        }
        if let from = bounds[0], let to = bounds[1], to < from {
            return fail(.badOption("--from (\(from)) is after --to (\(to))"))
        }
        let folder = request.privateDirectory ?? request.kitDirectory + "/private"
        if let problem = privateFolderProblem(folder, kitDirectory: request.kitDirectory) { return fail(problem) }

        // 1. load, 2. validate, 3. analyse
        let analysis = analyse(kitDirectory: request.kitDirectory, today: today, from: bounds[0], to: bounds[1], secret: request.secret)
        let kit: Kit, ledger: Ledger, data: ReportData
        switch analysis.result {
        case .success(let made): (kit, ledger, data) = made
        case .failure(let failure): return fail(failure, analysis.diagnostics)
        }

        // 4. render
        let kitURL: (Source) -> String = { $0.kitURL(in: kit.site, secret: request.secret) }
        // Words (refkit's tables, the kit's over them), numbers, days and amounts (in the site's
        // currency) in the site's language.
        let words = ReportWords(language: kit.site.language, translations: Translations(overrides: kit.words, siteLanguage: kit.site.language))
        let (page, calendar) = Formatting.$words.withValue(words) {
            Formatting.$currency.withValue(kit.site.currency) {
                (ReportPage.html(data, site: kit.site, kitURL: kitURL), FollowUpCalendar.ics(data, site: kit.site, kitURL: kitURL))
            }
        }

        // 5. write: each file to a temporary name, then renamed over the old one.
        do {
            try place(Array(page.utf8), at: folder + "/" + Self.page)
            try place(Array(calendar.utf8), at: folder + "/" + Self.calendar)
        } catch {
            return fail(.write(error), analysis.diagnostics)
        }
        let summary = ReportSummary(rows: ledger.rows, sources: kit.sources.count, page: folder + "/" + Self.page,
                                    calendar: folder + "/" + Self.calendar, from: data.from, to: data.to)
        return ReportOutcome(diagnostics: analysis.diagnostics, result: .success(summary))
    }

    /// What a kit's report and outbox are made from: the kit and its ledger validated (load,
    /// validate), the ledger's rows analysed as they are read (`ReportData.Rows`, not kept: a
    /// report's memory is its sources' and referrals', whatever the ledger's length).
    public func analyse(kitDirectory: String, today: Day, from: Day? = nil, to: Day? = nil, secret: String?)
        -> (diagnostics: [Diagnostic], result: Result<(Kit, Ledger, ReportData), ReportFailure>) {
        if let problem = KitFolder.problem(kitDirectory, fileSystem: fileSystem) { return ([], .failure(.notAKit(problem))) }
        let period = ReportData.period(from: from, to: to, today: today)
        var rows: ReportData.Rows?
        let validated = KitValidator.validate(KitLoader(fileSystem: fileSystem, kitDirectory: kitDirectory).load(),
                                              on: today, secret: secret, checkLedger: true) { slugs, sources in
            let made = ReportData.Rows(slugs: slugs, sources: sources, from: period.from, to: period.to)
            rows = made
            return [made]
        }
        guard let kit = validated.kit, let ledger = validated.ledger else {
            let errors = validated.diagnostics.filter { $0.severity == .error }.count
            return (validated.diagnostics, .failure(.invalidKit(errors: errors)))
        }
        let data = ReportData(kit: kit, ledger: ledger, rows: rows ?? ReportData.Rows(slugs: ledger.slugs, sources: kit.sources, from: period.from, to: period.to),
                              process: validated.process, today: today)
        return (validated.diagnostics, .success((kit, ledger, data)))
    }

    /// Why `folder` may not hold private files: it is inside (or links into) `output/`, which is published.
    public func privateFolderProblem(_ folder: String, kitDirectory: String) -> ReportFailure? {
        let output = fileSystem.realPath(kitDirectory + "/output") ?? kitDirectory + "/output"
        let resolved = resolvedPath(folder)
        return resolved == output || resolved.hasPrefix(output + "/") ? .insideOutput(folder) : nil
    }

    /// Writes `bytes` at `path` by a temporary file renamed over it (its folder made first).
    public func place(_ bytes: [UInt8], at path: String) throws(FileSystemError) {
        let slash = path.lastIndex(of: "/")!
        try fileSystem.createDirectory(at: String(path[..<slash]))
        let temporary = String(path[..<slash]) + "/." + path[path.index(after: slash)...] + ".refkit-tmp"
        try fileSystem.writeFile(bytes, to: temporary)
        try fileSystem.moveItem(from: temporary, to: path)
    }

    /// `path` with symlinks resolved as far as it exists, so `private -> output/x` is caught.
    private func resolvedPath(_ path: String) -> String {
        var existing = path, rest = ""
        while fileSystem.kind(at: existing) == nil, let slash = existing.lastIndex(of: "/"), slash != existing.startIndex {
            rest = String(existing[slash...]) + rest
            existing = String(existing[..<slash])
        }
        return (fileSystem.realPath(existing) ?? existing) + rest
    }
}
