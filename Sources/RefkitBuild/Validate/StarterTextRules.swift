import RefkitModel

/// The sample text `refkit init` and `refkit new` write in place of the business's own, in one
/// place: the starter kit and `new` write it from here, and `check` warns of every file that still
/// holds some, so a kit never publishes "What the referred person gets" to every source.
public enum StarterText {
    public static let businessName = "Your Business"
    public static let contactName = "Your Name"
    public static let contactEmail = "you@example.com"
    public static let contactPhone = "+00 123 456 789"  // no country's: an example anywhere
    public static let partnerReward = "What a partner gets for each client they send (a finder's fee, a shared event…)"
    public static let customerReward = "What a customer gets when their friend signs up (a free month…)"
    public static let starterOfferValue = "What the referred person gets, in a few words"
    public static let offerTerms = "Your conditions: new clients only, one per business…"
    public static let starterPhrase = "List the phrases your best clients said before they hired you."

    /// The Markdown texts of the pages and the offer `refkit init` writes: guidance, never content.
    public static let whoToReferBody = """
    Describe the clients you do your best work for: their size, their trade, the moment in
    their life or business when they need you. Be specific enough that {{source.name}} can
    think of a name while reading.

    | A great fit | Not a fit |
    |---|---|
    | Who you love working with | Who you would send elsewhere |
    """
    public static let listenForBody = """
    When {{source.name}} hears one of these, that is the moment to mention {{site.name}}.
    """
    public static let howToReferBody = """
    The easiest introduction is an e-mail with [your referral link]({{referral.link}}) in it.
    """
    public static let whatHappensNextBody = """
    1. Say how quickly you get in touch, and how.
    2. Say what the first conversation is like.
    3. Say how you thank {{source.name}} when it works out.
    """
    public static let aboutUsBody = """
    A plain page. Use `audience: partners` or `audience: customers` in the front matter to
    show a page to only one kind of source.
    """
    public static let welcomeOfferBody = """
    What the offer is and how to use it. Add `expires: 2027-12-31` to the front matter to end it.
    """

    /// What `refkit new` writes is in `StarterWords`, in each language.
    static let all = Set([businessName, contactName, contactEmail, contactPhone, partnerReward, customerReward, starterOfferValue,
                          offerTerms, starterPhrase] + StarterWords.values)
    /// Whole Markdown texts `refkit new` writes, compared with a file's text less its outer spaces.
    static let bodies = Set(StarterWords.bodies + [whoToReferBody, listenForBody, howToReferBody, whatHappensNextBody, aboutUsBody,
                                                  welcomeOfferBody].map { $0.trimmingSpaces() })
}

extension KitValidator {
    /// One warning per file whose fields (or whose Markdown text) still hold `StarterText`,
    /// naming them, at the first.
    static func checkStarterText(_ document: YAMLDocument, body: MarkdownBody? = nil, log: DiagnosticLog) {
        var found: [(path: String, location: SourceLocation)] = []
        func walk(_ node: YAMLNode, path: String) {
            switch node.value {
            case .scalar(let text, _):
                if StarterText.all.contains(text.trimmingSpaces()) { found.append((path, node.location)) }
            case .mapping(let entries):
                for entry in entries { walk(entry.value, path: path.isEmpty ? entry.key : path + "." + entry.key) }
            case .sequence(let items):
                for (index, item) in items.enumerated() { walk(item, path: "\(path)[\(index + 1)]") }
            }
        }
        if let root = document.root { walk(root, path: "") }
        let bodyIsSample = body.map { StarterText.bodies.contains($0.text.trimmingSpaces()) } ?? false
        let bodyLocation = body.map { SourceLocation(file: document.file, line: $0.firstLine, column: 1) }
        guard let first = found.first?.location ?? (bodyIsSample ? bodyLocation : nil) else { return }
        let fields = found.map { "'\($0.path)'" }
        var what = fields.count == 1 ? "\(fields[0])"
            : "\(fields.count) fields (\(fields.prefix(6).joined(separator: ", "))\(fields.count > 6 ? ", …" : ""))"
        if bodyIsSample { what = fields.isEmpty ? "the Markdown text" : what + " and the Markdown text" }
        what += fields.count == 1 && !bodyIsSample || fields.isEmpty ? " still holds" : " still hold"
        log.append(.warning("\(what) the sample text refkit init or new wrote: write your own, or it is published as it is", at: first))
    }
}
