import Foundation
import RefkitLedger
import RefkitModel

/// `refkit import`: ledger rows from what the business's services already record (FORMAT.md,
/// "Measuring from real signals"). Today: a web server's access log (Combined Log Format, plain or
/// gzip) of the host serving `output/`. A request for a source's kit page is `opened` (one row per
/// source and day); requests for `/r/CODE` are a `view` row per source and day, the count in
/// `value`, noted `printed link`. Rows are added to `content/ledger.csv` by writing the whole new
/// file beside it and renaming it over the old one: a crash leaves the ledger as it was or with
/// every new row. A row the ledger already has (same day, source, stage and note) is not added
/// again, so importing a file twice adds nothing.
public struct Importer: Sendable {
    public let fileSystem: any FileSystem
    public init(fileSystem: any FileSystem) { self.fileSystem = fileSystem }

    public struct Summary: Sendable, Equatable {
        public var opened = 0
        public var printedLinkViews = 0
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
                "\(file) is not a file refkit can import: a web server's access log in the Combined Log Format (plain or gzip)"
            case .write(let reason): "cannot write content/ledger.csv: \(reason); it is as it was"
            }
        }
    }

    /// Imports `files` into the kit at `kitDirectory`; `secret` names unlisted kits' folders.
    public func run(kitDirectory: String, files: [String], secret: String?, on date: Day) -> (diagnostics: [Diagnostic], result: Result<Summary, Failure>) {
        if let problem = KitFolder.problem(kitDirectory, fileSystem: fileSystem) { return ([], .failure(.notAKit(problem))) }
        let validated = KitValidator.validate(KitLoader(fileSystem: fileSystem, kitDirectory: kitDirectory).load(), on: date, secret: secret)
        guard let kit = validated.kit else {
            return (validated.diagnostics, .failure(.invalidKit(errors: validated.diagnostics.filter { $0.severity == .error }.count)))
        }
        var diagnostics: [Diagnostic] = []
        let sites = SiteRequests(kit: kit, secret: secret)
        var rows = ImportedRows()
        for file in files {
            do throws(Failure) {
                try readLines(file) { number, line in
                    guard !line.isEmpty else { return }
                    guard let request = AccessLog.parse(bytes: line) else {
                        if rows.unreadable < 20 {
                            diagnostics.append(.warning("not a line of the Combined Log Format: left out", at: SourceLocation(file: file, line: number, column: 1)))
                        }
                        rows.unreadable += 1
                        return
                    }
                    rows.readable += 1
                    guard !request.isRobot, request.status < 400, request.method == "GET" || request.method == "HEAD" else { return }
                    switch sites.meaning(of: request.path) {
                    case .kitPage(let slug): rows.opened.insert(ImportedRows.Key(day: request.day, slug: slug))
                    // A permanent redirect (nginx adding the folder's slash) is the same visit's first step.
                    case .printedLink(let slug) where request.status != 301 && request.status != 308:
                        rows.views[ImportedRows.Key(day: request.day, slug: slug), default: 0] += 1
                    case .printedLink: break
                    case nil: break
                    }
                }
            } catch {
                return (diagnostics, .failure(error))
            }
            guard rows.readable > 0 || rows.unreadable == 0 else {
                // Not one line of an access log: another kind of file, not a log with bad lines.
                diagnostics.removeAll { $0.location.file == file }
                return (diagnostics, .failure(.unknownKind(file)))
            }
            if rows.unreadable > 20 {
                diagnostics.append(.warning("\(rows.unreadable) lines in all are not of the Combined Log Format (the first 20 are listed)", at: SourceLocation(file: file)))
            }
            (rows.readable, rows.unreadable) = (0, 0)
        }
        let ledgerPath = kitDirectory + "/content/ledger.csv"
        do throws(Failure) {
            var summary = try append(rows, to: ledgerPath)
            summary.files = files.count
            summary.ledger = "content/ledger.csv"
            return (diagnostics, .success(summary))
        } catch {
            return (diagnostics, .failure(error))
        }
    }

    /// Each line of `file`, numbered from 1, read a block at a time (a log of any length takes
    /// the memory of a block); a gzip file is read through `gzip -dc`, as it streams.
    private func readLines(_ file: String, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) {
        try withoutActuallyEscaping(body) { (body) throws(Failure) in try readLines(file, splitter: LineSplitter(body)) }
    }

    private func readLines(_ file: String, splitter: LineSplitter) throws(Failure) {
        var lines = splitter
        var isGzip: Bool?
        do {
            _ = try fileSystem.readBlocks(at: file) { block in
                if isGzip == nil { isGzip = block.starts(with: [0x1F, 0x8B]) }
                guard isGzip == false else { return false }
                lines.feed(block)
                return true
            }
        } catch {
            throw .unreadable(file, "\(error)")
        }
        if isGzip == true {
            guard Self.gunzip(file, into: { lines.feed($0) }) else { throw .unreadable(file, "it is not a gzip file gzip can read") }
        }
        lines.finish()
    }

    /// Streams what `gzip -dc` makes of `file` to `body`; false when gzip fails.
    static func gunzip(_ file: String, into body: ([UInt8]) -> Void) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", "--", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        while true {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            body([UInt8](data))
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Writes the ledger with `rows` it does not have yet added at its end.
    private func append(_ rows: ImportedRows, to path: String) throws(Failure) -> Summary {
        var existing: [UInt8] = []
        if fileSystem.kind(at: path) != nil {
            do { existing = try fileSystem.readFile(at: path) } catch { throw .write("\(error)") }
        }
        let known = Self.keys(in: existing)
        var text = "", summary = Summary()
        for key in rows.opened.sorted() where !known.contains("\(key.day),\(key.slug),opened,") {
            text += "\(key.day),\(key.slug),opened,,,\n"
            summary.opened += 1
        }
        for (key, count) in rows.views.sorted(by: { $0.key < $1.key }) where !known.contains("\(key.day),\(key.slug),view,printed link") {
            text += "\(key.day),\(key.slug),view,\(count),printed link,\n"
            summary.printedLinkViews += 1
        }
        guard !text.isEmpty else { return summary }
        var bytes = existing.isEmpty ? Array("date,source,stage,value,note,prospect\n".utf8) : existing
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes += Array(text.utf8)
        let temporary = path + ".refkit-import"
        do {
            try fileSystem.writeFile(bytes, to: temporary)
            try fileSystem.moveItem(from: temporary, to: path)
        } catch {
            try? fileSystem.removeItem(at: temporary)
            throw .write("\(error)")
        }
        return summary
    }

    /// `DATE,SOURCE,STAGE,NOTE` of the rows refkit imports that the ledger has (their note never
    /// holds a comma or a quote).
    static func keys(in ledger: [UInt8]) -> Set<String> {
        var keys: Set<String> = []
        for line in String(decoding: ledger, as: UTF8.self).split(separator: "\n") where line.contains(",opened,") || line.contains(",printed link") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 5 else { continue }
            keys.insert("\(fields[0]),\(fields[1]),\(fields[2]),\(fields[2] == "view" ? fields[4] : "")")
        }
        return keys
    }
}

