import CSV
import Foundation
import RefkitLedger
import RefkitModel
import ZIPFoundation

/// What the files read so far come to, and what was said of them.
struct ImportReading {
    let sites: SiteRequests
    var rows = ImportedRows()
    var diagnostics: [Diagnostic] = []
}

/// One file as it is read, a line at a time: its first line says its kind (an access log's
/// request, or an export's header); an access log's lines are counted as they come, an export's
/// are kept and read as CSV at the end.
struct FileReading {
    enum Kind { case undecided, accessLog, export(ExportReader) }
    let file: String
    var kind = Kind.undecided
    var readable = 0, unreadable = 0
    /// An export's lines after its header, and the number of each in the file.
    var exportText: [UInt8] = []
    var exportLines: [Int] = []

    init(file: String) { self.file = file }

    mutating func line(_ number: Int, _ line: UnsafeBufferPointer<UInt8>, _ reading: inout ImportReading) {
        guard !line.isEmpty else { return }
        switch kind {
        case .export:
            exportText += line
            exportText.append(0x0A)
            exportLines.append(number)
        case .undecided:
            if AccessLog.parse(bytes: line) == nil, let header = try? CSVReader(string: String(decoding: line, as: UTF8.self)).next(),
               let reader = ExportReader(header: header) {
                kind = .export(reader)
                return
            }
            kind = .accessLog
            request(number, line, &reading)
        case .accessLog:
            request(number, line, &reading)
        }
    }

    private mutating func request(_ number: Int, _ line: UnsafeBufferPointer<UInt8>, _ reading: inout ImportReading) {
        guard let request = AccessLog.parse(bytes: line) else {
            problem("not a line of the Combined Log Format: left out", line: number, &reading)
            return
        }
        readable += 1
        guard !request.isRobot, request.status < 400, request.method == "GET" || request.method == "HEAD" else { return }
        switch reading.sites.meaning(of: request.path) {
        case .kitPage(let slug): reading.rows.opened.insert(ImportedRows.Key(day: request.day, slug: slug))
        // A permanent redirect (nginx adding the folder's slash) is the same visit's first step.
        case .printedLink(let slug) where request.status != 301 && request.status != 308:
            reading.rows.views[ImportedRows.ViewKey(key: .init(day: request.day, slug: slug), note: "printed link"), default: 0] += 1
        case .printedLink, nil: break
        }
    }

    private mutating func problem(_ message: String, line: Int, _ reading: inout ImportReading) {
        if unreadable < Importer.listedProblems {
            reading.diagnostics.append(.warning(message, at: SourceLocation(file: file, line: line, column: 1)))
        }
        unreadable += 1
    }

    /// Reads an export's rows, and says what the file was not; false when it is no file refkit reads.
    mutating func finish(_ reading: inout ImportReading) -> Bool {
        switch kind {
        case .undecided: return true  // empty, or blank lines only (a log rotated before any request): nothing to add
        case .accessLog:
            guard readable > 0 || unreadable == 0 else {
                // Not one line of an access log: another kind of file, not a log with bad lines.
                reading.diagnostics.removeAll { $0.location.file == file }
                return false
            }
        case .export(let reader):
            readExport(reader, &reading)
        }
        if unreadable > Importer.listedProblems {
            reading.diagnostics.append(.warning("\(unreadable) lines in all were left out (the first \(Importer.listedProblems) are listed)",
                                                at: SourceLocation(file: file)))
        }
        return true
    }

    private mutating func readExport(_ reader: ExportReader, _ reading: inout ImportReading) {
        guard let rows = try? CSVReader(string: String(decoding: exportText, as: UTF8.self)) else { return }
        var index = 0
        while let row = rows.next(), index < exportLines.count {
            let number = exportLines[index]
            index += 1 + row.reduce(0) { $0 + $1.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
            switch reader.record(row) {
            case .failure(let problem): self.problem("\(problem.message): left out", line: number, &reading)
            case .success(.nothing): break
            case .success(.visits(let day, let utmSource, let ref, let count)):
                // A visit from another campaign is not the kit's.
                guard let slug = reading.sites.source(utmSource: utmSource, ref: ref) else { break }
                reading.rows.views[ImportedRows.ViewKey(key: .init(day: day, slug: slug), note: reader.format.name), default: 0] += count
            case .success(.submission(let day, let code, let prospect)):
                guard let slug = reading.sites.source(code: code) else {
                    self.problem("'\(code)' is no source's code: left out", line: number, &reading)
                    break
                }
                reading.rows.addLead(.init(key: .init(day: day, slug: slug), prospect: prospect))
            }
        }
    }
}

extension Importer {
    /// Reads `file` into `reading`: a zip (Plausible's export) by the CSV files it holds.
    func read(_ file: String, into reading: inout ImportReading) throws(Failure) {
        let start = try firstBytes(file)
        guard start.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            var state = FileReading(file: file)
            try readLines(file) { number, line in state.line(number, line, &reading) }
            guard state.finish(&reading) else { throw .unknownKind(file) }
            return
        }
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read) } catch { throw .unreadable(file, "it is not a zip file: \(error)") }
        // Plausible's archive holds a file per report; its visits by source are the one refkit reads.
        let entries = archive.filter { entry in
            let name = entry.path.split(separator: "/").last ?? ""
            return entry.type == .file && name.hasPrefix("imported_sources") && name.hasSuffix(".csv")
        }
        guard !entries.isEmpty else { throw .unknownKind(file) }
        for entry in entries {
            var state = FileReading(file: file + ":" + entry.path)
            try Self.readLines(of: entry, in: archive, file: file) { number, line in state.line(number, line, &reading) }
            guard state.finish(&reading) else { throw .unknownKind(file + ":" + entry.path) }
        }
    }

    private func firstBytes(_ file: String) throws(Failure) -> [UInt8] {
        var start: [UInt8] = []
        do {
            _ = try fileSystem.readBlocks(at: file) { block in
                start = Array(block.prefix(4))
                return false
            }
        } catch {
            throw .unreadable(file, "\(error)")
        }
        return start
    }
}
