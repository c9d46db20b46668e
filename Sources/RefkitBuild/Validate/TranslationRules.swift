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

    /// Attaches each translation to the item it translates (a page, an offer, a library piece):
    /// a copy of the original with the fields the translation gives, its file and its body.
    /// - Parameter originals: the original files, valid or not: a translation of one that has
    ///   errors of its own is not reported again (one mistake, one error).
    static func attachTranslations<Item: Translatable>(_ translations: [Translation], to items: [Item], originals: [MarkdownDocument],
                                                       _ rule: TranslationRule<Item>, log: DiagnosticLog) -> [Item] {
        var items = items
        for translation in translations {
            let document = translation.document, id = rule.name(translation.base)
            guard let index = items.firstIndex(where: { rule.identity($0) == id }) else {
                if originals.contains(where: { $0.name == translation.base }) { continue }  // its original's errors say it all
                log.append(.error("\(document.file) translates a \(rule.what) that does not exist: add \(rule.folder)/\(translation.base).md",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            if let other = items[index].translations[translation.tag] {
                log.append(.error("\(rule.what) '\(id)' already has a '\(translation.tag)' translation, \(other.file)",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            let fields = FieldReader(document.frontMatter, node: document.frontMatter.root, knownKeys: rule.keys, log: log)
            for key in rule.fixed where fields.value(key) != nil {
                log.append(.error("a translation may not change the \(rule.short)'s '\(key)': it comes from \(items[index].file); remove it here",
                                  at: fields.location(of: key)))
            }
            var item = items[index]
            item.file = document.file
            item.body = document.body
            item.translations = [:]
            item.language = translation.tag
            checkPlaceholders(in: fields, keys: rule.translate(fields, &item), also: item.ownPlaceholders)
            checkPlaceholders(in: document.body, file: document.file, also: item.ownPlaceholders, log: log)
            items[index].translations[translation.tag] = item
        }
        return items
    }

    /// How a page takes a translation: any of its fields may be translated.
    static var pageTranslation: TranslationRule<Page> {
        TranslationRule(what: "page", short: "page", folder: "content/kit", keys: pageKeys, fixed: [], name: pageSlug,
                        identity: \.slug) { fields, page in
            page.title = fields.string("title") ?? page.title
            page.summary = fields.string("summary") ?? page.summary
            page.phrases = fields.strings("phrases")?.map(\.0) ?? page.phrases
            page.steps = fields.strings("steps")?.map(\.0) ?? page.steps
            page.messages = fields.strings("messages")?.map(\.0) ?? page.messages
            page.kind = fields.choice("kind", PageKind.self) ?? page.kind
            page.order = fields.int("order") ?? page.order
            page.audience = fields.choice("audience", Audience.self) ?? page.audience
            return ["title", "summary", "phrases", "steps", "messages"]
        }
    }

    /// How an offer takes a translation: it is the same offer, for the same people, so only its
    /// words are translated.
    static var offerTranslation: TranslationRule<Offer> {
        TranslationRule(what: "offer", short: "offer", folder: "content/offers", keys: offerKeys,
                        fixed: ["kind", "code", "expires", "starts", "audience", "amount"], name: { $0 }, identity: \.id) { fields, offer in
            offer.title = fields.string("title") ?? offer.title
            offer.value = fields.string("value") ?? offer.value
            offer.terms = fields.string("terms") ?? offer.terms
            return ["title", "value", "terms"]
        }
    }
}

/// What a `NAME.LANG.md` file translates: a page, an offer, a library piece.
protocol Translatable {
    var file: String { get set }
    var body: MarkdownBody { get set }
    var translations: [String: Self] { get set }
    var language: String? { get set }
    /// Placeholders of its own, besides every file's (an offer's `offer.amount`).
    var ownPlaceholders: Set<String> { get }
}

extension Translatable {
    var ownPlaceholders: Set<String> { [] }
}

extension Offer {
    var ownPlaceholders: Set<String> { amountCents == nil ? [] : [Placeholder.offerAmount] }
}

extension Page: Translatable {}
extension Offer: Translatable {}
extension LibraryPiece: Translatable {}

/// How one kind of content takes its translations (`KitValidator.attachTranslations`).
struct TranslationRule<Item: Translatable> {
    /// What an item is called in messages (`library piece`), and for short (`piece`).
    var what: String, short: String
    /// Where the originals are.
    var folder: String
    /// The front-matter fields a translation may have, and those it may not change.
    var keys: [String], fixed: [String]
    /// A file's name (`01-who`) → the identity (`who`) of the item it is or translates.
    var name: (String) -> String
    var identity: (Item) -> String
    /// Gives the item the fields the translation has; returns the keys that may hold placeholders.
    var translate: (FieldReader, inout Item) -> [String]
}
