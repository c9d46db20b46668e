import RefkitModel

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
