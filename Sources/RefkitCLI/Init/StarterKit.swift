import RefkitBuild
import RefkitI18n
import RefkitTemplates

/// The kit `refkit init` writes: every page kind, one partner, one customer, one offer, with
/// guidance for the business owner in place of real content, in the kit's language
/// (`StarterKitWords`; the comments, for the owner, in English). It builds as it is.
enum StarterKit {
    static func files(language: String) -> [String: String] {
        let w = StarterKitWords.of(language)
        func q(_ text: String) -> String { "\"" + text + "\"" }  // the words hold no `"` or `\\`: a test checks
        return [
        ".gitignore": "output/\n.output.refkit-*\n.refkit-cache/\nprivate/\npublished/\n",
        "content/site.yml": """
            # Your business. Everything here appears on every referral source's kit.
            name: \(q(w.business))
            url: https://kits.example.com            # where you will publish output/
            referral_url: https://example.com/start  # where referred people land
            colors: { primary: "#24415F", accent: "#F2B544" }   # quote colours: an unquoted # starts a comment
            contact: { name: \(q(w.contactName)), email: \(StarterText.contactEmail), phone: "\(StarterText.contactPhone)" }
            language: \(language)   # BCP 47; a source may set its own. refkit's words for it: templates/i18n/
            rewards:
              partners: \(q(w.partnerReward))
              customers: \(q(w.customerReward))
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
              - { stage: lead, name: \(q(w.processSteps[0])), owner: \(q(w.contactName)), within_days: 2 }
              - { stage: appointment, name: \(q(w.processSteps[1])), owner: \(q(w.contactName)), within_days: 14 }
              - { stage: deal, name: \(q(w.processSteps[2])), owner: \(q(w.contactName)) }

            """,
        "content/kit/01-who-to-refer.md": """
            ---
            title: \(q(w.pages[0].title))
            kind: ideal-client
            summary: \(q(w.pages[0].summary))
            ---
            \(w.pages[0].body)

            """,
        "content/kit/02-what-to-listen-for.md": """
            ---
            title: \(q(w.pages[1].title))
            kind: trigger-phrases
            summary: \(q(w.pages[1].summary))
            phrases:
            \(w.phrases.map { "  - " + q($0) }.joined(separator: "\n"))
            ---
            \(w.pages[1].body)

            """,
        "content/kit/03-how-to-refer.md": """
            ---
            title: \(q(w.pages[2].title))
            kind: how-to-refer
            summary: \(q(w.pages[2].summary))
            steps:
            \(w.steps.map { "  - " + q($0) }.joined(separator: "\n"))
            ---
            \(w.pages[2].body)

            """,
        "content/kit/04-what-happens-next.md": """
            ---
            title: \(q(w.pages[3].title))
            kind: what-happens-next
            summary: \(q(w.pages[3].summary))
            ---
            \(w.pages[3].body)

            """,
        "content/kit/05-about-us.md": """
            ---
            title: \(q(w.pages[4].title))
            summary: \(q(w.pages[4].summary))
            ---
            \(w.pages[4].body)

            """,
        "content/offers/welcome.md": """
            ---
            title: \(q(w.offerTitle))
            kind: coupon
            value: \(q(w.offerValue))
            code: "{{source.code}}-WELCOME"
            audience: all
            terms: \(q(w.offerTerms))
            ---
            \(w.offerBody)

            """,
        "content/sources/example-partner.yml": """
            # One file per referral source; the file name is the source's address (its slug).
            name: \(q(w.partnerName))
            segment: partner
            code: PARTNER
            contact: { name: \(q(w.theirName)), email: them@partner.example }
            message: \(q(w.partnerMessage))
            brand:
              colors: { primary: "#5B2A86" }   # add logo: assets/their-logo.png (in content/assets/)

            """,
        "content/sources/example-customer.yml": """
            name: \(q(w.customerName))
            segment: customer
            contact: { name: \(q(w.theirName)), email: them@customer.example }

            """,
        "content/assets/.gitkeep": "",
        ]
    }

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
