import Foundation
import RefkitModel

/// A CSV export `refkit import` reads, recognised by its header row (FORMAT.md, "Measuring from
/// real signals"). Columns are found by name, so an export with more columns, or in another
/// order, reads the same.
public enum ExportFormat: Sendable, Equatable {
    /// GoatCounter's export of pageviews (goatcounter.com/help/export): a header `2Path,Title,
    /// Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,
    /// FirstVisit,Date` (the `2` is the export's version), one row per pageview.
    case goatCounter
    /// Plausible's export of visits by source (`imported_sources_….csv`, plausible.io/docs/csv-import):
    /// `date,source,referrer,utm_source,utm_medium,utm_campaign,utm_content,utm_term,pageviews,
    /// visitors,visits,visit_duration,bounces`, one row per day and source.
    case plausible
    /// The intake form's submissions as Netlify Forms or Formspree export them: a column per
    /// field of `refer.html` (`code`, `prospect`, `contact`, `need`, `consent`, `_gotcha`) and one
    /// for when it was sent.
    case formSubmissions

    public var name: String {
        switch self {
        case .goatCounter: "GoatCounter"
        case .plausible: "Plausible"
        case .formSubmissions: "intake form"
        }
    }
}

/// What one row of an export says.
public enum ExportRecord: Sendable, Equatable {
    /// `count` visits on `day` that came with `utm_source` or `ref` (either may be empty).
    case visits(day: Day, utmSource: String, ref: String, count: Int)
    /// A submitted intake form: the source's code and the prospect's name (never their contact).
    case submission(day: Day, code: String, prospect: String)
    /// Nothing to add: a bot's visit, a visit from no campaign, a honeypot filled in.
    case nothing
}

/// Reads an export's rows once its header is known.
public struct ExportReader: Sendable {
    public let format: ExportFormat
    private let columns: [String: Int]

    /// The columns a form's export may note the time it was sent in: Netlify's `created_at`,
    /// Formspree's `_date` or `Date`, and what a spreadsheet made of them.
    static let sentColumns = ["created_at", "created at", "_date", "date", "submitted_at", "submitted at", "submission date", "timestamp"]

    /// nil when the header is no export refkit reads.
    public init?(header: [String]) {
        var names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let first = names.first, first.hasPrefix("\u{FEFF}") { names[0] = String(first.dropFirst()) }
        // GoatCounter prefixes the first column with the export's version: `2Path`.
        if let first = names.first, first.hasSuffix("path"), first.dropLast(4).allSatisfy(\.isNumber), !first.dropLast(4).isEmpty {
            names[0] = "path"
        }
        var columns: [String: Int] = [:]
        for (index, name) in names.enumerated() where columns[name] == nil { columns[name] = index }
        self.columns = columns
        if columns["path"] == 0, columns["bot"] != nil, columns["referrer"] != nil, columns["date"] != nil {
            format = .goatCounter
        } else if columns["utm_source"] != nil, columns["date"] != nil, columns["visits"] != nil || columns["visitors"] != nil {
            format = .plausible
        } else if columns["code"] != nil, columns["prospect"] != nil, Self.sentColumns.contains(where: { columns[$0] != nil }) {
            format = .formSubmissions
        } else {
            return nil
        }
    }

    private func field(_ name: String, _ row: [String]) -> String {
        guard let index = columns[name], index < row.count else { return "" }
        return row[index].trimmingCharacters(in: .whitespaces)
    }

    /// The day a timestamp (`2026-12-06T10:00:00Z`, `2026-12-06 10:00:00 UTC`, `2026-12-06`) falls on, as written.
    private static func day(_ text: String) -> Day? { Day(String(text.prefix(10))) }

    /// What `row` says, or why it cannot be read.
    public func record(_ row: [String]) -> Result<ExportRecord, ExportProblem> {
        switch format {
        case .goatCounter:
            guard let day = Self.day(field("date", row)) else { return .failure(.init("its Date is not a date: '\(field("date", row))'")) }
            let bot = field("bot", row)
            guard bot.isEmpty || bot == "0" else { return .success(.nothing) }
            let query = Self.query(of: field("path", row))
            var utmSource = query["utm_source"] ?? "", ref = query["ref"] ?? ""
            // GoatCounter keeps a campaign parameter as the referrer, scheme `c`.
            if field("referrer scheme", row) == "c", utmSource.isEmpty, ref.isEmpty { (utmSource, ref) = (field("referrer", row), field("referrer", row)) }
            guard !utmSource.isEmpty || !ref.isEmpty else { return .success(.nothing) }
            return .success(.visits(day: day, utmSource: utmSource, ref: ref, count: 1))
        case .plausible:
            guard let day = Self.day(field("date", row)) else { return .failure(.init("its date is not a date: '\(field("date", row))'")) }
            let counted = columns["visits"] != nil ? field("visits", row) : field("visitors", row)
            guard let count = Int(counted), count >= 0 else { return .failure(.init("its visits are not a number: '\(counted)'")) }
            // Plausible's `source` is the `ref` (or `source`) parameter when the visit carried one.
            let (utmSource, ref) = (field("utm_source", row), field("source", row))
            guard count > 0, !utmSource.isEmpty || !ref.isEmpty else { return .success(.nothing) }
            return .success(.visits(day: day, utmSource: utmSource, ref: ref, count: count))
        case .formSubmissions:
            guard field("_gotcha", row).isEmpty, field("bot-field", row).isEmpty else { return .success(.nothing) }
            let sent = Self.sentColumns.first { columns[$0] != nil }!
            guard let day = Self.day(field(sent, row)) else { return .failure(.init("its \(sent) is not a date: '\(field(sent, row))'")) }
            let code = field("code", row), prospect = field("prospect", row)
            if code.isEmpty { return .failure(.init("it has no source's code")) }
            if prospect.isEmpty { return .failure(.init("it names no prospect")) }
            if prospect.contains("@") {
                return .failure(.init("its prospect is an e-mail address, which refkit never writes to the ledger; add the row by hand with the prospect's name"))
            }
            if columns["consent"] != nil, field("consent", row).isEmpty {
                return .failure(.init("its consent box is not ticked: the prospect did not agree to be contacted"))
            }
            return .success(.submission(day: day, code: code, prospect: prospect))
        }
    }

    /// The query's parameters of a path (`/?utm_source=bolt&x=1`), percent-decoded.
    static func query(of path: String) -> [String: String] {
        guard let mark = path.firstIndex(of: "?") else { return [:] }
        var parameters: [String: String] = [:]
        for pair in path[path.index(after: mark)...].prefix(while: { $0 != "#" }).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            if parts.count == 2 { parameters[decode(parts[0]).lowercased()] = decode(parts[1]) }
        }
        return parameters
    }
}

/// Why a row of an export cannot be read.
public struct ExportProblem: Error, Sendable, Equatable {
    public var message: String
    init(_ message: String) { self.message = message }
}
