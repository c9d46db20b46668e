import CXXHash
import Mustache
import RefkitModel
import Synchronization

/// Renders a template once per *shape* of view and fills in the values per view.
///
/// A view's shape is everything about it that can steer a Mustache template: which keys each
/// object has, how long each list is, and every Bool. The strings and numbers are its *values*.
/// With refkit's views and templates, the output is a pure function of the shape and the values:
/// a string or number is always truthy, has no fields, and is written out escaped or as it is.
/// So a template is rendered once per shape with every value replaced by a numbered marker (the
/// skeleton), and each view with that shape fills the markers with its own values, escaping those
/// the template escaped. A thousand sources have a handful of shapes, so swift-mustache renders
/// each template a handful of times per build instead of a thousand.
///
/// A shape's first view is rendered directly (a shape no other view shares costs nothing extra),
/// and its bytes and values kept. At its second, the skeleton is made and kept only if, filled
/// with the first view's values, it gives the first view's bytes; the second view is then filled
/// (swift-mustache renders a shape twice, not three times); otherwise that shape is rendered
/// directly every time.
/// `Skeleton.supports(_:)` rules out the template features whose output depends on a value's
/// content (see there).
final class SkeletonCache: Sendable {
    /// At most this many shapes are kept; later shapes are rendered directly.
    static let capacity = 4096

    private enum Entry: Sendable {
        /// Seen once: rendered directly, into these bytes from these values. A shape no other view
        /// shares costs nothing extra.
        case seen(rendered: [UInt8], shape: Shape)
        case skeleton(Skeleton)
        /// The skeleton did not give the direct render's bytes: always render directly.
        case direct
    }

    private let entries = Mutex<[ShapeKey: Entry]>([:])
    private let counts = Mutex(SkeletonStatistics())

    /// Renders `template` with `view`; `direct` renders a view through swift-mustache. The first
    /// view of a shape is rendered directly; at the second a skeleton is made, kept if it gives
    /// the first's bytes, and filled; the rest are filled.
    /// `addShape` adds the view's shape (`Shape.add` of the object `object` makes), which is
    /// made only when the file is rendered directly.
    func render(_ template: String, addShape: (inout Shape) -> Void, object: () -> ViewObject,
                direct: ([String: Any]) -> String) -> [UInt8] {
        var shape = Shape()
        // (A kit page's shape is a few thousand bytes and a few hundred values: room made once.)
        shape.key.bytes.reserveCapacity(4096)
        shape.values.reserveCapacity(256)
        shape.key.bytes += template.utf8
        shape.key.bytes.append(0)
        addShape(&shape)
        switch entries.withLock({ $0[shape.key] }) {
        case .skeleton(let skeleton)?:
            counts.withLock { $0.filled += 1 }
            return skeleton.fill(shape)
        case .direct?:
            counts.withLock { $0.direct += 1 }
            return Array(direct(object().mustache).utf8)
        case nil:
            let rendered = Array(direct(object().mustache).utf8)
            entries.withLock {
                if $0.count < Self.capacity, $0[shape.key] == nil { $0[shape.key] = .seen(rendered: rendered, shape: shape) }
            }
            counts.withLock { $0.direct += 1 }
            return rendered
        case .seen(let first, let firstShape)?:
            let view = object()
            var next = 0
            var entry = Entry.direct
            let rendered: [UInt8]
            if let skeleton = Skeleton(parsing: Array(direct(Shape.markers(view, next: &next)).utf8), in: shape),
               skeleton.fill(firstShape) == first {
                entry = .skeleton(skeleton)
                rendered = skeleton.fill(shape)
            } else {
                rendered = Array(direct(view.mustache).utf8)
            }
            entries.withLock { $0[shape.key] = entry }
            counts.withLock {
                $0.shapes += 1
                if case .direct = entry { $0.direct += 1 } else { $0.filled += 1 }
            }
            return rendered
        }
    }

    var statistics: SkeletonStatistics { counts.withLock { $0 } }
}

/// How a build's files were rendered, for tests and benchmarks.
public struct SkeletonStatistics: Sendable, Equatable {
    /// Skeletons made: (template, shape) pairs seen more than once.
    public var shapes = 0
    /// Files filled from a skeleton, or checked against it when it was made.
    public var filled = 0
    /// Files rendered by swift-mustache alone.
    public var direct = 0
}

