import RefkitLedger
import RefkitModel

extension KitLoader {
    /// `content/ledger.csv`, when the kit keeps one: its text read once here, a block at a time,
    /// under the rules every kit text follows (UTF-8, no control character; CRLF allowed), then
    /// given to `LedgerValidator` as a `LedgerInput` that reads it again the same way. Neither
    /// holds the file whole: a ledger may be far larger than any page.
    func loadLedger(into kit: inout LoadedKit) -> LedgerInput? {
        let file = Ledger.file, path = absolute(file)
        guard let kind = fileSystem.kind(at: path), checkInsideKit(file, kind: kind, into: &kit) else { return nil }
        let fileSystem = fileSystem
        let input = LedgerInput(blocks: { body in _ = try? fileSystem.readBlocks(at: path, body) })
        var problem: Diagnostic?, lines = 0, size = 0
        // The first read also finds what cannot be read at all (a folder, a FIFO).
        do {
            _ = try fileSystem.readBlocks(at: path) { _ in false }
        } catch {
            kit.diagnostics.append(.error("cannot read the file: \(error.reason)", at: SourceLocation(file: file)))
            return nil
        }
        input.read { piece in
            size += piece.count
            guard size <= Self.maximumLedgerSize else {
                problem = .error("the file is more than \(Self.maximumLedgerSize / 1_000_000) MB; a ledger may be at most \(Self.maximumLedgerSize / 1_000_000) MB",
                                 at: SourceLocation(file: file))
                return false
            }
            guard let text = String(validating: piece, as: UTF8.self) else {
                problem = TextDecoding.invalidUTF8(in: piece, file: file, lineOffset: lines)
                return false
            }
            let plain = piece.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
            if let (scalar, line, column) = ControlCharacters.first(in: plain) {
                problem = .error("the text contains \(ControlCharacters.describe(scalar)), which kit text may not hold; remove it",
                                 at: SourceLocation(file: file, line: lines + line + 1, column: column + 1))
                return false
            }
            lines += plain.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return true
        }
        if let problem {
            kit.diagnostics.append(problem)
            return nil
        }
        return input
    }
}
