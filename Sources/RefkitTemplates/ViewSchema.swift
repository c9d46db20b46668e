/// The shape of a view: which names it has and what each holds. Never written by hand: each
/// `ViewModel` derives its own from its fields, and the renderer's root view (FORMAT.md's `site`,
/// `source`, `page`, `pages`, `offers`, `referral`, `brand`, `content`, `build`, and refkit's
/// additions) gives the one `refkit check` reports template tags against and docs/FORMAT.md lists.
public indirect enum ViewSchema: Sendable {
    /// A string, Bool or number.
    case value
    case object([String: ViewSchema])
    case list(ViewSchema)

    /// Every name a template may use, one Markdown list item each (`- `site.contact.name``), for
    /// docs/FORMAT.md: generated, never copied (a test compares the two).
    public var documentation: String {
        func lines(_ schema: ViewSchema, _ prefix: String) -> [String] {
            switch schema {
            case .value: return ["- `\(prefix)`"]
            case .list(let element):
                let inner = lines(element, "")
                return ["- `\(prefix)`: a list" + (inner == ["- ``"] ? " of text" : ", each with:")]
                    + (inner == ["- ``"] ? [] : inner.map { "  " + $0 })
            case .object(let fields):
                return fields.sorted { $0.key < $1.key }.flatMap { key, value in
                    lines(value, prefix.isEmpty ? key : prefix + "." + key)
                }
            }
        }
        return lines(self, "").joined(separator: "\n") + "\n"
    }

    var fields: [String: ViewSchema] {
        if case .object(let fields) = self { return fields }
        return [:]
    }

    /// Every object in the schema (list elements included): the scopes a partial may be used in.
    var allScopes: [ViewSchema] {
        switch self {
        case .value: []
        case .list(let element): element.allScopes
        case .object(let fields): [self] + fields.sorted { $0.key < $1.key }.flatMap(\.value.allScopes)
        }
    }
}