/// A view's shape (as bytes, a dictionary key) and its values, in one fixed order: fields in
/// the order they were set, list items in order. A shared object's values are kept as its one
/// array (`shared`, placed before the own value at `at`), not copied value by value: a page
/// shows a dozen shared objects and hundreds of their values.
@usableFromInline struct Shape: Sendable {
    var key = ShapeKey()
    /// The view's own values.
    var values: [String] = []
    var shared: [(at: Int, values: [String])] = []

    /// How many values, own and shared.
    var count: Int { shared.reduce(values.count) { $0 + $1.values.count } }

    /// Every value in order, own and shared.
    var allValues: [String] {
        var all: [String] = [], from = 0
        for part in shared {
            all += values[from..<part.at]
            all += part.values
            from = part.at
        }
        return all + values[from...]
    }

    @usableFromInline init() {}

    @usableFromInline mutating func add(_ value: ViewValue) {
        switch value {
        case .text(let text):
            add(text: text)
        case .number(let number):
            add(text: String(number))
        case .flag(let flag):
            key.bytes.append(flag ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .object(let object):
            add(object)
        case .shared(let shared):
            key.bytes.append(UInt8(ascii: "@"))
            withUnsafeBytes(of: shared.shapeID.littleEndian) { key.bytes += $0 }
            self.shared.append((values.count, shared.values))
        case .list(let list):
            self.list { shape in for element in list { shape.add(element) } }
        }
    }

    /// A string or a number: a value in its place.
    @usableFromInline mutating func add(text: String) {
        key.bytes.append(UInt8(ascii: "s"))
        values.append(text)
    }

    /// A list: its elements, as `elements` adds them, between brackets.
    @usableFromInline mutating func list(_ elements: (inout Shape) -> Void) {
        key.bytes.append(UInt8(ascii: "["))
        elements(&self)
        key.bytes.append(UInt8(ascii: "]"))
    }

    /// An object: its fields, as `fields` adds them, between braces.
    @usableFromInline mutating func object(_ fields: (inout Shape) -> Void) {
        key.bytes.append(UInt8(ascii: "{"))
        fields(&self)
        key.bytes.append(UInt8(ascii: "}"))
    }

    /// A field's name, before its value.
    mutating func field(_ name: String) {
        key.bytes += name.utf8
        key.bytes.append(0)  // names are refkit's own identifiers, never holding NUL
    }

    /// What `field(name)` adds, made once for a typed view's field.
    @usableFromInline static func fieldKey(_ name: String) -> [UInt8] { Array(name.utf8) + [0] }

    @usableFromInline mutating func field(key name: [UInt8]) {
        key.bytes += name
    }

    mutating func add(_ object: ViewObject) {
        self.object { shape in
            for field in object.fields {
                shape.field(field.name)
                shape.add(field.value)
            }
        }
    }

    /// `value` as swift-mustache takes it, with its strings and numbers replaced by markers
    /// numbered from `next` in the order `add` lists them.
    static func markers(_ value: ViewValue, next: inout Int) -> Any {
        switch value {
        case .text, .number:
            defer { next += 1 }
            return Skeleton.marker(next)
        case .flag(let flag):
            return flag
        case .object(let object):
            return markers(object, next: &next)
        case .shared(let shared):
            return markers(shared.object, next: &next)
        case .list(let list):
            return list.map { markers($0, next: &next) }
        }
    }

    static func markers(_ object: ViewObject, next: inout Int) -> [String: Any] {
        var result: [String: Any] = [:]
        for field in object.fields { result[field.name] = markers(field.value, next: &next) }
        return result
    }
}

/// Numbers for the shapes of shared objects: the same shape, the same number, in this process.
enum ShapeInterner {
    private static let ids = Mutex<[ShapeKey: Int]>([:])

    static func id(of key: ShapeKey) -> Int {
        ids.withLock { ids in
            if let id = ids[key] { return id }
            let id = ids.count
            ids[key] = id
            return id
        }
    }
}

/// A shape's bytes, hashed in one go: XXH3 of the bytes goes to the dictionary's hasher (SipHash
/// over a page's few thousand bytes of shape was 2% of a build).
struct ShapeKey: Hashable, Sendable {
    var bytes: [UInt8] = []

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.withUnsafeBytes { XXH3_64bits($0.baseAddress, $0.count) })
    }
}

/// A template's output for one shape: text, and numbered places for values, each with the escaping it was written with.
struct Skeleton: Sendable {
    private var bytes: [UInt8]
    /// In order: the text before each place ends at `textEnd`, the place is value `value` in
    /// `Shape`'s order, found at `offset` of the shared object `part` (-1: the view's own values).
    private var places: [(textEnd: Int, resume: Int, value: Int, escaping: Escaping, part: Int, offset: Int)]

