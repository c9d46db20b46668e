import RefkitModel

/// Kit files are UTF-8. A byte-order mark is dropped and CRLF line endings become LF, so files
/// saved by any editor work; bytes that are not UTF-8 are an error at their line and column.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(invalidUTF8(in: Array(bytes), file: file))
        }
        let normalised = bytes.contains(UInt8(ascii: "\r")) ? normaliseLineEndings(text) : text
        // One rule for every text refkit reads (YAML, Markdown, templates, word tables, the ledger):
        // no control or bidi-override character. (What a YAML escape makes is checked per value.)
        if let (scalar, line, column) = ControlCharacters.first(in: normalised) {
            return .failure(.error("the text contains \(ControlCharacters.describe(scalar)), which kit text may not hold; remove it",
                                   at: SourceLocation(file: file, line: line + 1, column: column + 1)))
        }
        return .success(normalised)
    }

    private static func normaliseLineEndings(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingCR = false
        while let scalar = scalars.next() {
            if pendingCR {
                pendingCR = false
                result.append("\n")
                if scalar == "\n" { continue }
            }
            if scalar == "\r" { pendingCR = true } else { result.append(scalar) }
        }
        if pendingCR { result.append("\n") }
        return String(result)
    }

    static func invalidUTF8(in bytes: [UInt8], file: String, lineOffset: Int = 0) -> Diagnostic {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1 + lineOffset, column = 1
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                break loop
            case .emptyInput:
                break loop
            }
        }
        return .error("not valid UTF-8 text (save the file as UTF-8)", at: SourceLocation(file: file, line: line, column: column))
    }
}
