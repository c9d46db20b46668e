import Foundation
import RefkitBuild
import RefkitI18n
import RefkitLedger
import RefkitModel
import RefkitReport

/// One message of the outbox, written: to whom, in which language, its subject and its two
/// bodies (plain text, and HTML in the business's brand).
public struct OutboxMessage: Sendable {
    public var touch: Touch
    public var language: String
    public var name: String
    public var address: String
    public var subject: String
    public var text: String
    public var html: String
}

/// Writes a touch as a message, in the source's language: the contact greeted by name, what the
/// touch is about (this year's numbers, the leads and how far each came, the client's results),
/// something to pass on (the library piece for the source's audience, in rotation, else the
/// newest network post), the source's link and code, and how to hear no more. Pure.
struct MessageWriter: Sendable {
    let kit: Kit
    let secret: String?
    let translations: Translations
    let brand: MailBrand
    let today: Day

    /// The paragraphs of a message, each plain text, with the links it names.
    struct Body {
        var greeting: String
        var paragraphs: [String]
        var list: [String] = []
        var after: [String] = []
        var value: (text: String, url: String)?
        var link: (label: String, url: String)
        var kit: (label: String, url: String)
        var signoff: [String]
        var footer: String
    }

    func message(_ touch: Touch, to address: String) -> OutboxMessage {
        let source = touch.source
        let language = kit.language(of: source)
        let words = translations.words(for: language)
        let direction = Language.direction(of: language)
        let isolate = { (text: String) in Language.isolated(text, in: direction) }
        let names = ["site": isolate(kit.site.name), "source": isolate(source.name), "code": source.code,
                     "name": isolate(source.contact.name ?? source.name)]
        let formats = LocaleFormats.of(language)
        func day(_ day: Day) -> String { formats.day(year: day.year, month: day.month, day: day.day, style: .long) }

        var paragraphs: [String] = [], list: [String] = [], after: [String] = []
        let subject: String
        switch touch.kind {
        case .followUp:
            subject = words.text("outbox_follow_up_subject", names)
            paragraphs.append(words.text("outbox_follow_up_lead", names))
            let (referrals, clients) = (touch.year[.lead], touch.year[.deal])
            if referrals > 0 {
                let sent = words.plural("stats_referrals", count: referrals)
                paragraphs.append(clients > 0
                    ? words.text("stats_line", ["referrals": sent, "clients": words.plural("stats_clients", count: clients)])
                    : words.text("stats_line_no_clients", ["referrals": sent]))
            } else {
                paragraphs.append(words.text("outbox_no_referrals_yet", names))
            }
        case .thanks:
            subject = words.text("outbox_thanks_subject", names)
            paragraphs.append(words.text("outbox_thanks_lead", names))
            list = touch.leads.map { lead in
                words.text("outbox_status_" + (lead.stage == .appointment ? "appointment" : lead.stage == .deal ? "deal" : lead.stage == .lost ? "lost" : "lead"),
                           ["prospect": isolate(lead.prospect)])
            }
        case .review:
            let review = touch.review!
            let client = names.merging(["prospect": isolate(review.prospect), "date": day(review.deal)]) { $1 }
            subject = words.text("outbox_review_subject", client)
            paragraphs.append(words.text("outbox_review_lead", client))
            after.append(words.text("outbox_review_ask", names))
        }
        let root = kit.site.url.hasSuffix("/") ? kit.site.url : kit.site.url + "/"
        let kitURL = source.kitURL(in: kit.site, secret: secret)
        let body = Body(
            greeting: words.text("greeting_person", names) + ",", paragraphs: paragraphs, list: list, after: after,
            value: passOn(touch, language: language, root: root, words: words, names: names),
            link: (words.text("outbox_your_link", names), source.referralLink(in: kit.site)),
            kit: (words.text("outbox_your_kit", names), kitURL),
            signoff: [words.text("email_signoff", names), kit.site.contact.name, kit.site.name].compactMap { $0 },
            footer: words.text("outbox_footer", names))
        return OutboxMessage(touch: touch, language: language, name: source.contact.name ?? source.name, address: address,
                             subject: subject, text: MessageText.plain(body),
                             html: MessageText.html(body, subject: subject, language: language, brand: brand, site: kit.site))
    }

    /// What this message passes on: the source's library pieces in turn (never the same twice
    /// running), else the newest network post.
    private func passOn(_ touch: Touch, language: String, root: String, words: Words, names: [String: String]) -> (text: String, url: String)? {
        let pieces = kit.library(for: touch.source)
        if !pieces.isEmpty {
            let piece = pieces[touch.turn % pieces.count]
            let title = piece.translations[language]?.title ?? piece.title
            let url = root + touch.source.folder(in: kit.site, secret: secret) + "/library/\(piece.id).html"
            return (words.text("outbox_value_library", names.merging(["title": title]) { $1 }), url)
        }
        guard let post = kit.network.filter({ $0.date <= today }).max(by: { ($0.date, $0.slug) < ($1.date, $1.slug) }) else { return nil }
        return (words.text("outbox_value_post", names.merging(["title": post.title]) { $1 }), root + "network/\(post.slug).html")
    }
}
