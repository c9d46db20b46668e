@testable import RefkitBuild
import RefkitModel
import XCTest

/// The link-preview card's composition (pure): text fitted without a browser, never wider than
/// the card, shortened at a space when it cannot fit; right-to-left cards mirrored; the business's
/// card carries no source's name. (That the drawn cards read back is `LinkPreviewTests`, by OCR.)
final class PreviewCardTests: XCTestCase {
    func testTextFitsTheWidthAtTheLargestSizeItCan() {
        let short = TextFit.fit("Referral kit", width: 1056, sizes: [64, 58, 52], lines: 2)
        XCTAssertEqual(short.size, 64)
        XCTAssertEqual(short.lines, ["Referral kit"])
        let long = TextFit.fit("Kowalczyk-Wiśniewska Spółka Doradztwa Podatkowego i Rachunkowości × Northwind Bookkeeping",
                               width: 1056, sizes: [48, 44, 40, 36, 32], lines: 2)
        XCTAssertEqual(long.lines.count, 2)
        XCTAssertLessThan(long.size, 48, "made smaller to fit in two lines")
        for line in long.lines { XCTAssertLessThanOrEqual(TextFit.width(of: line, size: long.size), 1056) }
        XCTAssertEqual(long.lines.joined(separator: " "), "Kowalczyk-Wiśniewska Spółka Doradztwa Podatkowego i Rachunkowości × Northwind Bookkeeping",
                       "wrapped at spaces, nothing left out")
    }

    func testTextTooLongEvenSmallIsShortenedAtASpaceNeverCut() {
        let name = Array(repeating: "Association", count: 12).joined(separator: " ")
        let fitted = TextFit.fit(name, width: 1056, sizes: [48, 32], lines: 2)
        XCTAssertEqual(fitted.size, 32)
        XCTAssertEqual(fitted.lines.count, 2)
        XCTAssertTrue(fitted.lines[1].hasSuffix(" …"), fitted.lines[1])
        XCTAssertFalse(fitted.lines[1].dropLast(2).hasSuffix("Associatio"), "a word is kept whole or left out")
        for line in fitted.lines { XCTAssertLessThanOrEqual(TextFit.width(of: line, size: 32), 1056) }
        // One word wider than a line: shortened letter by letter, the only way left.
        let word = TextFit.fit(String(repeating: "W", count: 80), width: 460, sizes: [52, 28], lines: 2)
        XCTAssertTrue(word.lines.last!.hasSuffix("…"))
        for line in word.lines { XCTAssertLessThanOrEqual(TextFit.width(of: line, size: 28), 460) }
    }

    func testAPartnersNameTooLongIsShortenedAndTheBusinessesKept() {
        let partner = "Kowalczyk-Wiśniewska Spółka Doradztwa Podatkowego i Rachunkowości Zarządczej dla Małych i Średnich Przedsiębiorstw w Województwie Mazowieckim"
        let fitted = TextFit.fit(partner, keeping: " × Northwind Bookkeeping", width: 1056, sizes: [48, 32], lines: 2)
        XCTAssertEqual(fitted.lines.count, 2)
        XCTAssertTrue(fitted.lines[1].hasSuffix(" … × Northwind Bookkeeping"), fitted.lines[1])
        for line in fitted.lines { XCTAssertLessThanOrEqual(TextFit.width(of: line, size: fitted.size), 1056) }
        // One word too long: shortened letter by letter, the business's name still whole.
        let word = TextFit.fit(String(repeating: "W", count: 80), keeping: " × Northwind", width: 600, sizes: [32], lines: 2)
        XCTAssertTrue(word.lines.joined(separator: " ").hasSuffix("… × Northwind"), "\(word.lines)")
        // A name that fits is left whole.
        XCTAssertEqual(TextFit.fit("Acme", keeping: " × Northwind", width: 1056, sizes: [48], lines: 2).lines, ["Acme × Northwind"])
    }

    func testAccentedLettersCountAsTheirBaseLetterAndUnknownOnesAsWide() {
        XCTAssertGreaterThanOrEqual(TextFit.advance("É"), TextFit.advance("E"))
        XCTAssertGreaterThanOrEqual(TextFit.advance("ł"), TextFit.advance("l"))
        XCTAssertEqual(TextFit.advance("中"), 1000)
        XCTAssertEqual(TextFit.advance("\u{2068}"), 1000, "isolation marks are not expected in a card's text")
    }

