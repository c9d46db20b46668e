import Foundation
import RefkitBuild
import RefkitModel
import RefkitTestTools
import RefkitI18n
import XCTest

/// What a source hands on besides the printed sheet: its contact card, read back by a real vCard
/// parser, and its share page, whose every link decodes to the message and the link.
final class ShareAndContactTests: XCTestCase {
    private static let built = BuiltExample()

    private func example() throws -> (output: String, kit: Kit) {
        try Self.built.get()
    }

    /// Each source's `contact.vcf`, read by a real vCard parser (vobject, Fixtures/tools/read_vcards.py).
    private func readVCards(_ files: [String]) throws -> [[String: String]] {
        try requirePython(["vobject"])
        let read = try runProcess("/usr/bin/env", ["python3", Fixtures.root + "/tools/read_vcards.py"] + files)
        XCTAssertEqual(read.status, 0, read.error)
        return try read.output.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: String])
        }
    }

    func testEveryContactCardParsesWithTheBusinessContactAndTheSourcesLink() throws {
        let (output, kit) = try example()
        let cards = try readVCards(kit.sources.map { "\(output)/\($0.slug)/contact.vcf" })
        XCTAssertEqual(cards.count, kit.sources.count)
        for (source, card) in zip(kit.sources, cards) {
            XCTAssertEqual(card["version"], "4.0")
            XCTAssertEqual(card["fn"], kit.site.contact.name)
            XCTAssertEqual(card["org"], kit.site.name)
            XCTAssertEqual(card["email"], kit.site.contact.email)
            XCTAssertEqual(card["tel"], "tel:+15550100")
            XCTAssertEqual(card["url"], source.referralLink(in: kit.site), source.slug)
            XCTAssertTrue(card["note"]?.contains(source.name) == true && card["note"]?.contains(source.code) == true, "\(card)")
            // Issue 33: the card is in the source's language (LANG, and its note's LANGUAGE).
            XCTAssertEqual(card["lang"], kit.language(of: source), source.slug)
            XCTAssertEqual(card["note_language"], kit.language(of: source), source.slug)
        }
        XCTAssertEqual(cards.first { $0["url"]?.contains("ref=BRIGHTSIDE") == true }?["note"],
                       "Recomendado por Brightside Coworking (código BRIGHTSIDE-COWORKING)", "the source's language")
    }

    /// Issue 33: the example kit's own footer (a partial it overrides) speaks the reader's
    /// language: only the view's words, no English sentence on a German source's pages.
    func testTheExampleFooterIsInTheReadersLanguage() throws {
        let (output, _) = try example()
        let home = try String(contentsOfFile: output + "/kestrel-design/index.html", encoding: .utf8)
        let footer = try XCTUnwrap(home.range(of: "<footer class=\"footer\">").map { String(home[$0.lowerBound...]) })
        XCTAssertTrue(footer.contains("Empfehlungsmappe für Kestrel Design Studio"), footer)
        XCTAssertFalse(footer.contains("Referral kit") || footer.contains("thank you"), footer)
    }

    /// Issue 33: `content/site.de.yml` translates the site's reward for German readers; the
    /// English one keeps site.yml's.
    func testTheSitesRewardIsInTheReadersLanguage() throws {
        let (output, _) = try example()
        let german = try String(contentsOfFile: output + "/kestrel-design/index.html", encoding: .utf8)
        XCTAssertTrue(german.contains("Ein Monat Buchhaltung gratis für Sie"), german)
        let english = try String(contentsOfFile: output + "/adas-bakery/index.html", encoding: .utf8)
        XCTAssertTrue(english.contains("A free month of bookkeeping for you"), english)
    }

    /// Issue 33: an offer's `amount` is written by `{{offer.amount}}` in the reader's language,
    /// as the site's `currency` when it has one; a translation carries the same amount.
    func testAnOffersAmountIsWrittenTheReadersWayInTheSitesCurrency() throws {
        let kit = try copyOfKit("basic", self)
        try write("---\ntitle: A gift of {{offer.amount}}\nkind: gift-certificate\nvalue: \"{{offer.amount}} towards your first year\"\ncode: \"{{source.code}}-GIFT\"\namount: 250\n---\nWorth {{offer.amount}}.\n",
                  to: kit + "/content/offers/gift.md")
        try write("---\ntitle: Ein Geschenk über {{offer.amount}}\nvalue: \"{{offer.amount}} für Ihr erstes Jahr\"\n---\nIm Wert von {{offer.amount}}.\n",
                  to: kit + "/content/offers/gift.de.md")
        let partner = kit + "/content/sources/bolt-partners.yml"
        try write(try String(contentsOfFile: partner, encoding: .utf8) + "language: de\n", to: partner)
        let site = kit + "/content/site.yml"
        let plain = try String(contentsOfFile: site, encoding: .utf8)
        for (currency, german) in [(nil, "250"), ("EUR", "250,00\u{A0}€")] {
            try write(plain + (currency.map { "currency: \($0)\n" } ?? ""), to: site)
            let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
            XCTAssertNotNil(outcome.summary, "\(outcome.lines)")
            let page = try String(contentsOfFile: kit + "/output/bolt-partners/offers/gift.html", encoding: .utf8)
            XCTAssertTrue(page.contains("Ein Geschenk über \(german)"), page)
            XCTAssertTrue(page.contains("Im Wert von \(german)."), page)
        }
    }

    /// Issue 33 (WCAG 3.1.2, Language of Parts): text in another language than its page's carries
    /// its own `lang`; translated text does not; the handout quotes phrases with their own marks.
    func testTextInAnotherLanguageCarriesItsOwn() throws {
        let (output, _) = try example()
        func read(_ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }
        // Kestrel reads German; its pages are English.
        XCTAssertTrue(try read("kestrel-design/who-to-refer.html").contains("<article class=\"article\" lang=\"en\">"))
        XCTAssertTrue(try read("kestrel-design/index.html").contains("<a href=\"who-to-refer.html\" lang=\"en\">"))
        let handout = try read("kestrel-design/handout.html")
        XCTAssertTrue(handout.contains("<ul class=\"sheet__phrases\" lang=\"en\"><li><span class=\"clamp2\">\u{201C}"), handout)
        // Its reward is translated (content/site.de.yml): no lang of its own.
        XCTAssertTrue(try read("kestrel-design/index.html").contains("<span>Ein Monat Buchhaltung gratis"))
        // Brightside reads Spanish: its translated page has none, its English library piece has one.
        XCTAssertTrue(try read("brightside-coworking/who-to-refer.html").contains("<article class=\"article\">"))
        XCTAssertTrue(try read("brightside-coworking/library/year-end-checklist.html").contains("<h1 lang=\"en\">"))
        // An English reader's pages carry none.
        XCTAssertEqual(try read("harbor-street-law/index.html").components(separatedBy: " lang=").count - 1, 1, "only <html lang>")
    }

    /// Issue 33: a name or code written the other way than its reader's page is isolated where a
    /// sentence inserts it (U+2068 … U+2069: a Latin name's full stop stays after it on an Arabic
    /// page); the e-mail's offer sentence marks the value with its language and isolates value and
    /// code (`<bdi>`); a page of one direction throughout is untouched.
    func testANameWrittenTheOtherWayIsIsolatedInTheSentence() throws {
        let kit = try copyOfKit("basic", self)
        try write("name: Cara Customer\nsegment: customer\noffers: [coupon]\nlanguage: ar\n", to: kit + "/content/sources/cara.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        func read(_ path: String) throws -> String { try String(contentsOfFile: kit + "/output/" + path, encoding: .utf8) }
        let home = try read("cara/index.html")
        XCTAssertTrue(home.contains("\u{2068}Cara Customer\u{2069}"), home)
        let email = try read("cara/email.html")
        XCTAssertTrue(email.contains("<bdi lang=\"en\" dir=\"ltr\">10% off</bdi>"), email)
        XCTAssertTrue(email.contains("<bdi>CARA-CUSTOMER-10</bdi>") || email.contains("<bdi>CARA"), email)
        let text = try read("cara/email.txt")
        XCTAssertTrue(text.contains("\u{2068}10% off\u{2069}"), text)
        XCTAssertFalse(try read("bolt-partners/index.html").contains("\u{2068}"), "an English reader's page of Latin names")
        XCTAssertEqual(Language.isolated("Anna Kowalska", in: "rtl"), "\u{2068}Anna Kowalska\u{2069}")
        XCTAssertEqual(Language.isolated("جمعية", in: "ltr"), "\u{2068}جمعية\u{2069}")
        XCTAssertEqual(Language.isolated("جمعية 2", in: "rtl"), "جمعية 2")
        XCTAssertEqual(Language.isolated("ANNA-10", in: "ltr"), "ANNA-10")
    }

    func testAContactCardEscapesWhatVCardGivesMeaningTo() throws {
        let kit = try copyOfKit("basic", self)
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try write(site.replacingOccurrences(of: "name: Acme Accounts", with: "name: \"Acme, Ames; and \\\\ Co\"")
            .replacingOccurrences(of: "contact: { name: Ann Acme,", with: "contact: {"), to: kit + "/content/site.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let text = try String(contentsOfFile: kit + "/output/cara/contact.vcf", encoding: .utf8)
        XCTAssertTrue(text.contains("\r\nFN:Acme\\, Ames\\; and \\\\ Co\r\n"), text)
        XCTAssertTrue(text.contains("\r\nKIND:org\r\n"), "no person named: the card is the business's")
        let card = try XCTUnwrap(try readVCards([kit + "/output/cara/contact.vcf"]).first)
        XCTAssertEqual(card["fn"], "Acme, Ames; and \\ Co")
        XCTAssertTrue(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
    }

    /// Every share link of every source decodes to the message, the subject and the link.
    func testEveryShareLinkCarriesTheMessageAndTheLinkPercentEncoded() throws {
        let (output, kit) = try example()
        let anchors = try NSRegularExpression(pattern: #"<p class="share__text">([^<]*)</p>\s*<p class="share__links">(.*?)</p>"#,
                                              options: .dotMatchesLineSeparators)
        let hrefs = try NSRegularExpression(pattern: #"href="([^"]*)""#)
        func unescape(_ html: String) -> String {
            html.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        }
        var messages = 0
        for source in kit.sources {
            let html = try String(contentsOfFile: "\(output)/\(source.slug)/share.html", encoding: .utf8)
            let link = source.referralLink(in: kit.site)
            for match in anchors.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let text = unescape(String(html[Range(match.range(at: 1), in: html)!]))
                XCTAssertTrue(text.contains(link), text)
                let links = String(html[Range(match.range(at: 2), in: html)!])
                let urls = hrefs.matches(in: links, range: NSRange(links.startIndex..., in: links))
                    .map { unescape(String(links[Range($0.range(at: 1), in: links)!])) }
                XCTAssertEqual(urls.count, 5)
                func query(_ url: String, _ name: String) -> String? {
                    URLComponents(string: url)?.queryItems?.first { $0.name == name }?.value
                }
                XCTAssertTrue(urls[0].hasPrefix("mailto:?subject="))
                XCTAssertEqual(query(urls[0], "body"), text)
                XCTAssertEqual(query(urls[0], "subject")?.isEmpty, false)
                XCTAssertEqual(query(urls[1], "body"), text, "sms:")
                XCTAssertEqual(query(urls[2], "text"), text, "WhatsApp")
                XCTAssertEqual(query(urls[3], "url"), link, "LinkedIn")
                XCTAssertEqual(query(urls[4], "text"), text, "X")
                for url in urls { XCTAssertFalse(url.contains(" ") || url.dropFirst(8).contains("://"), url) }
                messages += 1
            }
            XCTAssertTrue(try String(contentsOfFile: "\(output)/\(source.slug)/index.html", encoding: .utf8).contains(#"href="share.html""#))
        }
        XCTAssertEqual(messages, 2 * kit.sources.count)
    }

    func testAShareKindPageGivesTheMessagesAndIsNoPageOfItsOwn() throws {
        let kit = try copyOfKit("basic", self)
        try write("""
            ---
            title: Pass it on
            kind: share
            audience: partners
            messages:
              - "We trust {{site.name}} with our books: {{referral.link}}"
              - "Code {{source.code}}, and that's all"
            ---
            Pick **one**.
            """, to: kit + "/content/kit/share.md")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.lines, [])
        let share = try String(contentsOfFile: kit + "/output/bolt-partners/share.html", encoding: .utf8)
        XCTAssertTrue(share.contains("<h1>Pass it on</h1>"))
        XCTAssertTrue(share.contains("<p>Pick <strong>one</strong>.</p>"))
        XCTAssertTrue(share.contains(#"<p class="share__text">We trust Acme Accounts with our books: https://acme.example/start?lang=en&amp;ref=BOLT"#))
        XCTAssertTrue(share.contains(#"<p class="share__text">Code BOLT, and that&#39;s all https://acme.example/start?"#),
                      "a message without the link gets it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output/bolt-partners/share-page.html"))
        XCTAssertFalse(try String(contentsOfFile: kit + "/output/bolt-partners/index.html", encoding: .utf8).contains("Pass it on"),
                       "not in the navigation")
        let customer = try String(contentsOfFile: kit + "/output/cara/share.html", encoding: .utf8)
        XCTAssertTrue(customer.contains("<h1>Share your link</h1>"), "customers are not its audience: refkit's own words")
    }

    /// A link to any file refkit writes for the source is a working link for `check` (contract v3):
    /// the share page and contact card always, the PDFs when the kit declares them (the fixture
    /// links-to-refkit-files has the same links in a kit that does not).
    func testLinksToTheSourcesOwnFilesWork() throws {
        let kit = try copyOfKit("basic", self)
        try write("---\ntitle: Partners only\naudience: partners\n---\n[Share it](share.html), [card](contact.vcf), "
                  + "[handout](handout.pdf), [coupon](offers/coupon.pdf).\n", to: kit + "/content/kit/partners-only.md")
        let site = kit + "/content/site.yml"
        try write(try String(contentsOfFile: site, encoding: .utf8) + "outputs: { pdf: true }\n", to: site)
        let checked = try testBuilder().check(BuildRequest(kitDirectory: kit, date: fixtureDate)).get()
        XCTAssertEqual(checked.validated.diagnostics.map(\.description), [])
    }
}