/// What the requests of the logs come to: days a kit was opened, and printed-link views per day.
struct ImportedRows {
    struct Key: Hashable, Comparable {
        var day: Day
        var slug: String
        static func < (a: Key, b: Key) -> Bool { (a.day, a.slug) < (b.day, b.slug) }
    }
    var opened: Set<Key> = []
    var views: [Key: Int] = [:]
    var readable = 0
    var unreadable = 0
}

/// What a request path means on the published site: a source's kit page, or its printed link.
struct SiteRequests {
    enum Meaning: Equatable { case kitPage(String), printedLink(String) }
    let base: String
    let folders: [String: String]
    let codes: [String: String]

    init(kit: Kit, secret: String?) {
        // The site's own path (`https://host/kits/` → `/kits/`).
        let path = URLComponents(string: kit.site.url)?.path ?? "/"
        base = path.hasSuffix("/") ? path : path + "/"
        folders = Dictionary(kit.sources.map { ($0.folder(in: kit.site, secret: secret), $0.slug) }, uniquingKeysWith: { first, _ in first })
        codes = Dictionary(kit.sources.map { ($0.code.uppercased(), $0.slug) }, uniquingKeysWith: { first, _ in first })
    }

    func meaning(of requested: String) -> Meaning? {
        guard requested.hasPrefix(base) else { return nil }
        let path = (String(requested.dropFirst(base.count)).removingPercentEncoding ?? "")
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        if first == "r", parts.count >= 2, let slug = codes[parts[1].uppercased()] { return .printedLink(slug) }
        guard let slug = folders[String(first)] else { return nil }
        // A page of the kit (not its QR code, card or PDFs): an HTML file or the folder itself.
        let last = parts.count == 1 ? "" : parts.last!
        return last.isEmpty || last.hasSuffix(".html") ? .kitPage(slug) : nil
    }
}

/// Cuts blocks of bytes into lines, numbered from 1, a CR before the LF left out.
struct LineSplitter {
    private var carry: [UInt8] = []
    private var number = 0
    private let body: (Int, UnsafeBufferPointer<UInt8>) -> Void

    init(_ body: @escaping (Int, UnsafeBufferPointer<UInt8>) -> Void) { self.body = body }

    mutating func feed(_ block: [UInt8]) {
        carry += block
        var start = 0, lines: [Range<Int>] = []
        while let end = carry[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(start..<end)
            start = end + 1
        }
        emit(lines)
        carry.removeSubrange(..<start)
    }

    mutating func finish() {
        if !carry.isEmpty { emit([0..<carry.count]) }
        carry = []
    }

    private mutating func emit(_ lines: [Range<Int>]) {
        let body = body
        var number = number
        carry.withUnsafeBufferPointer { buffer in
            for range in lines {
                number += 1
                let end = range.upperBound > range.lowerBound && buffer[range.upperBound - 1] == UInt8(ascii: "\r") ? range.upperBound - 1 : range.upperBound
                body(number, UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<end]))
            }
        }
        self.number = number
    }
}
