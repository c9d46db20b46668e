/// The shape of a view: which names it has and what each holds. Never written by hand: each
/// `ViewModel` derives its own from its fields, and the renderer's root view (FORMAT.md's `site`,
/// `source`, `page`, `pages`, `offers`, `referral`, `brand`, `content`, `build`, and refkit's
/// additions) gives the one `refkit check` reports template tags against and docs/FORMAT.md lists.
public indirect enum ViewSchema: Sendable {
    /// A string, yes/no or number.
    case value(ValueKind)
    case object(ObjectSchema)
    case list(ViewSchema)

    public enum ValueKind: String, Sendable {
        case text, flag = "yes/no", number
    }

    /// A `ViewModel`'s fields: their shapes, their order and what each holds (`ViewModel.about`).
    public struct ObjectSchema: Sendable {
        /// The view type's name (`SiteView`): one section of the docs per type, wherever it appears.
        public var type: String
        public var fields: [String: ViewSchema]
        public var order: [String]
        public var about: [String: String]
    }

    /// The root's field names in the order the view sets them.
    public var topLevelOrder: [String] {
        if case .object(let object) = self { return object.order }
        return []
    }

    var fields: [String: ViewSchema] {
        if case .object(let object) = self { return object.fields }
        return [:]
    }

    /// Every object in the schema (list elements included): the scopes a partial may be used in.
    var allScopes: [ViewSchema] {
        switch self {
        case .value: []
        case .list(let element): element.allScopes
        case .object(let object): [self] + object.order.flatMap { object.fields[$0]!.allScopes }
        }
    }

    /// Every field name with no `about`, as paths (`site.contact.name`): what the docs would list
    /// without a meaning (a test keeps this empty).
    public var undocumented: [String] {
        func walk(_ schema: ViewSchema, _ prefix: String) -> [String] {
            switch schema {
            case .value: return []
            case .list(let element): return walk(element, prefix + "[]")
            case .object(let object):
                return object.order.flatMap { name -> [String] in
                    let path = prefix.isEmpty ? name : prefix + "." + name
                    return (object.about[name] == nil ? [path] : []) + walk(object.fields[name]!, path)
                }
            }
        }
        return walk(self, "")
    }

    /// The view as Markdown for docs/FORMAT.md: a table per kind of object (each field's name,
    /// type and meaning), the root first, then each object where it first appears, headed by
    /// every path it appears at. Generated, never copied (a test compares the two).
    public var documentation: String {
        var sections: [(type: String, paths: [String], object: ObjectSchema)] = []
        func visit(_ schema: ViewSchema, _ path: String) {
            switch schema {
            case .value: break
            case .list(let element): visit(element, path + "[]")
            case .object(let object):
                if let index = sections.firstIndex(where: { $0.type == object.type }) {
                    sections[index].paths.append(path)
                    return
                }
                sections.append((object.type, [path], object))
                for name in object.order { visit(object.fields[name]!, path.isEmpty ? name : path + "." + name) }
            }
        }
        visit(self, "")
        func type(of schema: ViewSchema) -> String {
            switch schema {
            case .value(let kind): return kind.rawValue
            case .list(.value(let kind)): return "list of \(kind.rawValue)"
            case .list(.object(let object)): return "list of " + reference(object.type)
            case .list: return "list"
            case .object(let object): return reference(object.type)
            }
        }
        func reference(_ type: String) -> String {
            let paths = sections.first { $0.type == type }!.paths
            return "[`\(paths[0])`](#\(anchor(paths[0])))"
        }
        var text = ""
        for (_, paths, object) in sections {
            if !paths[0].isEmpty {
                text += "\n<a id=\"\(anchor(paths[0]))\"></a>\n#### " + paths.map { "`\($0)`" }.joined(separator: ", ") + "\n\n"
            }
            // A table of words (every field meaning the same) is one sentence and its names.
            let meanings = Set(object.order.compactMap { object.about[$0] })
            if object.order.count > 12, meanings.count == 1, let meaning = meanings.first {
                text += "Text, each one " + meaning + ": " + object.order.map { "`\($0)`" }.joined(separator: ", ") + ".\n"
                continue
            }
            text += "| Field | Type | What it holds |\n|---|---|---|\n"
            for name in object.order {
                text += "| `\(name)` | \(type(of: object.fields[name]!)) | \(object.about[name] ?? "") |\n"
            }
        }
        return text
    }

    private func anchor(_ path: String) -> String {
        "view-" + path.replacingOccurrences(of: "[]", with: "").replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: "_", with: "-")
    }
}
