import Foundation
import RefkitBuild
import RefkitI18n
import RefkitModel
import RefkitReport

/// What `refkit outbox` was asked to do.
public struct OutboxRequest: Sendable {
    public var kitDirectory: String
    /// Absolute path of the private folder; default `KIT_DIR/private`.
    public var privateDirectory: String?
    /// `--date`: the first day of the window (default: as for build).
    public var date: String?
    /// `--days`: how many days the window covers.
    public var days: Int
    public var secret: String?

    public init(kitDirectory: String, privateDirectory: String? = nil, date: String? = nil, days: Int = OutboxPlan.defaultDays, secret: String? = nil) {
        (self.kitDirectory, self.privateDirectory, self.date, self.days, self.secret) = (kitDirectory, privateDirectory, date, days, secret)
    }
}

/// A touch that gets no message, and why.
public struct SkippedTouch: Sendable, Equatable {
    public enum Reason: String, Sendable { case noConsent = "consent: false", noEmail = "no e-mail address" }
    public var file: String
    public var source: String
    public var reason: Reason
}

public struct OutboxSummary: Sendable {
    public var folder: String
    public var messages: [String]
    public var skipped: [SkippedTouch]
    public var from: Day
    public var days: Int
}

public enum OutboxFailure: Error, CustomStringConvertible {
    case report(ReportFailure)
    case badDays(Int)
    case noSender
    case write(FileSystemError)
    case noSendmail
    case send(String, String)

    public var description: String {
        switch self {
        case .report(let failure): failure.description.replacingOccurrences(of: "no report was written", with: "no message was written")
        case .badDays(let days): "--days must be 1 or more, not \(days)"
        case .noSender: "site.yml has no contact.email: the address messages come from and replies go to; add contact: { email: … }"
        case .write(let error): "cannot write the outbox: \(error)"
        case .noSendmail: "no sendmail program: install one that takes 'sendmail -t' (msmtp-mta, postfix), or put one on PATH"
        case .send(let file, let reason): "stopped at \(file): \(reason); what was sent before it is recorded in sent.csv"
        }
    }
}

/// `refkit outbox`: the report's analysis (load → validate → analyse, `Reporter.analyse`) →
/// the touches due (`OutboxPlan`) → each written (`MessageWriter`, `MIME`) → `private/outbox/`:
/// `DATE-S-KIND.eml` per message (its HTML part also as `DATE-S-KIND.html`) and `messages.csv`
/// for a mail-merge import. Messages of an
/// earlier run that are not due now and were never sent are removed; `sent.csv` is never touched.
public struct Outboxer: Sendable {
    public static let folder = "outbox"
    public var reporter: Reporter

    public init(reporter: Reporter) { self.reporter = reporter }

