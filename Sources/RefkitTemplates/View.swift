import Synchronization
/// What a template sees: objects, lists, strings, numbers and Bools (FORMAT.md's view, whose shape
/// `ViewSchema` describes). The renderer builds views as these typed values; swift-mustache gets
/// them as dictionaries and arrays (`mustache`), and `SkeletonCache` reads their shape without a
/// single dynamic cast.
public enum ViewValue: Sendable, Equatable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case object(ViewObject)
    case list([ViewValue])
    /// An object many views share (a source's site, brand, offers and words, in each of its
    /// files), whose shape and values were read once (`Built`).
    case shared(SharedViewObject)

    /// The value as swift-mustache takes it.
    var mustache: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .object(let object): object.mustache
        case .list(let list): list.map(\.mustache)
        case .shared(let shared): shared.object.mustache
        }
    }

    /// The object, shared or not.
    public var object: ViewObject? {
        switch self {
        case .object(let object): object
        case .shared(let shared): shared.object
        default: nil
        }
    }
}

/// An object read once for the many views that share it: its shape (as a number, the same for
/// every object of the same shape in this process) and its values in `Shape`'s order. Adding it to
/// a view's shape costs a few bytes, not a walk. The object itself is made when first asked for
/// (a file rendered directly), once.
public final class SharedViewObject: Sendable, Equatable {
    let shapeID: Int
    let values: [String]
    private let make: @Sendable () -> ViewObject
    private let made = Mutex<ViewObject?>(nil)

    public convenience init(_ object: ViewObject) {
        var shape = Shape()
        shape.add(object)
        self.init(shape: shape) { object }
    }

    /// `shape`: the object's own (`Shape.add` of what `make` makes).
    @usableFromInline init(shape: Shape, make: @escaping @Sendable () -> ViewObject) {
        values = shape.allValues
        shapeID = ShapeInterner.id(of: shape.key)
        self.make = make
    }

    /// An object of the shape numbered `shapeID`, its values `values` in `Shape`'s order.
    @usableFromInline init(shapeID: Int, values: [String], make: @escaping @Sendable () -> ViewObject) {
        (self.shapeID, self.values, self.make) = (shapeID, values, make)
    }

    public var object: ViewObject {
        made.withLock { made in
            if let made { return made }
            let object = make()
            made = object
            return object
        }
    }

    public static func == (a: SharedViewObject, b: SharedViewObject) -> Bool { a === b || a.object == b.object }
}

/// An object of a view: named fields in the order they were set. The order is part of a view's
/// shape (it decides the order `SkeletonCache` reads values in), never of what it renders.
public struct ViewObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var fields: [Field]

    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: ViewValue
    }

    public init() { fields = [] }

    /// An empty object with room for `capacity` fields.
    public init(capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    /// Adds a field the object does not have yet (`ViewModel` lists each name once).
    mutating func append(_ name: String, _ value: ViewValue) {
        fields.append(Field(name: name, value: value))
    }

    /// Names in a literal are distinct, as in a dictionary literal.
    public init(dictionaryLiteral elements: (String, any ViewConvertible)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1.viewValue) }
        assert(Set(fields.map(\.name)).count == fields.count, "a name appears twice in a view literal")
    }

    /// A field's value; setting nil removes the field, setting an existing name replaces it in place.
    public subscript(name: String) -> ViewValue? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append(Field(name: name, value: newValue))
            }
        }
    }

    /// The object as swift-mustache takes it.
    var mustache: [String: Any] {
        var dictionary: [String: Any] = [:]
        dictionary.reserveCapacity(fields.count)
        for field in fields { dictionary[field.name] = field.value.mustache }
        return dictionary
    }
}

/// A Swift value that can stand in a view: `String`, `Bool`, `Int`, `ViewObject`, `ViewValue` and
/// arrays of them, so views can be written as dictionary literals.
public protocol ViewConvertible {
    var viewValue: ViewValue { get }
}

extension String: ViewConvertible { public var viewValue: ViewValue { .text(self) } }
extension Bool: ViewConvertible { public var viewValue: ViewValue { .flag(self) } }
extension Int: ViewConvertible { public var viewValue: ViewValue { .number(self) } }
extension ViewValue: ViewConvertible { public var viewValue: ViewValue { self } }
extension ViewObject: ViewConvertible { public var viewValue: ViewValue { .object(self) } }
extension Array: ViewConvertible where Element: ViewConvertible {
    public var viewValue: ViewValue { .list(map(\.viewValue)) }
}
