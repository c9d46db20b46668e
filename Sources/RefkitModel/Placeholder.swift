/// `{{source.name}}`-style placeholders in kit pages and offers, filled per source.
///
/// Only the business's own content (kit pages and offers: body and front matter) is filled; data
/// fields of sources and the site are never re-expanded, so a partner's name that happens to
/// contain `{{…}}` stays literal text.
public enum Placeholder {
    /// Every field a placeholder may name (`PlaceholderField`'s names).
    public static let fields: [String] = PlaceholderField.allCases.map(\.rawValue)
    /// An offer's own placeholder, in an offer that sets `amount`: its amount, written the reader's way.
    public static let offerAmount = "offer.amount"

    /// The values every placeholder is filled with, for one source.
    public static func values(for source: Source, in site: Site) -> [String: String] {
        Dictionary(uniqueKeysWithValues: PlaceholderField.allCases.map { ($0.rawValue, $0.value(for: source, in: site)) })
    }

    /// The placeholder list for docs/FORMAT.md: generated, never copied (a test compares the two).
    public static var documentation: String {
        fields.map { "- `{{\($0)}}`" + (urlFields.contains($0) ? " (a whole http(s) URL: may start a link)" : "") }
            .joined(separator: "\n") + "\n"
    }

    /// Fields whose values are whole URLs, validated as http(s). Any other value placed in a link
    /// destination is encoded as a URL component, so a source named `javascript:…` can never
    /// become a scheme.
    public static let urlFields: Set<String> = Set(PlaceholderField.allCases.filter(\.isURL).map(\.rawValue))

    /// A placeholder found in a text.
    public struct Occurrence: Hashable, Sendable {
        /// The field named, trimmed: `source.name`.
        public var name: String
        /// Where `{{` stands: line and column (Unicode scalars) counted from 0 within the text.
        public var lineOffset: Int
        public var column: Int
        /// The whole `{{ … }}` in the text.
        public var range: Range<String.Index>
    }

    /// Finds every `{{ name }}` in `text` (on one line; a `{{` with no `}}` is plain text).
    /// Linear, over the text's UTF-8 bytes: a `}}` is looked for once past any point of a line,
    /// and columns are counted on from the previous placeholder (a line of 50,000 `{{` took 30 s
    /// when every `{{` searched the rest of the text by Character).
    public static func scan(_ text: String) -> [Occurrence] {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return [] }
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        var found: [Occurrence] = []
        var line = 0
        var counted = (index: utf8.startIndex, column: 0)  // a place on the current line and its column
        var index = utf8.startIndex
        func next(_ i: String.Index) -> String.Index { utf8.index(after: i) }
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == newline {
                line += 1
                index = next(index)
                counted = (index, 0)
                continue
            }
            guard byte == open, next(index) < utf8.endIndex, utf8[next(index)] == open else {
                index = next(index)
                continue
            }
            // `{{` at index: its `}}` on this line, if any (if none, no later `{{` on it has one).
            var closeAt: String.Index?
            var search = next(next(index))
            while search < utf8.endIndex, utf8[search] != newline {
                if utf8[search] == close, next(search) < utf8.endIndex, utf8[next(search)] == close { closeAt = search; break }
                search = next(search)
            }
            guard let closeStart = closeAt else {
                index = search  // the end of the line
                continue
            }
            var innerStart = next(next(index))
            while innerStart < closeStart, utf8[innerStart] == open { innerStart = next(innerStart) }
            var end = next(next(closeStart))
            while end < utf8.endIndex, utf8[end] == close { end = next(end) }
            let name = text[innerStart..<closeStart].trimmingWhitespace()
            counted = (index, counted.column + text.unicodeScalars.distance(from: counted.index, to: index))
            found.append(.init(name: name, lineOffset: line, column: counted.column, range: index..<end))
            index = end
        }
        return found
    }

    /// Replaces every placeholder in `text` with `escape(value)`; unknown names are left as they are
    /// (validation has already reported them).
    public static func fill(_ text: String, with values: [String: String], escape: (String) -> String = { $0 }) -> String {
        guard text.containsByte(UInt8(ascii: "{")) else { return text }
        let occurrences = scan(text)
        guard !occurrences.isEmpty else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var cursor = text.startIndex
        for occurrence in occurrences {
            result += text[cursor..<occurrence.range.lowerBound]
            if let value = values[occurrence.name] {
                result += escape(value)
            } else {
                result += text[occurrence.range]
            }
            cursor = occurrence.range.upperBound
        }
        result += text[cursor...]
        return result
    }

    /// The closest known field to a misspelt one, if any is close enough to suggest.
    public static func suggestion(for name: String) -> String? {
        closestField(to: name, among: fields)
    }
}