    /// A marker: U+E000; `&` (which HTML escaping turns into `&amp;`, so an escaped place is told
    /// from a raw one); a tab (which Swift's description of a dictionary or list turns into `\t`,
    /// so a value written out inside one is not mistaken for a place); the number; U+E001.
    static func marker(_ number: Int) -> String { "\u{E000}&\t\(number)\u{E001}" }

    /// How a place was written: as it is, or HTML-escaped.
    enum Escaping: Sendable {
        case none, escaped
    }

    private static let forms: [(bytes: [UInt8], escaping: Escaping)] = [
        (Array("&\t".utf8), .none),
        (Array("&amp;\t".utf8), .escaped),
    ]

    static let start: [UInt8] = [0xEE, 0x80, 0x80]  // U+E000
    static let end: [UInt8] = [0xEE, 0x80, 0x81]  // U+E001

    /// Finds the markers in `rendered`; nil if any is malformed or numbers a value that does not
    /// exist (the output then depends on more than the shape).
    /// Finds the markers in `rendered` and where each value is in a shape like `shape` (every
    /// view of one shape has its values in the same places); nil if any marker is malformed or
    /// numbers a value that does not exist (the output then depends on more than the shape).
    init?(parsing rendered: [UInt8], in shape: Shape) {
        self.init(parsing: rendered, values: shape.count)
        // Value number → (part, offset), part -1 for the view's own values.
        var located: [(part: Int, offset: Int)] = [], own = 0
        for (number, part) in shape.shared.enumerated() {
            while own < part.at { located.append((-1, own)); own += 1 }
            for offset in part.values.indices { located.append((number, offset)) }
        }
        while own < shape.values.count { located.append((-1, own)); own += 1 }
        for index in places.indices { (places[index].part, places[index].offset) = located[places[index].value] }
    }

    private init?(parsing rendered: [UInt8], values: Int) {
        bytes = rendered
        places = []
        var index = 0
        let count = rendered.count
        while index < count {
            guard rendered[index] == 0xEE, index + 2 < count, rendered[index + 1] == 0x80,
                  rendered[index + 2] == 0x80 || rendered[index + 2] == 0x81 else {
                index += 1
                continue
            }
            guard rendered[index + 2] == 0x80 else { return nil }  // a stray U+E001
            let textEnd = index
            index += 3
            guard let form = Self.forms.first(where: { rendered[index...].starts(with: $0.bytes) }) else { return nil }
            index += form.bytes.count
            var number = 0, digits = 0
            while index < count, rendered[index] >= 0x30, rendered[index] <= 0x39, digits < 9 {
                number = number * 10 + Int(rendered[index] - 0x30)
                index += 1
                digits += 1
            }
            guard digits > 0, number < values, rendered[index...].starts(with: Self.end) else { return nil }
            index += 3
            places.append((textEnd, index, number, form.escaping, -1, number))
        }
    }

    /// The output for a view of this shape.
    func fill(_ shape: Shape) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var from = 0
        for place in places {
            output += bytes[from..<place.textEnd]
            let value = place.part < 0 ? shape.values[place.offset] : shape.shared[place.part].values[place.offset]
            switch place.escaping {
            case .none: output += value.utf8
            case .escaped: HTMLEscaping.append(value, to: &output)
            }
            from = place.resume
        }
        output += bytes[from...]
        return output
    }

    /// Whether templates may be rendered by shape: false when any uses a feature whose output
    /// depends on a value's content, or that hides tags from this check:
    /// - a transform (`{{uppercased(name)}}`): it changes the value;
    /// - a dynamic partial (`{{>*name}}`): the value names the partial;
    /// - an indented standalone partial, parent or block: swift-mustache indents after a value
    ///   that ends a line, and does not for an empty one;
    /// - a set-delimiter tag: the tags after it are not found by this check;
    /// - the marker characters U+E000 or U+E001 in a template's own text.
    static func supports(_ templates: [String]) -> Bool {
        templates.allSatisfy(supports)
    }

    static func supports(_ template: String) -> Bool {
        if template.unicodeScalars.contains(where: { $0 == "\u{E000}" || $0 == "\u{E001}" }) { return false }
        for tag in FieldCheck.tags(in: template) {
            switch tag.kind {
            case "=": return false
            case "!", "%": continue
            case ">" where tag.name.hasPrefix("*"): return false
            case ">", "<", "$": if tag.indented { return false }
            default: break
            }
            if tag.name.contains("(") { return false }
        }
        return true
    }
}
