/// What partners pass on (FORMAT.md, "Partner library and network blog"): education pieces for
/// their own customers (`content/library/ID.md`) and the network blog (`content/network/SLUG.md`).

public enum LibraryKind: String, Sendable, Hashable, CaseIterable {
    case guide, seminar
}

/// A seminar's when, how long and where. `when` is local time, written as given.
public struct Seminar: Sendable, Hashable {
    public var day: Day
    public var hour: Int
    public var minute: Int
    /// Minutes.
    public var duration: Int
    public var place: String

    public init(day: Day, hour: Int, minute: Int, duration: Int, place: String) {
        self.day = day
        self.hour = hour
        self.minute = minute
        self.duration = duration
        self.place = place
    }

    /// `YYYY-MM-DDTHH:MM` → day, hour, minute; nil when it is not a real day and time.
    public static func parseWhen(_ text: String) -> (day: Day, hour: Int, minute: Int)? {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2, time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(time[0]), let minute = Int(time[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return (day, hour, minute)
    }
}

/// `content/library/ID.md`: a guide or seminar a source passes on to its own customers.
public struct LibraryPiece: Sendable, Hashable {
    public var id: String
    public var file: String
    public var title: String
    public var summary: String?
    public var audience: Audience
    public var kind: LibraryKind
    public var seminar: Seminar?
    public var body: MarkdownBody
    /// `ID.LANG.md` files, by tag: this piece for readers of that language, whole.
    public var translations: [String: LibraryPiece] = [:]
    /// The language a translation is written in (its file's `.LANG`); nil for the original, which
    /// is in the site's language.
    public var language: String?

    public init(id: String, file: String, title: String, summary: String? = nil, audience: Audience = .partners,
                kind: LibraryKind = .guide, seminar: Seminar? = nil, body: MarkdownBody) {
        self.id = id
        self.file = file
        self.title = title
        self.summary = summary
        self.audience = audience
        self.kind = kind
        self.seminar = seminar
        self.body = body
    }
}

/// `content/network/SLUG.md`: a post on the network blog, by the business or a partner.
public struct NetworkPost: Sendable, Hashable {
    public var slug: String
    public var file: String
    public var title: String
    public var date: Day
    /// A partner's slug; nil: the business.
    public var author: String?
    public var summary: String?
    public var body: MarkdownBody

    public init(slug: String, file: String, title: String, date: Day, author: String? = nil, summary: String? = nil,
                body: MarkdownBody) {
        self.slug = slug
        self.file = file
        self.title = title
        self.date = date
        self.author = author
        self.summary = summary
        self.body = body
    }
}

extension Kit {
    /// The library pieces a source passes on: those whose audience includes its segment, in its
    /// language where a translation exists.
    public func library(for source: Source) -> [LibraryPiece] {
        library.filter { $0.audience.includes(source.segment) }
            .map { translation(of: $0, \.translations, to: language(of: source)) }
    }

    /// The published posts `source` wrote, newest first.
    public func posts(by source: Source) -> [NetworkPost] {
        network.filter { $0.author == source.slug }
    }
}