/// A field a placeholder may name: the one list of them. Its name, whether its value is a whole
/// URL, and its value for a source are declared here and nowhere else; validation, the renderer,
/// link filling and docs/FORMAT.md derive from it.
public enum PlaceholderField: String, CaseIterable, Sendable {
    case referralLink = "referral.link"
    case siteCampaign = "site.campaign"
    case siteContactEmail = "site.contact.email"
    case siteContactName = "site.contact.name"
    case siteContactPhone = "site.contact.phone"
    case siteName = "site.name"
    case siteReferralURL = "site.referral_url"
    case siteURL = "site.url"
    case sourceCode = "source.code"
    case sourceContactEmail = "source.contact.email"
    case sourceContactName = "source.contact.name"
    case sourceContactPhone = "source.contact.phone"
    case sourceMessage = "source.message"
    case sourceName = "source.name"
    case sourceReward = "source.reward"
    case sourceSegment = "source.segment"
    case sourceSlug = "source.slug"

    /// A whole http(s) URL (checked): the only values that may start a link destination.
    public var isURL: Bool { [.referralLink, .siteURL, .siteReferralURL].contains(self) }

    /// Words a person wrote (names, a message, a reward), in whatever script: isolated where
    /// inserted into a sentence written the other way. Codes, addresses and URLs are not.
    public var isFreeText: Bool { [.siteName, .siteContactName, .sourceName, .sourceContactName, .sourceMessage, .sourceReward].contains(self) }

    /// What it is filled with for `source` (an absent optional field: empty).
    public func value(for source: Source, in site: Site) -> String {
        switch self {
        case .referralLink: source.referralLink(in: site)
        case .siteCampaign: site.campaign
        case .siteContactEmail: site.contact.email ?? ""
        case .siteContactName: site.contact.name ?? ""
        case .siteContactPhone: site.contact.phone ?? ""
        case .siteName: site.name
        case .siteReferralURL: site.referralURL
        case .siteURL: site.url
        case .sourceCode: source.code
        case .sourceContactEmail: source.contact.email ?? ""
        case .sourceContactName: source.contact.name ?? ""
        case .sourceContactPhone: source.contact.phone ?? ""
        case .sourceMessage: source.message ?? ""
        case .sourceName: source.name
        case .sourceReward: source.resolvedReward(in: site) ?? ""
        case .sourceSegment: source.segment.rawValue
        case .sourceSlug: source.slug
        }
    }
}

/// The dotted name (`site.contact.phone`) a misspelt or misplaced one most likely meant: one that
/// starts and ends like it with a level between (`site.phone` → `site.contact.phone`), else the
/// closest by edit distance (`source.contact.nmae` → `source.contact.name`).
public func closestField(to name: String, among candidates: [String]) -> String? {
    let parts = name.split(separator: ".")
    if parts.count >= 2, let first = parts.first, let last = parts.last {
        let moved = candidates.filter { candidate in
            let other = candidate.split(separator: ".")
            return other.count > parts.count && other.first == first && other.last == last
        }
        if let shortest = moved.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
    }
    return closest(to: name, among: candidates)
}

/// The candidate with the smallest edit distance to `word`, if that distance is small.
public func closest(to word: String, among candidates: [String]) -> String? {
    let best = candidates.map { ($0, editDistance(word, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
    guard let (candidate, distance) = best, distance <= max(2, word.count / 3) else { return nil }
    return candidate
}

/// Levenshtein distance over characters.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
