import RefkitModel
import XCTest

final class ReferralLinkTests: XCTestCase {
    private func link(_ referralURL: String, campaign: String = "referral-kit") -> String {
        let site = Site(name: "N", url: "https://k.example", referralURL: referralURL, campaign: campaign)
        return Source(slug: "harbor-street-law", name: "H", segment: .partner, code: "HARBOR").referralLink(in: site)
    }

    func testAddsTrackingParameters() {
        XCTAssertEqual(link("https://northwind.example/start"),
                       "https://northwind.example/start?ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=referral-kit")
    }

    func testAnEmptyPathIsSlash() {
        XCTAssertEqual(link("https://mini.example"),
                       "https://mini.example/?ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=referral-kit")
        XCTAssertEqual(link("https://mini.example#top"),
                       "https://mini.example/?ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=referral-kit#top")
    }

    func testKeepsAnExistingQueryAndFragment() {
        XCTAssertEqual(link("https://n.example/start?lang=en&x=1#book"),
                       "https://n.example/start?lang=en&x=1&ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=referral-kit#book")
    }

    func testReplacesParametersItSetsAndEncodesTheCampaign() {
        XCTAssertEqual(link("https://n.example/?utm_medium=email&a=b", campaign: "spring & summer"),
                       "https://n.example/?a=b&ref=HARBOR&utm_source=harbor-street-law&utm_medium=referral&utm_campaign=spring%20%26%20summer")
    }
}

final class DayTests: XCTestCase {
    func testParsesOnlyRealDays() {
        XCTAssertEqual(Day("2028-02-29")?.description, "2028-02-29")
        XCTAssertNil(Day("2027-02-29"))
        XCTAssertNil(Day("2027-2-3"))
        XCTAssertNil(Day("27-02-03"))
        XCTAssertNil(Day("2027-02-03T00:00"))
    }

    func testDayFromEpochSeconds() {
        XCTAssertEqual(Day(secondsSince1970: 0).description, "1970-01-01")
        XCTAssertEqual(Day(secondsSince1970: 1_795_000_000).description, "2026-11-18")
        XCTAssertEqual(Day(secondsSince1970: -1).description, "1969-12-31")
        XCTAssertEqual(Day("0001-01-01")?.description, "0001-01-01")
        XCTAssertEqual(Day("9999-12-31")?.description, "9999-12-31")
        for days in stride(from: Int64(-719_000), through: 2_900_000, by: 997) {  // the years 1 to 9909
            let day = Day(secondsSince1970: days * 86_400)
            XCTAssertEqual(Day(day.description), day, day.description)
        }
    }
}

final class HTMLEscapingTests: XCTestCase {
    func testExactlyTheFiveCharactersAreEscaped() {
        XCTAssertEqual((0...255).filter { HTMLEscaping.isSpecial(UInt8($0)) }, [0x22, 0x26, 0x27, 0x3C, 0x3E])
        XCTAssertEqual(HTMLEscaping.escape("a<b>&\"c'\u{0301}é"), "a&lt;b&gt;&amp;&quot;c&#39;\u{0301}é")
    }
}

final class ColorTests: XCTestCase {
    func testParsesShortAndLongHex() {
        XCTAssertEqual(Color(hex: "#0B6E4F")?.description, "#0b6e4f")
        XCTAssertEqual(Color(hex: "#fc0")?.description, "#ffcc00")
        XCTAssertNil(Color(hex: "0B6E4F"))
        XCTAssertNil(Color(hex: "#0B6E4"))
        XCTAssertNil(Color(hex: "red;}body{"))
        for value in stride(from: 0, through: 0xFFFFFF, by: 0x010307) {
            let color = Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
            XCTAssertEqual(color.description, "#" + String(format: "%06x", value))
        }
    }

    func testReadableTextAlwaysReachesWCAGAA() {
        XCTAssertEqual(Color.white.contrast(with: .black), 21, accuracy: 0.01)
        var lowest = 21.0
        for value in stride(from: 0, through: 0xFFFFFF, by: 0x010203) {
            let color = Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
            lowest = min(lowest, color.contrast(with: color.readableText))
        }
        XCTAssertGreaterThanOrEqual(lowest, 4.5)
        XCTAssertEqual(Color(hex: "#FFE66D")!.readableText, .black)
        XCTAssertEqual(Color(hex: "#5B2A86")!.readableText, .white)
    }

