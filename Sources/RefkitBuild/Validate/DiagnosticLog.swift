import RefkitModel

/// Where validation writes what it finds. A `FieldReader` owns the log it was made with, and its
/// nested readers share it, so a rule reads fields without passing the diagnostics along.
/// Not shared between threads: each source checked on its own core gets a log of its own.
final class DiagnosticLog {
    private(set) var entries: [Diagnostic]

    init(_ entries: [Diagnostic] = []) { self.entries = entries }

    func append(_ diagnostic: Diagnostic) { entries.append(diagnostic) }
    func append(contentsOf diagnostics: [Diagnostic]) { entries += diagnostics }
    /// Replaces `old` (the last entry equal to it) with `new`: a warning that turned out to be
    /// the cause of an error becomes that one error.
    func replace(_ old: Diagnostic, with new: Diagnostic) {
        if let at = entries.lastIndex(of: old) { entries[at] = new } else { entries.append(new) }
    }
}
