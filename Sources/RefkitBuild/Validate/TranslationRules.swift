import RefkitI18n
import RefkitModel

/// The rules of translated content: `content/kit/PAGE.LANG.md` and `content/offers/ID.LANG.md`
/// (FORMAT.md, "Languages"). A translation is read like its original, every front-matter field it
/// omits comes from the original, and it is attached to the original for readers of its tag.
extension KitValidator {
    /// A translation file: the tag, the name of the file it translates, and the file.
    struct Translation {
        var tag: String
        var base: String
        var document: MarkdownDocument
    }

    /// Splits `NAME.LANG` files (the last dot-separated part a BCP 47 tag) from the originals.
    static func splitTranslations(_ documents: [MarkdownDocument]) -> (originals: [MarkdownDocument], translations: [Translation]) {
        var originals: [MarkdownDocument] = [], translations: [Translation] = []
        for document in documents {
            if let dot = document.name.lastIndex(of: "."), dot != document.name.startIndex,
               Language.isWellFormed(String(document.name[document.name.index(after: dot)...])) {
                translations.append(Translation(tag: String(document.name[document.name.index(after: dot)...]),
                                                base: String(document.name[..<dot]), document: document))
            } else {
                originals.append(document)
            }
        }
        return (originals, translations)
    }

    /// The pages with their translations attached.
    static func attachPageTranslations(_ translations: [Translation], to pages: [Page], log: DiagnosticLog) -> [Page] {
        var pages = pages
        for translation in translations {
            let document = translation.document, slug = pageSlug(translation.base)
            guard let index = pages.firstIndex(where: { $0.slug == slug }) else {
                log.append(.error("\(document.file) translates a page that does not exist: add content/kit/\(translation.base).md",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            guard pages[index].translations[translation.tag] == nil else {
                log.append(.error("page '\(slug)' already has a '\(translation.tag)' translation, \(pages[index].translations[translation.tag]!.file)",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: pageKeys, log: log)
            var page = pages[index]
            page.file = document.file
            page.body = document.body
            page.translations = [:]
            page.title = fields.string("title") ?? page.title
            page.summary = fields.string("summary") ?? page.summary
            page.phrases = fields.strings("phrases")?.map(\.0) ?? page.phrases
            page.steps = fields.strings("steps")?.map(\.0) ?? page.steps
            page.messages = fields.strings("messages")?.map(\.0) ?? page.messages
            page.kind = fields.choice("kind", PageKind.self) ?? page.kind
            page.order = fields.int("order") ?? page.order
            page.audience = fields.choice("audience", Audience.self) ?? page.audience
            checkPlaceholders(in: fields, keys: ["title", "summary", "phrases", "steps", "messages"])
            checkPlaceholders(in: document.body, file: document.file, log: log)
            pages[index].translations[translation.tag] = page
        }
        return pages
    }

    /// What an offer's translation may not change: it is the same offer, for the same people.
    static let offerFixedKeys = ["kind", "code", "expires", "starts", "audience"]

    /// The offers with their translations attached.
    static func attachOfferTranslations(_ translations: [Translation], to offers: [Offer], log: DiagnosticLog) -> [Offer] {
        var offers = offers
        for translation in translations {
            let document = translation.document
            guard let index = offers.firstIndex(where: { $0.id == translation.base }) else {
                log.append(.error("\(document.file) translates an offer that does not exist: add content/offers/\(translation.base).md",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            guard offers[index].translations[translation.tag] == nil else { continue }
            let fm = document.frontMatter
            let fields = FieldReader(fm, node: fm.root, knownKeys: offerKeys, log: log)
            for key in offerFixedKeys where fields.value(key) != nil {
                log.append(.error("a translation may not change the offer's '\(key)': it comes from \(offers[index].file); remove it here",
                                  at: fields.location(of: key)))
            }
            var offer = offers[index]
            offer.file = document.file
            offer.body = document.body
            offer.translations = [:]
            offer.title = fields.string("title") ?? offer.title
            offer.value = fields.string("value") ?? offer.value
            offer.terms = fields.string("terms") ?? offer.terms
            checkPlaceholders(in: fields, keys: ["title", "value", "terms"])
            checkPlaceholders(in: document.body, file: document.file, log: log)
            offers[index].translations[translation.tag] = offer
        }
        return offers
    }
}
