import RefkitModel

/// The rules of `content/library/*.md` (with their `ID.LANG.md` translations) and
/// `content/network/*.md`.
extension KitValidator {
    static let libraryKeys = ["title", "summary", "audience", "kind", "when", "duration", "where"]
    static let networkKeys = ["title", "date", "author", "summary"]

    static func validateLibrary(_ documents: [MarkdownDocument], log: DiagnosticLog) -> [LibraryPiece] {
        var pieces: [LibraryPiece] = []
        for document in documents {
            let id = document.name
            if !Checks.isSlug(id) {
                log.append(.error("the library id '\(id)' (from the file name) must use lowercase letters, digits and -",
                                  at: SourceLocation(file: document.file)))
            }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: libraryKeys, log: log)
            let title = fields.string("title", required: true)
            let summary = fields.string("summary")
            let audience = fields.choice("audience", Audience.self) ?? .partners
            let kind = fields.choice("kind", LibraryKind.self) ?? .guide
            let seminar = kind == .seminar ? seminarFields(fields) : nil
            if kind == .guide {
                for key in ["when", "duration", "where"] where fields.value(key) != nil {
                    log.append(.warning("'\(key)' is for a seminar and is ignored: this piece is a guide (add kind: seminar)",
                                        at: fields.location(of: key)))
                }
            }
            checkPlaceholders(in: fields, keys: ["title", "summary", "where"])
            checkPlaceholders(in: document.body, file: document.file, log: log)
            guard let title, kind == .guide || seminar != nil else { continue }
            pieces.append(LibraryPiece(id: id, file: document.file, title: title, summary: summary, audience: audience,
                                       kind: kind, seminar: seminar, body: document.body))
        }
        return pieces.sorted { $0.id < $1.id }
    }

    /// A seminar's `when` (`YYYY-MM-DDTHH:MM`), `duration` (minutes) and `where`, all required.
    static func seminarFields(_ fields: FieldReader) -> Seminar? {
        let whenText = fields.string("when", required: true)
        let duration = fields.int("duration")
        let place = fields.string("where", required: true)
        var when: (day: Day, hour: Int, minute: Int)?
        if let whenText {
            when = Seminar.parseWhen(whenText)
            if when == nil {
                fields.log.append(.error("'when' must be a local date and time written YYYY-MM-DDTHH:MM, not '\(whenText)'",
                                         at: fields.location(of: "when")))
            }
        }
        if fields.value("duration") == nil {
            fields.missingRequired("duration", hint: " (minutes)")
        } else if let duration, !(1...1440).contains(duration) {
            fields.log.append(.error("'duration' must be minutes from 1 to 1440, not \(duration)", at: fields.location(of: "duration")))
        }
        guard let when, let duration, (1...1440).contains(duration), let place else { return nil }
        return Seminar(day: when.day, hour: when.hour, minute: when.minute, duration: duration, place: place)
    }

    /// How a library piece takes a translation: the same piece for the same people at the same
    /// time, so only its words are translated.
    static var libraryTranslation: TranslationRule<LibraryPiece> {
        TranslationRule(what: "library piece", short: "piece", folder: "content/library", keys: libraryKeys,
                        fixed: ["kind", "audience", "when", "duration"], name: { $0 }, identity: \.id) { fields, piece in
            piece.title = fields.string("title") ?? piece.title
            piece.summary = fields.string("summary") ?? piece.summary
            if let place = fields.string("where") { piece.seminar?.place = place }
            return ["title", "summary", "where"]
        }
    }

    /// The network blog's posts: each by the business or a partner (`author`, a partner's slug),
    /// published once its date has come. Newest first (then by slug).
    /// - Parameter broken: slugs of source files with errors of their own: a post naming one as
    ///   its author is not reported again (its file's errors say it all).
    static func validateNetwork(_ documents: [MarkdownDocument], sources: [Source], broken: Set<String> = [], on date: Day,
                                log: DiagnosticLog) -> [NetworkPost] {
        let partners = sources.filter { $0.segment == .partner }.map(\.slug)
        let customers = Set(sources.filter { $0.segment == .customer }.map(\.slug))
        var posts: [NetworkPost] = []
        for document in documents {
            let slug = document.name
            if !Checks.isSlug(slug) {
                log.append(.error("the post slug '\(slug)' (from the file name) must use lowercase letters, digits and -",
                                  at: SourceLocation(file: document.file)))
            } else if ["index", "feed", "page"].contains(slug) {
                log.append(.error("the post slug '\(slug)' is reserved for the blog's own \(slug == "page" ? "page/ folder" : slug + " file"); rename the post",
                                  at: SourceLocation(file: document.file)))
            }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: networkKeys, log: log)
            let title = fields.string("title", required: true)
            if fields.value("date") == nil { fields.missingRequired("date") }
            let postDate = day(fields, "date")
            let summary = fields.string("summary")
            var author = fields.string("author")
            if let name = author, broken.contains(name) {
                author = nil
            } else if let name = author, !partners.contains(name) {
                var message = customers.contains(name)
                    ? "'author' must be a partner's slug; '\(name)' is a customer"
                    : "unknown author '\(name)': there is no partner content/sources/\(name).yml"
                if let suggestion = closest(to: name, among: partners) { message += "; did you mean '\(suggestion)'?" }
                log.append(.error(message, at: fields.location(of: "author")))
                author = nil
            }
            if let postDate, date < postDate {
                log.append(.warning("post dated \(postDate) is not published yet (build date \(date))", at: fields.location(of: "date")))
                continue
            }
            // A post is one page every reader shares: nothing in it is filled per source.
            if let first = Placeholder.scan(document.body.text).first {
                log.append(.warning("'{{\(first.name)}}' is published as written: placeholders are filled in a source's own pages, and a network post is one page for every reader; write the name out",
                                    at: SourceLocation(file: document.file, line: document.body.firstLine + first.lineOffset, column: first.column + 1)))
            }
            guard let title, let postDate, author != nil || fields.value("author") == nil else { continue }
            posts.append(NetworkPost(slug: slug, file: document.file, title: title, date: postDate, author: author,
                                     summary: summary, body: document.body))
        }
        return posts.sorted { ($1.date, $0.slug) < ($0.date, $1.slug) }
    }
}
