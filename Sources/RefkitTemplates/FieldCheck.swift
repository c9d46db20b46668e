import RefkitModel

/// Reports the tags of a template that name a field the view does not have: in Mustache such a tag
/// quietly renders nothing, so a typo (`{{source.nmae}}`) would ship as a blank.
public enum FieldCheck {
    /// Checks `file`. Sections open a scope: inside `{{#pages}}` a name is looked up in a page
    /// first, then outwards, as Mustache does. A partial may be used in any scope, so its names
    /// need only exist somewhere in the view.
    public static func check(_ file: TemplateFile, isPartial: Bool, schema: ViewSchema) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var scopes: [ViewSchema?] = [schema]  // nil: a section whose value is not an object (a Bool, a string)
        var opened: [Bool] = []  // whether each open section pushed a scope
        let everyScope = schema.allScopes

        for tag in tags(in: file.text) {
            let location = SourceLocation(file: file.file, line: tag.line, column: tag.column)
            switch tag.kind {
            case "!", ">", "<", "$", "%":
                if tag.kind == "<" || tag.kind == "$" { opened.append(false) }
                continue
            case "=":
                return diagnostics  // custom delimiters: this simple scanner stops here
            case "/":
                if let pushed = opened.popLast(), pushed { scopes.removeLast() }
                continue
            default:
                break
            }
            let resolved = isPartial ? everyScope.lazy.compactMap { resolve(tag.name, in: [$0]) }.first
                                     : resolve(tag.name, in: scopes)
            if resolved == nil {
                var message = "template field '\(tag.name)' is not in the view: it would render as nothing"
                let known = knownNames(in: isPartial ? everyScope.reversed() : scopes)
                if let suggestion = nearest(to: tag.name, among: known) { message += "; did you mean '\(suggestion)'?" }
                diagnostics.append(.warning(message, at: location))
            }
            switch tag.kind {
            case "#":
                switch resolved {
                case .list(let element): scopes.append(element)
                case .object: scopes.append(resolved)
                default: scopes.append(nil)
                }
                opened.append(true)
            case "^":
                opened.append(false)
            default:
                break
            }
        }
        return diagnostics
    }

    /// Mustache name resolution: the first segment from the innermost scope outwards, the rest
    /// inside it. `.` is the current item.
    static func resolve(_ name: String, in scopes: [ViewSchema?]) -> ViewSchema? {
        if name == "." { return .value(.text) }
        let segments = name.split(separator: ".").map(String.init)
        guard let first = segments.first else { return nil }
        for scope in scopes.reversed() {
            guard let scope, var node = scope.fields[first] else { continue }
            for segment in segments.dropFirst() {
                guard let next = node.fields[segment] else { return nil }
                node = next
            }
            return node
        }
        return nil
    }

    /// The closest candidate; on a tie, one that starts like the word, then the earliest (the
    /// innermost scope's).
    private static func nearest(to word: String, among candidates: [String]) -> String? {
        guard let best = closestField(to: word, among: candidates) else { return nil }
        guard best.split(separator: ".").count == word.split(separator: ".").count else { return best }
        let distance = editDistance(word, best)
        let tied = candidates.filter { editDistance(word, $0) == distance }
        return tied.first { $0.first == word.first } ?? tied.first
    }

    /// Names visible from the innermost scope outwards, at every depth, each scope's sorted.
    private static func knownNames(in scopes: [ViewSchema?]) -> [String] {
        func names(in schema: ViewSchema, prefix: String) -> [String] {
            schema.fields.sorted(by: { $0.key < $1.key }).flatMap { key, value in
                [prefix + key] + names(in: value, prefix: prefix + key + ".")
            }
        }
        return scopes.reversed().compactMap { $0 }.flatMap { names(in: $0, prefix: "") }
    }

    struct Tag {
        var kind: Character?  // nil for a plain variable
        var name: String
        var line: Int
        var column: Int
        /// Only spaces or tabs, at least one, stand before the tag on its line: swift-mustache
        /// indents a standalone partial, parent or block tagged so.
        var indented = false
    }

    /// The tags of a template with the default `{{ }}` delimiters.
    static func tags(in text: String) -> [Tag] {
        var tags: [Tag] = []
        var line = 1, column = 1
        var index = text.startIndex, lineStart = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                let triple = text[index...].hasPrefix("{{{")
                let open = text.index(index, offsetBy: triple ? 3 : 2)
                let closing = triple ? "}}}" : "}}"
                guard let close = text[open...].firstRange(of: closing) else { break }
                var inner = Substring(text[open..<close.lowerBound]).drop { $0 == " " }
                var kind: Character? = nil
                if let first = inner.first, "#^/!>&<$=%".contains(first) {
                    kind = first == "&" ? nil : first
                    inner = inner.dropFirst()
                }
                let name = inner.trimmingCharacters(in: " \t\n")
                let before = text[lineStart..<index]
                let indented = !before.isEmpty && before.allSatisfy { $0 == " " || $0 == "\t" }
                tags.append(Tag(kind: kind, name: kind == "!" ? "" : name, line: line, column: column, indented: indented))
                for position in text[index..<close.upperBound].indices {
                    if text[position] == "\n" { line += 1; column = 1; lineStart = text.index(after: position) } else { column += 1 }
                }
                index = close.upperBound
                continue
            }
            if text[index] == "\n" { line += 1; column = 1; lineStart = text.index(after: index) } else { column += 1 }
            index = text.index(after: index)
        }
        return tags
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var s = self
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
