import RefkitModel

/// The sample text `refkit init` and `refkit new` write in place of the business's own, in one
/// place: `StarterKitWords` (init's) and `StarterWords` (new's), in each language, and the
/// contact details every language shares. `check` warns of every file that still holds some, so
/// a kit never publishes "What the referred person gets" to every source.
public enum StarterText {
    public static let contactEmail = "you@example.com"
    public static let contactPhone = "+00 123 456 789"  // no country's: an example anywhere

    /// Field values meant to be replaced, in every language.
    static let all = Set([contactEmail, contactPhone] + StarterKitWords.values + StarterWords.values)
    /// Whole Markdown texts, compared with a file's text less its outer spaces.
    static let bodies = Set((StarterKitWords.bodies + StarterWords.bodies).map { $0.trimmingSpaces() })
}

extension KitValidator {
    /// One warning per file whose fields (or whose Markdown text) still hold `StarterText`,
    /// naming them, at the first.
    static func checkStarterText(_ document: YAMLDocument, body: MarkdownBody? = nil, log: DiagnosticLog) {
        var found: [(path: String, location: SourceLocation)] = []
        func walk(_ node: YAMLNode, path: String) {
            switch node.value {
            case .scalar(let text, _):
                if StarterText.all.contains(text.trimmingSpaces()) { found.append((path, node.location)) }
            case .mapping(let entries):
                for entry in entries { walk(entry.value, path: path.isEmpty ? entry.key : path + "." + entry.key) }
            case .sequence(let items):
                for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index + 1)]") }
            }
        }
        if let root = document.root { walk(root, path: "") }
        let bodyIsSample = body.map { StarterText.bodies.contains($0.text.trimmingSpaces()) } ?? false
        let bodyLocation = body.map { SourceLocation(file: document.file, line: $0.firstLine, column: 1) }
        guard let first = found.first?.location ?? (bodyIsSample ? bodyLocation : nil) else { return }
        let fields = found.map { "'\($0.path)'" }
        var what = fields.count == 1 ? "\(fields[0])"
            : "\(fields.count) fields (\(fields.prefix(6).joined(separator: ", "))\(fields.count > 6 ? ", …" : ""))"
        if bodyIsSample { what = fields.isEmpty ? "the Markdown text" : what + " and the Markdown text" }
        what += fields.count == 1 && !bodyIsSample || fields.isEmpty ? " still holds" : " still hold"
        log.append(.warning("\(what) the sample text refkit init or new wrote: write your own, or it is published as it is", at: first))
    }
}
