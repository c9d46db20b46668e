import CXXHash
import Foundation  // memcmp
import Synchronization

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

    /// Compared with `memcmp`: every file's shape is found in the cache by its few thousand bytes,
    /// which `Array`'s `==` compares one element at a time.
    static func == (a: ShapeKey, b: ShapeKey) -> Bool {
        a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { a in
            b.bytes.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}
