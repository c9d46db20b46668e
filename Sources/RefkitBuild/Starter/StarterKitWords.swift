import RefkitI18n

/// The sample kit `refkit init` writes, in each language refkit ships words for (`--language`):
/// its pages' titles, summaries and texts, the offer, the rewards, the example sources. Guidance
/// for the business owner, never content: `check` knows each text meant to be replaced as sample
/// text (`StarterText`), whichever language wrote it. Names go where no language declines them.
public struct StarterKitWords: Sendable {
    /// A sample page: its front matter's title and summary, and its Markdown text.
    public struct Page: Sendable {
        public var title: String, summary: String, body: String
    }

    public var business: String, contactName: String, partnerReward: String, customerReward: String
    /// Who to refer, what to listen for, how to refer, what happens next, about us.
    public var pages: [Page]
    /// The trigger phrases (instructions, so each is sample text) and the steps of an introduction.
    public var phrases: [String], steps: [String]
    public var offerTitle: String, offerValue: String, offerTerms: String, offerBody: String
    public var partnerName: String, customerName: String, theirName: String, partnerMessage: String
    /// `content/process.yml`'s steps: lead, appointment, deal.
    public var processSteps: [String]

    /// The words for `language` (a BCP 47 tag): its own, its primary subtag's, or English's.
    public static func of(_ language: String) -> StarterKitWords {
        byLanguage[language] ?? byLanguage[Language.subtag(of: language)] ?? byLanguage["en"]!
    }

    /// Every language's, one table: a test checks each has every part, and the placeholders English's has.
    static let byLanguage: [String: StarterKitWords] = ["en": english, "de": german, "fr": french, "es": spanish, "it": italian,
                                                       "nl": dutch, "pt": portuguese, "pl": polish, "sv": swedish, "ar": arabic]

    /// Field values meant to be replaced (front matter, site.yml, a source's file), in every language.
    static var values: [String] {
        byLanguage.values.flatMap { [$0.business, $0.contactName, $0.partnerReward, $0.customerReward, $0.offerValue,
                                     $0.offerTerms, $0.partnerMessage] + $0.phrases }
    }

    /// Whole Markdown texts, in every language.
    static var bodies: [String] { byLanguage.values.flatMap { $0.pages.map(\.body) + [$0.offerBody] } }
}
