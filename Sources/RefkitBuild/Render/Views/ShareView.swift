import RefkitModel
import RefkitTemplates

/// Ready-made messages the source can send, `S/share.html`.
extension SiteRenderer {
    /// `S/share.html`: the messages of the source's `kind: share` page (its title, summary and
    /// body too), else refkit's own in the source's language, each with plain share links.
    func shareJobs(_ context: SourceContext) -> [Job] {
        let page = kit.sharePage(for: context.source)
        let words = words(for: language(of: context.source))
        let link = context.values["referral.link"]!
        var values = context.wordValues
        values["link"] = link
        let texts = page.map { $0.messages.map { Placeholder.fill($0, with: context.values) } }.flatMap { $0.isEmpty ? nil : $0 }
            ?? ["share_message_1", "share_message_2"].map { words.text($0, values) }
        let subject = words.text("email_subject", values)
        var view = baseView(context, depth: 1, currentPage: nil)
        let share = ShareView(
            title: page.map { Placeholder.fill($0.title, with: context.values) } ?? words.text("share_title", values),
            summary: page?.summary.map { Placeholder.fill($0, with: context.values) } ?? words.text("share_lead", values),
            messages: texts.map { ShareMessage(text: $0, link: link, subject: subject) })
        view.share = share
        if let page { view.content = pageBodies[page.file]!.fill(context.values) }
        return [job("share", path: OutputPlan.SourceFile.share.path(in: context.folder), view: view, title: share.title + " · " + kit.site.name,
                    description: share.summary, preview: context.preview)]
    }
}

/// `share`: the share page's title, summary and messages (its body is `content`).
struct ShareView: ViewModel {
    var title: String
    var summary: String
    var messages: [ShareMessage]

    static let fields: [ViewField<Self>] = [
        .text("title") { $0.title }, .text("summary") { $0.summary }, .list("messages") { $0.messages },
    ]

    static let about: [String: String] = [
        "title": "the share page's heading",
        "summary": "the sentence under it",
        "messages": "the ready-made messages",
    ]
}

/// One of `share.messages`: its text (with the referral link in it) and a plain link to send it
/// each way, every value percent-encoded: `mailto:` (subject and body), `sms:`, WhatsApp, LinkedIn
/// (which takes only the link) and X.
struct ShareMessage: ViewModel {
    var text: String
    var link: String
    var subject: String

    init(text: String, link: String, subject: String) {
        // A message always carries the link, whatever its author wrote.
        self.text = text.containsText(link) ? text : text + " " + link
        self.link = link
        self.subject = subject
    }

    /// Everything but RFC 3986's unreserved characters percent-encoded, as UTF-8.
    static func encode(_ value: String) -> String { percentEncodeQueryValue(value) }

    static let fields: [ViewField<Self>] = [
        .text("text") { $0.text },
        .text("email") { "mailto:?subject=\(encode($0.subject))&body=\(encode($0.text))" },
        .text("sms") { "sms:?&body=\(encode($0.text))" },
        .text("whatsapp") { "https://wa.me/?text=\(encode($0.text))" },
        .text("linkedin") { "https://www.linkedin.com/sharing/share-offsite/?url=\(encode($0.link))" },
        .text("x") { "https://x.com/intent/post?text=\(encode($0.text))" },
    ]

    static let about: [String: String] = [
        "text": "the message",
        "email": "a `mailto:` link carrying it",
        "sms": "an `sms:` link carrying it",
        "whatsapp": "a WhatsApp link carrying it",
        "linkedin": "a LinkedIn share link",
        "x": "an X (Twitter) share link",
    ]
}