    public func write(_ request: OutboxRequest) -> (diagnostics: [Diagnostic], result: Result<OutboxSummary, OutboxFailure>) {
        guard request.days >= 1 else { return ([], .failure(.badDays(request.days))) }
        let today: Day
        do { today = try reporter.dateResolver.resolve(option: request.date) } catch { return ([], .failure(.report(.badDate(error)))) }
        let privateFolder = request.privateDirectory ?? request.kitDirectory + "/private"
        if let problem = reporter.privateFolderProblem(privateFolder, kitDirectory: request.kitDirectory) { return ([], .failure(.report(problem))) }
        let analysis = reporter.analyse(kitDirectory: request.kitDirectory, today: today, secret: request.secret)
        let kit: Kit, data: ReportData
        switch analysis.result {
        case .success(let made): (kit, data) = (made.0, made.2)
        case .failure(let failure): return (analysis.diagnostics, .failure(.report(failure)))
        }
        guard let sender = kit.site.contact.email else { return (analysis.diagnostics, .failure(.noSender)) }

        let writer = MessageWriter(kit: kit, secret: request.secret, translations: Translations(overrides: kit.words, siteLanguage: kit.site.language),
                                   brand: MailBrand(site: kit.site, logos: kit.logos), today: today)
        let host = String(sender.split(separator: "@").last ?? "refkit.invalid")
        let folder = privateFolder + "/" + Self.folder
        let touches = OutboxPlan.touches(data, days: request.days)
        let skipped: [SkippedTouch] = touches.compactMap { touch in
            if !touch.source.contact.consent { return .init(file: touch.fileName, source: touch.source.slug, reason: .noConsent) }
            return touch.source.contact.email == nil ? .init(file: touch.fileName, source: touch.source.slug, reason: .noEmail) : nil
        }
        let due = touches.filter { $0.source.contact.consent && $0.source.contact.email != nil }
        let fileSystem = reporter.fileSystem, reporter = reporter
        do {
            try fileSystem.createDirectory(at: folder)
            // Messages of an earlier run that are not due now and were never sent go.
            let sent = SentJournal(folder: folder).sentFiles()
            var keep = sent.union(sent.map { String($0.dropLast(4)) + ".html" })
            for touch in due { keep.formUnion([touch.fileName, String(touch.fileName.dropLast(4)) + ".html"]) }
            for name in try fileSystem.contentsOfDirectory(at: folder)
            where (name.hasSuffix(".eml") || name.hasSuffix(".html")) && !keep.contains(name) {
                try fileSystem.removeItem(at: folder + "/" + name)
            }
        } catch {
            return (analysis.diagnostics, .failure(.write(error)))
        }
        // Each message written and its files placed as it is made, on every core: the outbox's
        // memory is one message per core, whatever the week holds.
        let rows = ParallelResults<Result<[UInt8], FileSystemError>>(count: due.count)
        let fromName = kit.site.contact.name ?? kit.site.name
        parallelForEach(due.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            let touch = due[index], address = touch.source.contact.email!
            let message = writer.message(touch, to: address)
            let bytes = MIME.eml(subject: message.subject, from: .init(name: fromName, address: sender),
                                 to: .init(name: message.name, address: address), day: touch.day,
                                 id: String(touch.fileName.dropLast(4)) + "@" + host, language: message.language,
                                 unsubscribe: "mailto:\(sender)?subject=unsubscribe", text: message.text, html: message.html)
            let htmlFile = String(touch.fileName.dropLast(4)) + ".html"
            // Written in place, not renamed over: in a folder of thousands, a rename per file took
            // most of the time. A run sends only what it has just written whole, and
            // messages.csv, the list, is placed last (docs/PERFORMANCE.md).
            do throws(FileSystemError) {
                try fileSystem.writeFile(bytes, to: folder + "/" + touch.fileName)
                try fileSystem.writeFile(Array(message.html.utf8), to: folder + "/" + htmlFile)
                rows.set(index, .success(MailMerge.line([address, message.name, message.subject, message.text, htmlFile, touch.source.slug,
                                                         message.language])))
            } catch {
                rows.set(index, .failure(error))
            }
        }
        var table = MailMerge.line(MailMerge.header)
        for row in rows.all {
            switch row {
            case .success(let line): table += line
            case .failure(let error): return (analysis.diagnostics, .failure(.write(error)))
            }
        }
        do { try reporter.place(table, at: folder + "/" + MailMerge.file) } catch {
            return (analysis.diagnostics, .failure(.write(error)))
        }
        let messages = due.map(\.fileName)
        return (analysis.diagnostics, .success(OutboxSummary(folder: folder, messages: messages, skipped: skipped, from: today, days: request.days)))
    }
}

/// `messages.csv`: one row per message for a mail-merge import (Mailchimp's and Brevo's contact
/// importers take a CSV with a header row and an e-mail column, UTF-8, RFC 4180 quoting).
enum MailMerge {
    static let file = "messages.csv"
    static let header = ["EMAIL", "NAME", "SUBJECT", "TEXT", "HTML_FILE", "SOURCE", "LANGUAGE"]

    /// One row, its line end included.
    static func line(_ values: [String]) -> [UInt8] {
        Array((values.map(csvField).joined(separator: ",") + "\r\n").utf8)
    }
}
