import RefkitBuild
import RefkitI18n
import RefkitTemplates

/// The kit `refkit init` writes: every page kind, one partner, one customer, one offer, with
/// guidance for the business owner in place of real content. It builds as it is.
enum StarterKit {
    static let files: [String: String] = [
        ".gitignore": "output/\n.output.refkit-*\nprivate/\npublished/\n",
        "content/site.yml": """
            # Your business. Everything here appears on every referral source's kit.
            name: \(StarterText.businessName)
            url: https://kits.example.com            # where you will publish output/
            referral_url: https://example.com/start  # where referred people land
            colors: { primary: "#24415F", accent: "#F2B544" }   # quote colours: an unquoted # starts a comment
            contact: { name: \(StarterText.contactName), email: \(StarterText.contactEmail), phone: "\(StarterText.contactPhone)" }
            language: en   # BCP 47; a source may set its own. refkit's words for it: templates/i18n/
            rewards:
              partners: "\(StarterText.partnerReward)"
              customers: "\(StarterText.customerReward)"
            # Where `refkit deploy` publishes: a folder (your web server's, or a synced one), or a git
            # branch, e.g. deploy: { git: git@github.com:you/kits.git, branch: gh-pages }
            deploy: { directory: published }
            # What every build (and so every deploy) publishes besides the pages: each source's handout
            # and offers printed as PDFs (with Chromium), and its whole kit as one zip. Uncomment to publish them.
            # outputs: { pdf: true, bundles: true }
            # How often `refkit report`'s calendar (private/follow-up.ics) has you follow up:
            # monthly, quarterly, yearly or every N weeks; a source may set its own follow_up.
            follow_up: { partners: monthly, customers: quarterly }
            # How many days after a deal to review the results with the new client, and ask them
            # for introductions in turn (the report lists them, the calendar has an event for each).
            ask_after_days: 90
            # Your time zone (an IANA name): seminar invitations (content/library) are at that hour there.
            # timezone: Europe/Warsaw
            # Who can find a kit. Partners are listed on the public directory page (output/index.html);
            # a customer is listed only with `listed: true` in its own file, and customers' pages are
            # never indexed by search engines. With `unlisted: true` there is no directory at all: each
            # kit's folder gets a secret name (set REFKIT_SECRET when you build) and every page is
            # `noindex`, so only the people you send a link to can find it. Use it when your sources
            # are private people, or when partners should not see each other.
            unlisted: false

            """,
        // The private ledger `refkit report` reads: add a row whenever something happens, naming
        // the referred prospect in the last column so one referral's rows go together.
        "content/ledger.csv": "date,source,stage,value,note,prospect\n",
        "content/process.yml": """
            # What happens to a referral once it arrives, who owns each step, and how many days it may
            # wait there before the next stage should be in the ledger. Private: `refkit report` maps
            # it and lists the referrals held up; nothing here is published.
            steps:
              - { stage: lead, name: "Thank the source, call the prospect", owner: Your Name, within_days: 2 }
              - { stage: appointment, name: "First meeting", owner: Your Name, within_days: 14 }
              - { stage: deal, name: "Welcome pack, and tell the source how it went", owner: Your Name }

            """,
        "content/kit/01-who-to-refer.md": """
            ---
            title: Who to refer
            kind: ideal-client
            summary: One sentence describing your best client, so anyone can picture them.
            ---
            \(StarterText.whoToReferBody)

            """,
        "content/kit/02-what-to-listen-for.md": """
            ---
            title: What to listen for
            kind: trigger-phrases
            summary: The things people say just before they need you.
            phrases:
              - "\(StarterText.starterPhrase)"
              - "Write them as they said them, in their words, not yours."
              - "Three to six is plenty: the handout shows the first six."
            ---
            \(StarterText.listenForBody)

            """,
        "content/kit/03-how-to-refer.md": """
            ---
            title: How to refer
            kind: how-to-refer
            summary: How to make the introduction, in a minute.
            steps:
              - "Say why you trust us, in one sentence."
              - "Send them your link, or ask them to quote your code {{source.code}}."
              - "Copy {{site.contact.name}} ({{site.contact.email}}) if you would like us to call them."
            ---
            \(StarterText.howToReferBody)

            """,
        "content/kit/04-what-happens-next.md": """
            ---
            title: What happens next
            kind: what-happens-next
            summary: What you do with a referral, and how the referrer hears about it.
            ---
            \(StarterText.whatHappensNextBody)

            """,
        "content/kit/05-about-us.md": """
            ---
            title: About us
            summary: A page every source gets; delete it, or write anything you like here.
            ---
            \(StarterText.aboutUsBody)

            """,
        "content/offers/welcome.md": """
            ---
            title: Welcome offer
            kind: coupon
            value: "\(StarterText.starterOfferValue)"
            code: "{{source.code}}-WELCOME"
            audience: all
            terms: "\(StarterText.offerTerms)"
            ---
            \(StarterText.welcomeOfferBody)

            """,
        "content/sources/example-partner.yml": """
            # One file per referral source; the file name is the source's address (its slug).
            name: Example Partner
            segment: partner
            code: PARTNER
            contact: { name: Their Name, email: them@partner.example }
            message: "A personal thank-you to this partner, shown on their kit's home page."
            brand:
              colors: { primary: "#5B2A86" }   # add logo: assets/their-logo.png (in content/assets/)

            """,
        "content/sources/example-customer.yml": """
            name: Example Customer
            segment: customer
            contact: { name: Their Name, email: them@customer.example }

            """,
        "content/assets/.gitkeep": "",
    ]

    /// The built-in templates, theme and the words of the kit's language (English's for a
    /// language refkit has no table for), as files a kit may change.
    static func templateFiles(language: String) -> [String: String] {
        let table = BuiltInWords.texts[language] ?? BuiltInWords.texts[Language.subtag(of: language)] ?? BuiltInWords.texts["en"]!
        // A table file ends with a line end, so a key appended with `>>` starts a line of its own.
        var files: [String: String] = ["templates/assets/refkit.css": DefaultTheme.css,
                                       "templates/i18n/\(language).yml": table.hasSuffix("\n") ? table : table + "\n"]
        for (name, text) in DefaultTemplates.all {
            let folder = DefaultTemplates.partials.contains(name) ? "templates/partials/" : "templates/"
            files[folder + name + ".mustache"] = text
        }
        return files
    }
}
