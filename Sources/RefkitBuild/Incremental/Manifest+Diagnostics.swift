import RefkitModel

/// A diagnostic as one manifest line: `diagnostic SEVERITY LINE COLUMN FILE MESSAGE`, the file with
/// its spaces, backslashes and line breaks escaped, the message with its backslashes and line breaks.
extension Manifest {
    static func line(for diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let file = escape(location.file).replacingOccurrences(of: " ", with: "\\s")
        return "diagnostic \(diagnostic.severity.rawValue) \(location.line) \(location.column) \(file) \(escape(diagnostic.message))\n"
    }

    static func diagnostic(from line: String) -> Diagnostic? {
        let fields = line.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, let severity = Diagnostic.Severity(rawValue: String(fields[1])),
              let number = Int(fields[2]), let column = Int(fields[3]) else { return nil }
        return Diagnostic(severity, unescape(String(fields[5])),
                          at: SourceLocation(file: unescape(String(fields[4])), line: number, column: column))
    }
}
