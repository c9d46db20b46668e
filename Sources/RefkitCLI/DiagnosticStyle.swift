import RefkitModel

public extension Diagnostic {
    /// `FILE:LINE:COLUMN: error|warning: message`; on a terminal the location is bold and the
    /// severity coloured (red for errors, yellow for warnings), as compilers print them.
    func formatted(forTerminal terminal: Bool) -> String {
        guard terminal else { return description }
        let colour = severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
        return "\u{1B}[1m\(location):\u{1B}[0m \(colour)\(severity.rawValue):\u{1B}[0m \(message)"
    }
}