    /// Whatever colour a partner picks, its ink reads at 4.5:1 on white and its line (borders,
    /// bars, a button's edge) at 3:1 on the lightest grounds refkit draws (#f4f4f1 and lighter).
    func testInkAndLineShadesReachTheirContrastForEveryColour() {
        let lightest = Color(hex: "#f4f4f1")!
        var ink = 21.0, line = 21.0
        for value in stride(from: 0, through: 0xFFFFFF, by: 0x010203) {
            let color = Color(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
            ink = min(ink, color.darkened().contrast(with: .white))
            let shade = color.darkened(toContrast: 3, against: lightest)
            line = min(line, shade.contrast(with: lightest), shade.contrast(with: .white))
        }
        XCTAssertGreaterThanOrEqual(ink, 4.5)
        XCTAssertGreaterThanOrEqual(line, 3)
        XCTAssertEqual(Color(hex: "#FFF59D")!.darkened(toContrast: 3, against: lightest).description, "#8c8756", "a light yellow's line")
    }
}

final class PlaceholderTests: XCTestCase {
    func testScanReportsNamesAndPositions() {
        let found = Placeholder.scan("a {{ source.name }}\nbb {{referral.link}} {{x")
        XCTAssertEqual(found.map(\.name), ["source.name", "referral.link"])
        XCTAssertEqual(found.map(\.lineOffset), [0, 1])
        XCTAssertEqual(found.map(\.column), [2, 3])
    }

    func testFillEscapesValuesAndKeepsUnknownNames() {
        let filled = Placeholder.fill("{{source.name}} / {{nope}}", with: ["source.name": "<A&B>"]) {
            $0.replacingOccurrences(of: "<", with: "&lt;")
        }
        XCTAssertEqual(filled, "&lt;A&B> / {{nope}}")
    }

    func testSuggestsTheClosestField() {
        XCTAssertEqual(Placeholder.suggestion(for: "source.nmae"), "source.name")
        XCTAssertNil(Placeholder.suggestion(for: "weather.today"))
    }
}

final class DayArithmeticTests: XCTestCase {
    func testDaysSince1970RoundTrips() {
        for seconds in stride(from: Int64(-86_400 * 800), through: Int64(86_400 * 40_000), by: 86_400 * 97) {
            let day = Day(secondsSince1970: seconds)
            XCTAssertEqual(Int64(day.daysSince1970) * 86_400, seconds - ((seconds % 86_400) + 86_400) % 86_400, "\(day)")
        }
        XCTAssertEqual(Day("2026-12-01")!.daysSince1970 - Day("2026-11-23")!.daysSince1970, 8)
    }
}

final class PaperTests: XCTestCase {
    /// FORMAT.md: Letter where the language tag's region is US, CA or MX, else A4.
    func testTheUsualPaperFollowsTheRegion() {
        for tag in ["en-US", "es-MX", "fr-CA", "en-us", "zh-Hant-US"] { XCTAssertEqual(Paper.usual(for: tag), .letter, tag) }
        for tag in ["en", "en-GB", "de", "es", "es-419", "fr-FR", "pt-BR", "zh-Hant-TW", "ar"] { XCTAssertEqual(Paper.usual(for: tag), .a4, tag) }
    }

    func testASourcesPaperThenTheSitesThenItsLanguages() {
        var site = Site(name: "S", url: "https://s.example", referralURL: "https://s.example/r", language: "en-US")
        var source = Source(slug: "a", name: "A", segment: .customer, code: "AAA")
        let paper = { Kit(site: site, pages: [], offers: [], sources: [source], assets: []).paper(of: source) }
        XCTAssertEqual(paper(), .letter)
        source.language = "de"
        XCTAssertEqual(paper(), .a4)
        site.paper = .letter
        XCTAssertEqual(paper(), .letter)
        source.paper = .a4
        XCTAssertEqual(paper(), .a4)
    }

    func testTheSiteAddressIsWrittenOneWay() {
        XCTAssertEqual(SiteAddress.normalise("HTTPS://Kits.Example:443/a/./b/../c/?q=1#f"),
                       .init(url: "https://kits.example/a/c", leftOut: "?q=1#f"))
        XCTAssertEqual(SiteAddress.normalise("http://example.com:80/"), .init(url: "http://example.com", leftOut: nil))
        XCTAssertEqual(SiteAddress.normalise("https://example.com:8443/kits"), .init(url: "https://example.com:8443/kits", leftOut: nil))
        XCTAssertEqual(SiteAddress.normalise("https://[::1]:443/x/..").url, "https://[::1]")
    }
}
