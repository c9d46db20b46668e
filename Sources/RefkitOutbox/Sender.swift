import Foundation

/// `private/outbox/sent.csv`: one line per message handed to the mail system (`file,sent`), each
/// appended and flushed to disk before the next message is sent. A message is noted in
/// `.sending` before `sendmail` starts and moved to `sent.csv` once it has taken it: if refkit
/// stops in between (a crash, `kill -9`), the message was handed over (sendmail runs on), so the
/// next run records it as sent instead of sending it again.
struct SentJournal {
    static let file = "sent.csv"
    static let pending = ".sending"
    let folder: String

    var path: String { folder + "/" + Self.file }
    var pendingPath: String { folder + "/" + Self.pending }

    /// The files `sent.csv` lists.
    func sentFiles() -> Set<String> {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(text.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
    }

    /// The message refkit was handing over when it stopped, if it did.
    func interrupted() -> String? {
        (try? String(contentsOfFile: pendingPath, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
    }

    func begin(_ file: String) throws { try write(file + "\n", to: pendingPath, append: false) }

    func record(_ file: String, on day: String) throws {
        if !FileManager.default.fileExists(atPath: path) { try write("file,sent\n", to: path, append: true) }
        try write("\(file),\(day)\n", to: path, append: true)
        try? FileManager.default.removeItem(atPath: pendingPath)
    }

    func abandon() { try? FileManager.default.removeItem(atPath: pendingPath) }

    /// Writes and flushes to disk (`fsync`) before returning.
    private func write(_ text: String, to path: String, append: Bool) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0o600)
        guard descriptor >= 0 else { throw SendError(message: "cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Foundation.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count, fsync(descriptor) == 0 else {
            throw SendError(message: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }
}

struct SendError: Error { var message: String }

/// Hands a message to the system's `sendmail -t` interface (msmtp's, Postfix's, exim's): the
/// recipients are read from its headers.
public enum Sendmail {
    /// The program: the first `sendmail` on `PATH`, else `/usr/sbin/sendmail` or `/usr/lib/sendmail`.
    public static func program(path: String?) -> String? {
        let folders = (path ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/lib"]
        return folders.map { $0 + "/sendmail" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// nil when sendmail took the message; else what it said.
    static func send(_ file: String, with program: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-t", "-i"]
        guard let input = FileHandle(forReadingAtPath: file) else { return "cannot read \(file)" }
        process.standardInput = input
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot run \(program): \(error)" }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return "\(program) exited with status \(process.terminationStatus)" + (text.isEmpty ? "" : ": " + text)
        }
        return nil
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// What `refkit outbox --send` did.
public struct SendSummary: Sendable {
    public var sent: [String] = []
    /// Already in `sent.csv`: not sent again.
    public var alreadySent: [String] = []
    /// Handed to sendmail when an earlier run stopped: recorded as sent, not sent again.
    public var interrupted: String?
    /// Messages sendmail refused, with what it said (the others are still sent and recorded).
    public var failed: [(file: String, reason: String)] = []
}

extension Outboxer {
    /// Sends every message of `folder` (as the last `write` left it) that `sent.csv` does not list.
    public func send(folder: String, messages: [String], program: String, on day: String) -> Result<SendSummary, OutboxFailure> {
        let journal = SentJournal(folder: folder)
        var summary = SendSummary()
        if let file = journal.interrupted() {
            do { try journal.record(file, on: day) } catch { return .failure(.send(file, "\(error)")) }
            summary.interrupted = file
        }
        let sent = journal.sentFiles()
        for file in messages {
            guard !sent.contains(file) else { summary.alreadySent.append(file); continue }
            do { try journal.begin(file) } catch { return .failure(.send(file, (error as? SendError)?.message ?? "\(error)")) }
            if let reason = Sendmail.send(folder + "/" + file, with: program) {
                journal.abandon()
                summary.failed.append((file, reason))
                continue
            }
            do { try journal.record(file, on: day) } catch { return .failure(.send(file, (error as? SendError)?.message ?? "\(error)")) }
            summary.sent.append(file)
        }
        return .success(summary)
    }
}
