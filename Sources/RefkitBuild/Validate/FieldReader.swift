import RefkitModel

/// Reads typed fields out of one YAML mapping, recording a diagnostic for every field that is
/// missing, of the wrong type or unknown. Validation keeps going after a bad field, so one run
/// reports every problem.
struct FieldReader {
    let document: YAMLDocument
    let node: YAMLNode?
    /// Dotted path of this mapping inside the document, for messages: `brand.colors`.
    let path: String
    let knownKeys: [String]
    /// Where every problem a read finds goes (shared with nested readers).
    let log: DiagnosticLog
    /// Unknown keys that look like a known key the mapping lacks (`segmnet` for `segment`), by
    /// that key, with the warning written for each: if the key is required, the warning becomes
    /// the one error, at the misspelling.
    private var misspelt: [String: (entry: YAMLNode.Entry, warning: Diagnostic)] = [:]

    /// - Parameter moved: keys that belong one level down (`logo` → `brand.logo`), suggested for
    ///   an unknown key before any look-alike.
    init(_ document: YAMLDocument, node: YAMLNode?, path: String = "", knownKeys: [String], moved: [String: String] = [:],
         log: DiagnosticLog) {
        self.document = document
        self.path = path
        self.knownKeys = knownKeys
        self.log = log
        if let node, node.entries == nil, !node.isNull {
            log.append(.error("\(path.isEmpty ? "the file" : path) must be a mapping of 'key: value' lines",
                                      at: node.location))
            self.node = nil
        } else {
            self.node = node
        }
        for entry in node?.entries ?? [] where !knownKeys.contains(entry.key) {
            var message = "unknown field '\(qualified(entry.key))'"
            if let nested = moved[entry.key] {
                let parent = nested.split(separator: ".").dropLast().joined(separator: ".")
                message += "; did you mean '\(qualified(nested))'? (write it indented under '\(parent):')"
            } else if let suggestion = closest(to: entry.key, among: knownKeys) {
                message += "; did you mean '\(qualified(suggestion))'?"
                if node?[suggestion] == nil, misspelt[suggestion] == nil {
                    misspelt[suggestion] = (entry, .warning(message, at: entry.keyLocation))
                }
            }
            log.append(.warning(message, at: entry.keyLocation))
        }
    }

    /// Where the mapping is, or the top of the document.
    var location: SourceLocation {
        node?.location ?? SourceLocation(file: document.file, line: document.lineOffset + 1)
    }

    func qualified(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The node of `key`, unless it is absent or null.
    func value(_ key: String) -> YAMLNode? {
        guard let value = node?[key], !value.isNull else { return nil }
        return value
    }

    func location(of key: String) -> SourceLocation {
        node?.entries?.first { $0.key == key }?.value.location ?? location
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missingRequired(key) }
            return nil
        }
        guard case .scalar(let text, _) = value.value else {
            log.append(.error("'\(qualified(key))' must be text, not a \(describe(value))", at: value.location))
            return nil
        }
        let trimmed = text.trimmingSpaces()
        guard isPrintable(trimmed, key, at: value.location) else { return nil }
        if trimmed.isEmpty {
            if required { log.append(.error("'\(qualified(key))' must not be empty", at: value.location)) }
            return nil
        }
        return trimmed
    }

    /// A required field is missing: one error, at its misspelling when the mapping has one.
    func missingRequired(_ key: String, hint: String = "") {
        if let typo = misspelt[key] {
            log.replace(typo.warning, with: .error(
                "unknown field '\(qualified(typo.entry.key))': did you mean '\(qualified(key))'? '\(qualified(key))' is required",
                at: typo.entry.keyLocation))
        } else {
            log.append(.error("missing required field '\(qualified(key))'" + hint, at: location))
        }
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, true) = value.value {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        log.append(.error("'\(qualified(key))' must be true or false", at: value.location))
        return nil
    }

    func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, true) = value.value, let number = Int(text) { return number }
        log.append(.error("'\(qualified(key))' must be a whole number", at: value.location))
        return nil
    }

    /// A list of strings; a single string is read as a list of one.
    func strings(_ key: String) -> [(String, SourceLocation)]? {
        guard let value = value(key) else { return nil }
        switch value.value {
        case .scalar(let text, _):
            guard isPrintable(text, key, at: value.location) else { return nil }
            return [(text.trimmingSpaces(), value.location)]
        case .sequence(let items):
            var result: [(String, SourceLocation)] = []
            for item in items {
                guard case .scalar(let text, _) = item.value, !item.isNull else {
                    log.append(.error("each item of '\(qualified(key))' must be text", at: item.location))
                    continue
                }
                guard isPrintable(text, key, at: item.location) else { continue }
                result.append((text.trimmingSpaces(), item.location))
            }
            return result
        case .mapping:
            log.append(.error("'\(qualified(key))' must be a list (- item lines or [a, b])", at: value.location))
            return nil
        }
    }

    /// One of an enumeration's raw values.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T? where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        var message = "'\(qualified(key))' must be one of \(allowed.joined(separator: ", ")), not '\(text)'"
        if let suggestion = closest(to: text, among: allowed) { message += "; did you mean '\(suggestion)'?" }
        log.append(.error(message, at: location(of: key)))
        return nil
    }

    /// A nested mapping.
    func mapping(_ key: String, knownKeys: [String]) -> FieldReader? {
        guard let value = value(key) else { return nil }
        return FieldReader(document, node: value, path: qualified(key), knownKeys: knownKeys, log: log)
    }

    /// A colour, `#RGB` or `#RRGGBB`. An unquoted `#0B6E4F` is a YAML comment, so the field reads
    /// as empty: the message says so.
    func color(_ key: String) -> Color? {
        if let entry = node?.entries?.first(where: { $0.key == key }), entry.value.isNull,
           let line = document.sourceLine(entry.keyLocation.line),
           let hash = line.firstIndex(of: "#") {
            let written = line[hash...].prefix { $0 == "#" || $0.isHexDigit }
            log.append(.error(
                "'\(qualified(key))' is empty because YAML reads an unquoted # as the start of a comment; write it in quotes: \(key): \"\(written)\"",
                at: entry.keyLocation))
            return nil
        }
        guard let text = string(key) else { return nil }
        guard let color = Color(hex: text) else {
            log.append(.error("'\(qualified(key))' must be a colour written #RGB or #RRGGBB, not '\(text)'",
                                      at: location(of: key)))
            return nil
        }
        return color
    }

    /// False, with an error, when the value holds a control or bidi-override character (typed as
    /// a YAML escape such as "\u202E" or "\0"): refused, never passed into a page.
    private func isPrintable(_ text: String, _ key: String, at location: SourceLocation) -> Bool {
        guard let (scalar, _, _) = ControlCharacters.first(in: text) else { return true }
        log.append(.error("'\(qualified(key))' contains \(ControlCharacters.describe(scalar)), which kit text may not hold; remove it",
                                  at: location))
        return false
    }

    private func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar: "text"
        case .mapping: "mapping"
        case .sequence: "list"
        }
    }
}
