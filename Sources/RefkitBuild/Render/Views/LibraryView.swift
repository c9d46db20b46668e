import RefkitI18n
import RefkitModel
import RefkitTemplates

/// What the source passes on to its own customers: `S/library/ID.html`, and `S/library/ID.ics`
/// for a seminar.
extension SiteRenderer {
    /// The source's library pieces as its home lists them (urls relative to the source's folder).
    func libraryEntries(_ context: SourceContext) -> [LibraryPieceView] {
        let language = language(of: context.source)
        return kit.library(for: context.source).map { libraryPieceView($0, context: context, language: language) }
    }

    /// `S/library/ID.html`: standalone and co-branded, for the partner's customer: no kit
    /// navigation, no reward; the business's contact, the referral link and its QR code at the end.
    func libraryJobs(_ context: SourceContext) -> [Job] {
        let language = language(of: context.source)
        return kit.library(for: context.source).map { piece in
            var view = baseView(context, depth: 2, currentPage: nil)
            view.pages = nil
            let shown = libraryPieceView(piece, context: context, language: language)
            view.libraryPiece = shown
            view.content = libraryBodies[piece.file]!.fill(context.values)
            return job("library", path: OutputPlan.SourceFile.libraryPiece(id: piece.id).path(in: context.folder), view: view,
                       title: shown.title + " · " + kit.site.name, description: shown.summary, preview: context.preview)
        }
    }

    /// `S/library/ID.ics` for each seminar the source passes on.
    func libraryCalendars(_ context: SourceContext) -> [OutputFile] {
        kit.library(for: context.source).compactMap { piece in
            guard let seminar = piece.seminar else { return nil }
            let invitation = SeminarInvitation(
                uid: "\(piece.id)-\(context.source.slug)@\(ICalendar.hostName(of: kit.site.url))",
                title: Placeholder.fill(piece.title, with: context.values), summary: piece.summary.map { Placeholder.fill($0, with: context.values) },
                seminar: seminar, place: Placeholder.fill(seminar.place, with: context.values),
                link: context.values["referral.link"]!, business: kit.site, source: context.source, stamp: date)
            return OutputFile(path: OutputPlan.SourceFile.seminarCalendar(id: piece.id).path(in: context.folder), text: invitation.text)
        }
    }

    func libraryPieceView(_ piece: LibraryPiece, context: SourceContext, language: String) -> LibraryPieceView {
        let words = words(for: language)
        let seminar = piece.seminar
        return LibraryPieceView(
            id: piece.id, title: Placeholder.fill(piece.title, with: context.values),
            summary: piece.summary.map { Placeholder.fill($0, with: context.values) }, kind: piece.kind.rawValue,
            url: OutputPlan.SourceFile.libraryPiece(id: piece.id).path,
            sharedBy: words.text("library_shared_by", context.wordValues),
            website: context.source.website,
            whenText: seminar.map {
                LocaleFormats.of(language).dayAndTime(year: $0.day.year, month: $0.day.month, day: $0.day.day, hour: $0.hour, minute: $0.minute)
            },
            when: seminar.map { String(format: "%@T%02d:%02d", $0.day.description, $0.hour, $0.minute) },
            durationText: seminar.map { words.text("seminar_duration", ["minutes": LocaleFormats.of(language).integer($0.duration)]) },
            place: seminar.map { Placeholder.fill($0.place, with: context.values) },
            calendarURL: seminar.map { _ in "\(piece.id).ics" },
            langAttr: langAttribute(piece.language ?? kit.site.language, reader: language))
    }
}

/// `library_piece` (a library page) and each of `library` (the home's list).
struct LibraryPieceView: ViewModel {
    var id: String
    var title: String
    var summary: String?
    var kind: String
    /// From the source's folder.
    var url: String
    /// "Shared with you by Harbor Street Law".
    var sharedBy: String
    /// The source's own site (`website`).
    var website: String?
    var whenText: String?
    /// `YYYY-MM-DDTHH:MM`, for `<time datetime>`.
    var when: String?
    var durationText: String?
    var place: String?
    /// The seminar's `ID.ics`, from its page.
    var calendarURL: String?

    /// ` lang="…"` when its text is not in the reader's language.
    var langAttr = ""

    static let fields: [ViewField<Self>] = [
        .text("id") { $0.id }, .text("title") { $0.title }, .text("summary") { $0.summary }, .text("kind") { $0.kind },
        .flag("is_seminar") { $0.kind == LibraryKind.seminar.rawValue }, .text("url") { $0.url },
        .text("shared_by") { $0.sharedBy }, .text("website") { $0.website }, .text("when_text") { $0.whenText },
        .text("when") { $0.when }, .text("duration_text") { $0.durationText }, .text("place") { $0.place },
        .text("calendar_url") { $0.calendarURL }, .text("lang_attr") { $0.langAttr },
    ]

    static let about: [String: String] = [
        "id": "the piece's file name without `.md`",
        "title": "its title",
        "summary": "its summary",
        "kind": "`guide` or `seminar`",
        "is_seminar": "true for a seminar",
        "url": "its page, relative to this file",
        "shared_by": "\"shared with you by …\", in the reader's language",
        "website": "the source's website",
        "when_text": "a seminar's day and time, written the reader's way",
        "when": "a seminar's local time, `YYYY-MM-DDTHH:MM`",
        "duration_text": "a seminar's length, in words",
        "place": "where a seminar is held",
        "calendar_url": "a seminar's `.ics` invitation, relative to this file",
        "lang_attr": "` lang=\"…\"` (and `dir`) when its text is not in the reader's language, else empty",
    ]
}
