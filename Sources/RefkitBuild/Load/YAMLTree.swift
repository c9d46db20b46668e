import RefkitModel
import Yams

/// A YAML value with the place it was written, so validation can point at the exact line and
/// column. refkit's own type (not Yams's) so that it is Sendable and carries file offsets.
public struct YAMLNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        /// A scalar's text; `plain` is false when it was quoted or a block scalar.
        case scalar(String, plain: Bool)
        case mapping([Entry])
        case sequence([YAMLNode])
    }

    public struct Entry: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLNode
    }

    public var value: Value
    public var location: SourceLocation

    /// A plain empty, `~` or `null` scalar: what YAML reads as no value.
    public var isNull: Bool {
        if case .scalar(let text, true) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    public var entries: [Entry]? {
        if case .mapping(let entries) = value { return entries }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }
}

/// A parsed YAML file, or the front matter of a Markdown file.
public struct YAMLDocument: Sendable, Hashable {
    /// Path relative to the kit directory.
    public var file: String
    /// nil when the document is empty.
    public var root: YAMLNode?
    /// The YAML text as written (after BOM and CRLF normalisation), for messages that need to see
    /// what the parser dropped, such as a `#colour` read as a comment.
    public var text: String
    /// The file line on which `text` starts, less one (front matter starts after the `---` line).
    public var lineOffset: Int

    /// The source line `line` (a file line number), if the document has it.
    public func sourceLine(_ line: Int) -> Substring? {
        let index = line - lineOffset - 1
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.contains(index) ? lines[index] : nil
    }
}