    private func card(rightToLeft: Bool, partner: Bool) -> String {
        let logo = Logo(path: "assets/wide.png", width: 500, height: 100, bitmap: ([0x89, 0x50], "image/png"))
        return PreviewCard(partner: partner ? PreviewCard.Side(name: "Acme", logo: logo) : nil,
                           business: PreviewCard.Side(name: "Northwind", logo: nil), names: partner ? "Acme × Northwind" : "Northwind",
                           headline: "Referral kit", language: rightToLeft ? "ar" : "en", rightToLeft: rightToLeft,
                           stripe: Color(hex: "#24415f")!, band: Color(hex: "#f2b544")!).svg()
    }

    func testRightToLeftCardsStandAtTheRightWithThePartnerOnTheRight() throws {
        let ltr = card(rightToLeft: false, partner: true), rtl = card(rightToLeft: true, partner: true)
        XCTAssertFalse(ltr.contains("direction=\"rtl\""))
        XCTAssertTrue(rtl.contains("direction=\"rtl\""))
        func imageX(_ svg: String) throws -> Double {
            let match = try XCTUnwrap(svg.firstMatch(of: /<image x="([0-9.]+)"/))
            return Double(match.1)!
        }
        XCTAssertLessThan(try imageX(ltr), 600, "left to right, the partner's logo comes first, at the left")
        XCTAssertGreaterThan(try imageX(rtl), 600, "right to left, at the right")
        XCTAssertTrue(ltr.contains("<text x=\"72\""), "left to right, text starts at the left margin")
        XCTAssertTrue(rtl.contains("<text x=\"1128\""), "right to left, at the right margin")
    }

    func testTextColoursReadOnTheirBackgrounds() {
        let svg = card(rightToLeft: false, partner: true)
        let yellow = Color(hex: "#f2b544")!
        // The headline on the yellow band: black (the readable text colour); the names in the
        // band's colour darkened to 4.5:1 on white.
        XCTAssertTrue(svg.contains("fill=\"\(yellow.readableText)\">"))
        XCTAssertTrue(svg.contains("fill=\"\(yellow.darkened())\">"))
        XCTAssertGreaterThanOrEqual(yellow.darkened().contrast(with: .white), 4.5)
        XCTAssertGreaterThanOrEqual(yellow.readableText.contrast(with: yellow), 4.5)
    }

    func testTheBusinessCardNamesNoSource() {
        let svg = card(rightToLeft: false, partner: false)
        XCTAssertFalse(svg.contains("Acme"))
        XCTAssertTrue(svg.contains(">Northwind<"))
        XCTAssertFalse(svg.contains("<image"), "a business without a logo shows its name as a wordmark")
    }

    /// A partner's card carries its logo and the business's: when it cannot be drawn, both are
    /// named, for either may be at fault (the CI once saw a slow business logo blamed on the partner's).
    func testACardThatCannotBeDrawnNamesEveryLogoItCarries() throws {
        let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.repositoryRoot).load()
        let validated = KitValidator.validate(loaded, on: Day(fixtureDate)!)
        let kit = try XCTUnwrap(validated.kit), templates = try XCTUnwrap(validated.templates)
        let renderer = SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!)
        let partner = try XCTUnwrap(kit.sources.first { $0.slug == "harbor-street-law" })
        let job = try XCTUnwrap(renderer.partnerCardJobs(for: [partner]).first)
        XCTAssertEqual(job.logos, ["assets/harbor-street-law.svg", "assets/northwind.svg"])
        XCTAssertEqual(BuildFailure.card(path: job.path, logos: job.logos, .tooSlow(.seconds(10))).description,
                       "output/harbor-street-law/card.png: the link-preview card could not be drawn with the logos "
                       + "content/assets/harbor-street-law.svg and content/assets/northwind.svg: it took longer than 10 s; "
                       + "simplify the logo at fault (fewer filters, gradients and elements), or use a PNG logo")
        XCTAssertEqual(renderer.businessCardJobs().map(\.logos), renderer.businessCardLanguages.map { _ in ["assets/northwind.svg"] })
    }
}
