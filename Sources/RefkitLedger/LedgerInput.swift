/// The ledger's bytes, given a piece at a time, each piece whole lines: `LedgerValidator` reads
/// them as they come and keeps none, so a ledger's size costs time, never memory.
public struct LedgerInput: Sendable {
    /// Calls its argument with the bytes in order, each piece ending at a line end (or at the end
    /// of the text); stops early when it returns false.
    public let read: @Sendable (_ body: ([UInt8]) -> Bool) -> Void

    /// Pieces of whole lines, about `pieceSize` bytes each, from blocks of any size (a file read
    /// block by block). A UTF-8 byte-order mark at the start is dropped.
    public init(blocks: @escaping @Sendable (_ body: ([UInt8]) -> Bool) -> Void, pieceSize: Int = LedgerInput.pieceSize) {
        read = { body in
            var pending: [UInt8] = [], first = true, stopped = false
            blocks { block in
                var block = block[...]
                if first {
                    first = false
                    if block.starts(with: [0xEF, 0xBB, 0xBF]) { block = block.dropFirst(3) }
                }
                pending += block
                guard pending.count >= pieceSize, let end = pending.lastIndex(of: 0x0A) else { return true }
                let piece = Array(pending[...end])
                pending.removeFirst(end + 1)
                stopped = !body(piece)
                return !stopped
            }
            if !stopped, !pending.isEmpty { _ = body(pending) }
        }
    }

    /// A text held in memory (tests, and a ledger given as a string).
    public static func text(_ text: String, pieceSize: Int = LedgerInput.pieceSize) -> LedgerInput {
        let bytes = Array(text.utf8)
        return LedgerInput(blocks: { body in
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + pieceSize)
                guard body(Array(bytes[start..<end])) else { return }
                start = end
            }
        }, pieceSize: pieceSize)
    }

    /// About a megabyte: pieces are parsed one per core, a few at a time.
    public static let pieceSize = 1 << 20
}

/// The ledger's quotes read as CSV reads them (RFC 4180), one byte at a time across pieces: a
/// quote opens a field only at the field's start, `""` inside one is a quote, and after the
/// closing quote comes a comma or a line end. Where a piece ends outside quotes, the text may be
/// cut and its parts read apart.
struct QuoteScanner {
    /// Lines ended so far (CRLF counted once), and bytes read.
    private(set) var lines = 0
    private(set) var offset = 0
    private var previous: UInt8 = 0
    private var quoted = false, fieldStart = true, justClosed = false
    private var opened = 0, openedAt = 0, lineStart = 0
    /// The first quoted field that does not end as CSV says; nothing after it is scanned.
    private(set) var problem: LedgerValidator.QuoteProblem?

    /// Reads `bytes`; true when their end is outside quotes (a place the text may be cut).
    mutating func scan(_ bytes: [UInt8]) -> Bool {
        guard problem == nil else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            defer { previous = byte; index += 1; offset += 1 }
            let lineEnd = byte == 0x0A || byte == 0x0D
            if lineEnd, !(byte == 0x0A && previous == 0x0D) { lines += 1 }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { index += 1; offset += 1; continue }
                    (quoted, justClosed) = (false, true)
                }
                continue
            }
            if justClosed {
                justClosed = false
                guard byte == UInt8(ascii: ",") || lineEnd else {
                    problem = LedgerValidator.QuoteProblem(opened: opened, lineOffset: openedAt, closed: lines + 1)
                    return false
                }
            }
            if byte == UInt8(ascii: "\""), fieldStart {
                (quoted, opened, openedAt, fieldStart) = (true, lines + 1, lineStart, false)
                continue
            }
            fieldStart = byte == UInt8(ascii: ",") || lineEnd
            if lineEnd { lineStart = offset + 1 }
        }
        return !quoted && !justClosed
    }

    /// At the end of the text: a quote still open is never closed.
    mutating func finish() {
        if problem == nil, quoted { problem = LedgerValidator.QuoteProblem(opened: opened, lineOffset: openedAt, closed: nil) }
    }
}
