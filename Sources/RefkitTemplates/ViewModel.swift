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

    /// Adds the view's shape and values to `shape` as `Shape.add(viewObject)` would, without
    /// building the object: most files are filled from a skeleton and need only these.
    /// (Inlinable, as the fields' constructors are: specialised for each view where it is
    /// declared, no field's read needs a generic type looked up at run time.)
    @inlinable func addShape(to shape: inout Shape) {
        shape.object { shape in for field in Self.fields { field.shape(self, &shape) } }
    }

    public static var about: [String: String] { [:] }

    /// Every name the view may have, with what each holds.
    public static var schema: ViewSchema {
        // (`_typeName` is what `String(describing:)` prints for a type, without first asking the
        // runtime whether a metatype conforms to three printing protocols: those failed lookups
        // scan every conformance record and cost each process about 7 ms for the views' 39 types.)
        .object(ViewSchema.ObjectSchema(type: _typeName(Self.self, qualified: false), fields: Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.schema) }),
                                        order: fields.map(\.name), about: about))
    }
}

/// One named field of a `ViewModel`: what kind of value it holds and how to read it.
///
/// Each field is read two ways from the one `read` it is given: as a value of the view object
/// (`value`), and straight into a `Shape` (`shape`, what `Shape.add` would add for that value,
/// the field's name first), so a file filled from a skeleton never builds its view object.
public struct ViewField<Model>: Sendable {
    public let name: String
    public let schema: ViewSchema
    @usableFromInline let value: @Sendable (Model) -> ViewValue?
    @usableFromInline let shape: @Sendable (Model, inout Shape) -> Void

    @usableFromInline init(name: String, schema: ViewSchema, value: @escaping @Sendable (Model) -> ViewValue?,
                 shape: @escaping @Sendable (Model, inout Shape) -> Void) {
        (self.name, self.schema, self.value, self.shape) = (name, schema, value, shape)
    }

    /// A field read as `T`, when it is there: its value made by `value`, its shape added by `add`.
    @inlinable static func field<T>(_ name: String, _ schema: ViewSchema, _ read: @escaping @Sendable (Model) -> T?,
                                 value: @escaping @Sendable (T) -> ViewValue, add: @escaping @Sendable (T, inout Shape) -> Void) -> Self {
        // The name as a shape writes it (its bytes and a NUL), made once, not per file.
        let key = Shape.fieldKey(name)
        return Self(name: name, schema: schema, value: { read($0).map(value) }, shape: { model, shape in
            guard let read = read(model) else { return }
            shape.field(key: key)
            add(read, &shape)
        })
    }

    @inlinable public static func text(_ name: String, _ read: @escaping @Sendable (Model) -> String?) -> Self {
        field(name, .value(.text), read, value: ViewValue.text) { $1.add(text: $0) }
    }

    @inlinable public static func flag(_ name: String, _ read: @escaping @Sendable (Model) -> Bool?) -> Self {
        field(name, .value(.flag), read, value: ViewValue.flag) { $1.add(.flag($0)) }
    }

    @inlinable public static func number(_ name: String, _ read: @escaping @Sendable (Model) -> Int?) -> Self {
        field(name, .value(.number), read, value: ViewValue.number) { $1.add(text: String($0)) }
    }

    /// A list of strings (`{{#page.phrases}}{{.}}{{/page.phrases}}`).
    @inlinable public static func texts(_ name: String, _ read: @escaping @Sendable (Model) -> [String]?) -> Self {
        field(name, .list(.value(.text)), read, value: { .list($0.map(ViewValue.text)) }) { texts, shape in
            shape.list { shape in for text in texts { shape.add(text: text) } }
        }
    }

    @inlinable public static func object<Field: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> Field?) -> Self {
        field(name, Field.schema, read, value: { .object($0.viewObject) }) { $0.addShape(to: &$1) }
    }

    /// An object built once and shared by many views (`Built`), such as a source's site and brand.
    @inlinable public static func object<Field: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> Built<Field>?) -> Self {
        field(name, Field.schema, read, value: { .shared($0.shared) }) { $1.add(.shared($0.shared)) }
    }

    @inlinable public static func list<Element: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> [Element]?) -> Self {
        field(name, .list(Element.schema), read, value: { .list($0.map { .object($0.viewObject) }) }) { elements, shape in
            shape.list { shape in for element in elements { element.addShape(to: &shape) } }
        }
    }

    @inlinable public static func list<Element: ViewModel>(_ name: String, _ read: @escaping @Sendable (Model) -> [Built<Element>]?) -> Self {
        field(name, .list(Element.schema), read, value: { .list($0.map { .shared($0.shared) }) }) { elements, shape in
            shape.list { shape in for element in elements { shape.add(.shared(element.shared)) } }
        }
    }
}

/// A view turned into what templates see once, to be shared by every file that shows it (a
/// source's site, brand and offers appear in each of its pages). Typed, so the schema still knows it.
/// Its shape is read at once; its object is built only if a file is rendered directly.
public struct Built<Model: ViewModel>: Sendable {
    @usableFromInline let shared: SharedViewObject
    public var object: ViewObject { shared.object }
    @inlinable public init(_ model: Model) {
        var shape = Shape()
        model.addShape(to: &shape)
        shared = SharedViewObject(shape: shape) { model.viewObject }
    }

    /// `model`, whose shape is `like`'s (the same fields there, lists as long, flags alike) and
    /// whose values are `values`, in the order its shape lists them: its shape is not read again.
    /// For views most of whose values many share (refkit's words, the same for every source of a
    /// language but a few). `Built(model)` would give the same.
    public init(_ model: Model, shapedLike like: Built<Model>, values: [String]) {
        precondition(values.count == like.shared.values.count, "a view shaped like another has as many values")
        shared = SharedViewObject(shapeID: like.shared.shapeID, values: values) { model.viewObject }
    }

    /// Its values, in the order its shape lists them.
    public var values: [String] { shared.values }

    /// Whether both have one shape and the same values (what a file filled from them shows).
    public func isFilledAlike(_ other: Built<Model>) -> Bool {
        shared.shapeID == other.shared.shapeID && shared.values == other.shared.values
    }
}
