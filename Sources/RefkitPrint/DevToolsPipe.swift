import Foundation

/// A JSON object from or for Chromium. Only ever read on the thread that got it.
typealias JSONObject = [String: Any]

/// One connection to Chromium's DevTools protocol over `--remote-debugging-pipe`: commands go out
/// on one pipe and replies and events come back on the other, each message JSON ended by a NUL
/// byte. No network, no WebSocket. A reader thread hands each reply to the callback of its command
/// and each event to its session's handler.
final class DevToolsPipe: @unchecked Sendable {
    typealias Reply = Result<JSONObject, PrintFailure>

    private let lock = NSLock()
    private let output: FileHandle
    private var nextID = 0
    private var waiting: [Int: @Sendable (Reply) -> Void] = [:]
    private var sessions: [String: @Sendable (_ method: String, _ params: JSONObject) -> Void] = [:]
    /// Set once the pipe from Chromium has closed: why (every later command fails with it).
    private var ended: PrintFailure?

    /// - Parameters:
    ///   - output: the pipe Chromium reads commands from (its fd 3).
    ///   - input: the pipe Chromium writes to (its fd 4).
    ///   - whyEnded: what to say when Chromium closes its end (it exited or crashed).
    init(output: FileHandle, input: FileHandle, whyEnded: @escaping @Sendable () -> String) {
        self.output = output
        // The thread keeps the pipe alive until Chromium closes its end: a reply or event read
        // after the printer is released still has somewhere to go.
        let thread = Thread { [self] in self.read(input, whyEnded: whyEnded) }
        thread.name = "refkit DevTools reader"
        thread.start()
    }

    /// Sends `method`; `reply` gets its result or error, on the reader thread.
    func send(_ method: String, _ params: JSONObject = [:], session: String? = nil,
              reply: @escaping @Sendable (Reply) -> Void = { _ in }) {
        lock.lock()
        if let ended {
            lock.unlock()
            return reply(.failure(ended))
        }
        nextID += 1
        let id = nextID
        waiting[id] = reply
        var message: JSONObject = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        // Written under the lock: messages from several threads never interleave.
        var bytes = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
        bytes.append(0)
        do {
            try output.write(contentsOf: bytes)
            lock.unlock()
        } catch {
            waiting[id] = nil
            lock.unlock()
            reply(.failure(.chromium("stopped: cannot write to it (\(error))")))
        }
    }

    /// Sends `method` and waits for its reply (at most `timeout` seconds).
    func call(_ method: String, _ params: JSONObject = [:], session: String? = nil, timeout: Double = 60) throws(PrintFailure) -> JSONObject {
        let box = ReplyBox()
        send(method, params, session: session) { box.set($0) }
        guard box.wait(timeout) else { throw .chromium("did not answer \(method) in \(Int(timeout)) s") }
        return try box.reply!.get()
    }

    /// Routes the events of `session` to `handler` (on the reader thread); nil stops.
    func route(session: String, to handler: (@Sendable (_ method: String, _ params: JSONObject) -> Void)?) {
        lock.withLock { sessions[session] = handler }
    }

    private func read(_ input: FileHandle, whyEnded: @Sendable () -> String) {
        var buffer = [UInt8]()
        var scanned = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            // read(2), not FileHandle.read(upToCount:), which waits for the whole count.
            let count = chunk.withUnsafeMutableBytes { Glibc.read(input.fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            buffer.append(contentsOf: chunk[..<count])
            var start = 0
            while let end = buffer[scanned...].firstIndex(of: 0) {
                dispatch(buffer[start..<end])
                start = end + 1
                scanned = start
            }
            buffer.removeFirst(start)
            scanned = buffer.count
        }
        let failure = PrintFailure.chromium(whyEnded())
        let orphans = lock.withLock {
            ended = failure
            defer { waiting = [:] }
            return Array(waiting.values)
        }
        for reply in orphans { reply(.failure(failure)) }
    }

    private func dispatch(_ message: ArraySlice<UInt8>) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(message))) as? JSONObject else { return }
        if let id = object["id"] as? Int {
            guard let reply = lock.withLock({ waiting.removeValue(forKey: id) }) else { return }
            if let error = object["error"] as? JSONObject {
                reply(.failure(.chromium("refused: \(error["message"] as? String ?? "\(error)")")))
            } else {
                reply(.success(object["result"] as? JSONObject ?? [:]))
            }
        } else if let method = object["method"] as? String, let session = object["sessionId"] as? String,
                  let handler = lock.withLock({ sessions[session] }) {
            handler(method, object["params"] as? JSONObject ?? [:])
        }
    }
}

/// A reply waited for by another thread.
final class ReplyBox: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private(set) var reply: DevToolsPipe.Reply?

    func set(_ reply: DevToolsPipe.Reply) {
        self.reply = reply
        done.signal()
    }

    func wait(_ seconds: Double) -> Bool { done.wait(timeout: .now() + seconds) == .success }
}
