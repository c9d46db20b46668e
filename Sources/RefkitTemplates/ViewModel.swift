/// A view written as a Swift type: its fields are listed once, in `fields`, and both what a
/// template sees (`viewObject`) and what `refkit check` and docs/FORMAT.md know of it (`schema`)
/// come from that one list, as Zola's `SerializingPage` gives both a page's context and its shape.
///
///     struct ContactView: ViewModel {
///         var name: String?
///         static let fields: [ViewField<Self>] = [.text("name") { $0.name }]
///     }
public protocol ViewModel: Sendable {
    /// Every field, in the order the view sets them. A field whose value is nil is left out of
    /// the view (a template's `{{#name}}` section then renders nothing).
    static var fields: [ViewField<Self>] { get }
    /// What each field holds, by name, in a few words (docs/FORMAT.md's tables; a test requires
    /// one for every field).
    static var about: [String: String] { get }
}

extension ViewModel {
    /// What the template sees.
    public var viewObject: ViewObject {
        var object = ViewObject(capacity: Self.fields.count)
        for field in Self.fields {
            if let value = field.value(self) { object.append(field.name, value) }
        }
        return object
    }

    public static var about: [String: String] { [:] }

    /// Every name the view may have, with what each holds.
    public static var schema: ViewSchema {
        .object(ViewSchema.ObjectSchema(type: String(describing: Self.self), fields: Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.schema) }),
                                        order: fields.map(\.name), about: about))
    }
}

/// One named field of a `ViewModel`: what kind of value it holds and how to read it.
public struct ViewField<Model>: Sendable {
    public let name: String
    public let schema: ViewSchema
    let value: @Sendable (Model) -> ViewValue?

    public static func text(_ name: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
        Self(name: name, schema: .value(.text)) { read($0).map(ViewValue.text) }
    }

    public static func flag(_ name: String, _ read: @escaping @Sendable (Model) -> Bool?) -> Self {
        Self(name: name, schema: .value(.flag)) { read($0).map(ViewValue.flag) }
    }

    public static func number(_ name: String, _ read: @escaping @Sendable (Model) -> Int?) -> Self {
        Self(name: name, schema: .value(.number)) { read($0).map(ViewValue.number) }
    }

    /// A list of strings (`{{#page.phrases}}{{.}}{{/page.phrases}}`).
    public static func texts(_ name: String, _ read: @escaping @Sendable (Model) -> [String]?) -> Self {
        Self(name: name, schema: .list(.value(.text))) { read($0).map { .list($0.map(ViewValue.text)) } }
    }

    public static func object<Field: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> Field?) -> Self {
        Self(name: name, schema: Field.schema) { read($0).map { .object($0.viewObject) } }
    }

    /// An object built once and shared by many views (`Built`), such as a source's site and brand.
    public static func object<Field: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> Built<Field>?) -> Self {
        Self(name: name, schema: Field.schema) { read($0).map { .shared($0.shared) } }
    }

    public static func list<Element: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> [Element]?) -> Self {
        Self(name: name, schema: .list(Element.schema)) { read($0).map { .list($0.map { .object($0.viewObject) }) } }
    }

    public static func list<Element: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> [Built<Element>]?) -> Self {
        Self(name: name, schema: .list(Element.schema)) { read($0).map { .list($0.map { .shared($0.shared) }) } }
    }
}

/// A view turned into what templates see once, to be shared by every file that shows it (a
/// source's site, brand and offers appear in each of its pages). Typed, so the schema still knows it.
public struct Built<Model: ViewModel>: Sendable {
    let shared: SharedViewObject
    public var object: ViewObject { shared.object }
    public init(_ model: Model) { shared = SharedViewObject(model.viewObject) }
}