enum YAMLParsing {
    /// Parses `text` (a file's YAML, starting at file line `lineOffset + 1`).
    static func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLDocument, Diagnostic> {
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        // Yams shares an anchored node among its aliases, but a copy of ours is made per alias:
        // nine nested lists of nine aliases are 9^9 values from 400 bytes. A file without aliases
        // has fewer values than bytes, so more than that (plus room) means aliases are multiplying.
        let budget = 10_000 + 2 * text.utf8.count
        var values = 0
        func convert(_ node: Node) throws(Refused) -> YAMLNode {
            values += 1
            guard values <= budget else { throw .aliasBomb }
            // A YAML tag (`!!binary`, `!!set`, `!custom`) would make a value other than the text
            // written: refused, wherever YAML is read, instead of being read silently as text.
            guard YAMLParsing.plainTags.contains(node.tag.rawValue) else {
                throw .tag(node.tag.rawValue, location(node.mark))
            }
            switch node {
            case .scalar(let scalar):
                return YAMLNode(value: .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any),
                                location: location(scalar.mark))
            case .mapping(let mapping):
                var entries: [YAMLNode.Entry] = []
                for (key, value) in mapping {
                    entries.append(YAMLNode.Entry(key: key.string ?? "\(key)", keyLocation: location(key.mark), value: try convert(value)))
                }
                return YAMLNode(value: .mapping(entries), location: location(mapping.mark))
            case .sequence(let sequence):
                var items: [YAMLNode] = []
                for item in sequence { items.append(try convert(item)) }
                return YAMLNode(value: .sequence(items), location: location(sequence.mark))
            case .alias(let alias):
                // Yams dereferences aliases while composing; this is kept for completeness.
                return YAMLNode(value: .scalar("", plain: true), location: location(alias.mark))
            }
        }
        do {
            let root = try Yams.compose(yaml: text, .basic, .default, .utf8).map(convert)
            return .success(YAMLDocument(file: file, root: root, text: text, lineOffset: lineOffset))
        } catch Refused.tag(let name, let at) {
            let shown = name.hasPrefix("tag:yaml.org,2002:") ? "!!" + name.dropFirst("tag:yaml.org,2002:".count) : name
            return .failure(.error("YAML: the tag \(shown) is not read by refkit; remove it and write the value as plain text", at: at))
        } catch Refused.aliasBomb {
            let (line, column) = firstAlias(in: text)
            return .failure(.error("YAML: aliases (*name) here repeat values so often that the file would hold more than \(budget) of them; write the values out instead",
                                   at: SourceLocation(file: file, line: line + lineOffset, column: column)))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, lineOffset: lineOffset))
        } catch {
            return .failure(.error("YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1)))
        }
    }

    private enum Refused: Error {
        case aliasBomb
        case tag(String, SourceLocation)
    }

    /// The tags a value may carry: none (resolved from its text), the non-specific `!`, and the
    /// core schema's, which say what the text already says.
    static let plainTags: Set<String> = Set(["", "!"]).union(["str", "seq", "map", "bool", "int", "float", "null"].map { "tag:yaml.org,2002:" + $0 })

    /// The parser's words for the two mistakes people make most, said as what they are.
    /// - A tab: YAML indents with spaces only.
    /// - An unquoted `#` (a colour) inside `{ … }` or `[ … ]`: it starts a comment, so the brackets
    ///   are never closed, and libyaml complains a line later about a missing `,` (or node content).
    /// - A `: ` inside a plain value (`summary: Note: …`): it would start another key.
    private static func explain(_ problem: String, at mark: Mark, context: Mark?, in yaml: String, file: String,
                                lineOffset: Int) -> Diagnostic? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if problem.contains("tab") || problem.contains("cannot start any token") {
            let from = max(0, min(context?.line ?? mark.line, mark.line) - 1)
            for index in from..<min(lines.count, mark.line) {
                if let tab = lines[index].firstIndex(of: "\t") {
                    let column = lines[index].distance(from: lines[index].startIndex, to: tab) + 1
                    return .error("YAML: a tab character; YAML indents with spaces only: replace the tab with spaces",
                                  at: SourceLocation(file: file, line: index + 1 + lineOffset, column: column))
                }
            }
        }
        if problem.hasPrefix("mapping values are not allowed"), mark.line >= 1, mark.line <= lines.count {
            // `summary: Note: it is free`: the second `: ` would start another key.
            let line = lines[mark.line - 1]
            if let colon = line.range(of: ": ") {
                let key = line[..<colon.lowerBound], value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
                if value.contains(": "), !value.hasPrefix("\""), !value.hasPrefix("'") {
                    let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
                    return .error("YAML: a ': ' inside a value would start another key; put the value in double quotes: \(key.trimmingCharacters(in: .whitespaces)): \(quoted)",
                                  at: SourceLocation(file: file, line: mark.line + lineOffset, column: line.distance(from: line.startIndex, to: colon.upperBound) + 1))
                }
            }
        }
        if problem.hasPrefix("did not find expected ','") || problem.hasPrefix("did not find expected node content"), let context {
            for index in max(0, context.line - 1)..<min(lines.count, mark.line) {
                let line = lines[index]
                guard let hash = line.indices.first(where: { line[$0] == "#" && (line[..<$0].last.map { $0 == " " || $0 == "\t" } ?? true) })
                else { continue }
                let written = line[hash...].prefix { $0 == "#" || $0.isHexDigit }
                let example = written.count > 1 ? "\"\(written)\"" : "\"#0B6E4F\""
                return .error("YAML: an unquoted # starts a comment, so the rest of the line is lost and its { or [ is never closed; write the colour in quotes: \(example)",
                              at: SourceLocation(file: file, line: index + 1 + lineOffset, column: line.distance(from: line.startIndex, to: hash) + 1))
            }
        }
        return nil
    }

    /// Line and column (from 1) of the first alias (`*name` after a space, `[`, `,`, `{` or `:`).
    private static func firstAlias(in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var previous: Character = "\n"
        for character in text {
            if character == "*", " \t\n[,{:-".contains(previous) { return (line, column) }
            if character == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            previous = character
        }
        return (1, 1)
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            if let explained = explain(problem, at: mark, context: context?.mark, in: yaml, file: file, lineOffset: lineOffset) {
                return explained
            }
            let while_ = context.map { " (\($0.text) at line \($0.mark.line + lineOffset))" } ?? ""
            return .error("YAML: \(problem)\(while_)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first of the keys; point at the repeat, which is what needs deleting.
            let key = duplicates.first ?? ""
            let indent = context.mark.column - 1
            let lines = context.text.split(separator: "\n", omittingEmptySubsequences: false)
            let repeat_ = lines.indices.dropFirst(context.mark.line).first { index in
                let line = lines[index]
                return line.prefix(indent).allSatisfy { $0 == " " } && line.dropFirst(indent).hasPrefix(key)
                    && line.dropFirst(indent + key.count).drop { $0 == " " }.hasPrefix(":")
            }
            let location = repeat_.map { SourceLocation(file: file, line: $0 + 1 + lineOffset, column: indent + 1) }
                ?? at(context.mark)
            return .error("YAML: key '\(key)' appears more than once (first on line \(context.mark.line + lineOffset))",
                          at: location)
        case .reader(let problem, _, _, _):
            return .error("YAML: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1))
        default:
            return .error("YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }
}
