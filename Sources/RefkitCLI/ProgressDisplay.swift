import Foundation

/// Shows a long build's progress on standard error: on a terminal, a bar redrawn in place (at most
/// ten times a second); otherwise a plain line at each quarter. Nothing for builds under a second.
final class ProgressDisplay: @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let isTerminal: Bool
    private let started = DispatchTime.now()
    private let lock = NSLock()
    private var lastDrawn: UInt64 = 0
    private var lastQuarter = 0
    private var drawn = false

    init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    private var elapsed: UInt64 { DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds }

    func update(done: Int, total: Int) {
        lock.withLock {
            let now = elapsed
            guard now > 1_000_000_000, total > 0 else { return }
            if isTerminal {
                guard now - lastDrawn > 100_000_000 || done == total else { return }
                lastDrawn = now
                let width = 30, filled = width * done / total
                write("\rrefkit: [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                      + "] \(done)/\(total) kits")
                drawn = true
            } else {
                let quarter = 4 * done / total
                guard quarter > lastQuarter, quarter < 4 else { return }
                lastQuarter = quarter
                write("refkit: \(quarter * 25)% (\(done)/\(total) kits)\n")
            }
        }
    }

    /// Clears the bar before the summary line.
    func finish() {
        lock.withLock { if drawn { write("\r\u{1B}[K") } }
    }
}
