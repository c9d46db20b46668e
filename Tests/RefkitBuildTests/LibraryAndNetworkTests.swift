import Foundation
import RefkitBuild
import RefkitModel
import RefkitPrint
import RefkitTestTools
import XCTest

/// What partners pass on, checked with the tools their readers use: feedparser reads the network
/// blog's Atom feed, icalendar each seminar's invitation, Chromium prints a library guide.
final class LibraryAndNetworkTests: XCTestCase {
    private func build(_ kit: String) throws -> String {
        let output = try temporaryDirectory(self) + "/output"
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate))
        XCTAssertNotNil(outcome.summary, "\(outcome.lines)")
        return output
    }

    private func read(_ feed: String, _ calendars: [String]) throws -> [String: Any] {
        try requirePython(["feedparser", "icalendar"])
        let run = try runProcess("/usr/bin/env", ["python3", Fixtures.root + "/tools/read_feed_and_calendar.py", feed] + calendars)
        XCTAssertEqual(run.status, 0, run.error)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    func testTheFeedAndTheSeminarsParse() throws {
        let output = try build(Fixtures.kit("network"))
        let calendars = ["bolt-partners", "cara", "dora-designs"].map { "\(output)/\($0)/library/seminar.ics" }
        let read = try read(output + "/network/feed.xml", calendars)
        let feed = try XCTUnwrap(read["feed"] as? [String: Any])
        XCTAssertEqual(feed["version"] as? String, "atom10")
        XCTAssertEqual(feed["bozo"] as? Bool, false, "\(feed["bozo_exception"] ?? "")")
        XCTAssertEqual(feed["id"] as? String, "https://kits.acme.example/refer/network/")
        let entries = try XCTUnwrap(feed["entries"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 11, "the post dated after the build is not in the feed")
        XCTAssertEqual(entries.first?["title"] as? String, "Post 11 & <friends>")
        XCTAssertEqual(entries.first?["link"] as? String, "https://kits.acme.example/refer/network/post-11.html")
        XCTAssertEqual(entries.first?["published"] as? String, "2026-10-11T00:00:00Z")
        XCTAssertEqual(entries.first(where: { $0["title"] as? String == "Post 09 & <friends>" })?["author"] as? String, "Bolt & <Partners>")
        XCTAssertEqual(entries.last?["author"] as? String, "Acme Accounts")
        for entry in entries {
            XCTAssertTrue((entry["link"] as? String ?? "").hasPrefix("https://kits.acme.example/refer/network/"), "\(entry)")
            XCTAssertEqual(entry["content_base"] as? String, entry["link"] as? String)
        }

        let events = try XCTUnwrap(read["calendars"] as? [String: [[String: Any]]])
        for (path, slug) in zip(calendars, ["bolt-partners", "cara", "dora-designs"]) {
            let event = try XCTUnwrap(events[path]?.first)
            XCTAssertEqual(events[path]?.count, 1)
            XCTAssertEqual(event["uid"] as? String, "seminar-\(slug)@kits.acme.example")
            XCTAssertEqual(event["start"] as? String, "2027-02-04T09:30:00")
            XCTAssertEqual(event["end"] as? String, "2027-02-04T11:00:00")
            XCTAssertEqual(event["location"] as? String, "Acme office, 1 Main Street; Room \"B\"")
            XCTAssertEqual(event["organizer_name"] as? String, "Acme Accounts")
            XCTAssertTrue((event["url"] as? String ?? "").contains("utm_source=\(slug)"))
        }
        XCTAssertEqual(events[calendars[0]]?.first?["attendees"] as? [String], ["Bolt & <Partners>"], "the partner co-hosts")
        XCTAssertEqual(events[calendars[1]]?.first?["attendees"] as? [String], [], "a customer does not")
    }

    /// Issue 31: with `timezone:` in site.yml a seminar's time is in that zone: icalendar reads the
    /// event at 09:30 in Warsaw (08:30 UTC in February), from the invitation's own VTIMEZONE as
    /// much as from the zone's name; in July it is two hours ahead.
    func testASeminarCarriesTheSitesTimeZone() throws {
        let kit = try temporaryDirectory(self) + "/kit"
        try FileManager.default.copyItem(atPath: Fixtures.kit("network"), toPath: kit)
        let site = kit + "/content/site.yml"
        try (try String(contentsOfFile: site, encoding: .utf8) + "timezone: Europe/Warsaw\n").write(toFile: site, atomically: true, encoding: .utf8)
        let seminar = kit + "/content/library/seminar.md"
        let summer = try String(contentsOfFile: seminar, encoding: .utf8).replacingOccurrences(of: "2027-02-04T09:30", with: "2027-07-04T09:30")
        try summer.write(toFile: kit + "/content/library/summer.md", atomically: true, encoding: .utf8)
        let output = try build(kit)
        let paths = ["seminar", "summer"].map { "\(output)/dora-designs/library/\($0).ics" }
        let events = try XCTUnwrap(try read(output + "/network/feed.xml", paths)["calendars"] as? [String: [[String: Any]]])
        for (path, (start, offset)) in zip(paths, [("2027-02-04T09:30:00+01:00", "1:00:00"), ("2027-07-04T09:30:00+02:00", "2:00:00")]) {
            let event = try XCTUnwrap(events[path]?.first, path)
            XCTAssertEqual(event["tzid"] as? String, "Europe/Warsaw")
            XCTAssertEqual(event["start"] as? String, start)
            XCTAssertEqual(event["vtimezone_offset"] as? String, offset, "the VTIMEZONE's own rules")
        }
    }

    /// The blog: eleven posts, ten a page, newest first; a partner's home lists its posts; every
    /// page of it links only within the blog and to assets.
    func testTheBlogPagesAndThePartnersHome() throws {
        let output = try build(Fixtures.kit("network"))
        let first = try String(contentsOfFile: output + "/network/index.html", encoding: .utf8)
        let second = try String(contentsOfFile: output + "/network/page/2.html", encoding: .utf8)
        XCTAssertEqual(first.components(separatedBy: "class=\"post-card\"").count - 1, 10)
        XCTAssertEqual(second.components(separatedBy: "class=\"post-card\"").count - 1, 1)
        XCTAssertTrue(first.contains("href=\"page/2.html\" rel=\"next\""))
        XCTAssertTrue(second.contains("href=\"../index.html\" rel=\"prev\""))
        XCTAssertLessThan(try XCTUnwrap(first.range(of: "post-11.html")).lowerBound, try XCTUnwrap(first.range(of: "post-10.html")).lowerBound)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/network/later.html"))
        let post = try String(contentsOfFile: output + "/network/post-09.html", encoding: .utf8)
        XCTAssertTrue(post.contains("By Bolt &amp; &lt;Partners&gt;"), post)
        XCTAssertTrue(post.contains("<a href=\"https://bolt.example\" dir=\"ltr\">https://bolt.example</a>"))
        XCTAssertTrue(post.contains("src=\"../assets/bolt.svg\""))
        let home = try String(contentsOfFile: output + "/bolt-partners/index.html", encoding: .utf8)
        for slug in ["post-09", "post-06", "post-03"] { XCTAssertTrue(home.contains("href=\"../network/\(slug).html\""), slug) }
        XCTAssertFalse(home.contains("post-08.html"))
        for page in [first, second, post] {
            XCTAssertFalse(page.contains("href=\"../bolt-partners/") || page.contains("cara/"), "a blog page links to a kit folder")
        }
        // A partner's post shows that partner's card when shared (the kit is listed: its folder is public).
        XCTAssertTrue(post.contains("<meta property=\"og:image\" content=\"https://kits.acme.example/refer/bolt-partners/card.png\">"), post)
    }

    /// A changed post renders the blog and its author (whose home lists it), not the other sources;
    /// a changed customer renders that customer and leaves the blog alone.
    func testAChangedPostRebuildsTheBlogAndThePartnersOnly() throws {
        let kit = try copyOfKit("network", self)
        let output = kit + "/output"
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary?.rendered, 3)
        func inode(_ path: String) throws -> UInt64 {
            try XCTUnwrap(FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? UInt64)
        }
        let customer = try inode("cara/index.html"), partner = try inode("bolt-partners/index.html")
        let otherPartner = try inode("dora-designs/index.html")
        let post = kit + "/content/network/post-09.md"
        try write(try String(contentsOfFile: post, encoding: .utf8).replacingOccurrences(of: "title: \"Post 09", with: "title: \"Post nine"), to: post)
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.summary?.rendered, 1, "the post's author")
        XCTAssertEqual(try inode("cara/index.html"), customer)
        XCTAssertEqual(try inode("dora-designs/index.html"), otherPartner)
        XCTAssertNotEqual(try inode("bolt-partners/index.html"), partner)
        XCTAssertTrue(try String(contentsOfFile: output + "/bolt-partners/index.html", encoding: .utf8).contains("Post nine"))
        XCTAssertTrue(try String(contentsOfFile: output + "/network/index.html", encoding: .utf8).contains("Post nine"))
        XCTAssertTrue(try String(contentsOfFile: output + "/network/feed.xml", encoding: .utf8).contains("Post nine"))

        let blog = try inode("network/index.html")
        let source = kit + "/content/sources/cara.yml"
        try write(try String(contentsOfFile: source, encoding: .utf8) + "message: Hi\n", to: source)
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary?.rendered, 1)
        XCTAssertEqual(try inode("network/index.html"), blog)
    }

    /// An unlisted kit's blog never names a kit folder, and has no link to a directory.
    func testAnUnlistedKitsBlogNeverLinksToAKit() throws {
        let kit = try copyOfKit("network", self)
        try write(try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8) + "unlisted: true\n", to: kit + "/content/site.yml")
        let output = try temporaryDirectory(self) + "/output"
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate, secret: "s3cret"))
        XCTAssertNotNil(outcome.summary, "\(outcome.lines)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasPrefix("bolt-partners-") || $0.hasPrefix("cara-") }
        XCTAssertEqual(folders.count, 2)
        for page in try FileManager.default.subpathsOfDirectory(atPath: output + "/network") where page.hasSuffix(".html") || page.hasSuffix(".xml") {
            let text = try String(contentsOfFile: output + "/network/" + page, encoding: .utf8)
            for folder in folders { XCTAssertFalse(text.contains(folder), "network/\(page) names \(folder)") }
            XCTAssertFalse(text.contains("href=\"../index.html\"") && page == "index.html")
            if page.hasSuffix(".html") { XCTAssertTrue(text.contains("<meta name=\"robots\" content=\"noindex\">"), page) }
        }
    }

    /// The example kit's guide, printed by Chromium on A4 and on Letter: two pages, both logos and
    /// the title on the first, page numbers on each, the contact and QR code on the last.
    func testTheExampleGuidePrintsWithLogosAndPageNumbers() throws {
        _ = try ExternalTool.pdftotext.require()
        let program: ChromiumProgram
        if let found = try? ChromiumProgram.locate(environment: ProcessInfo.processInfo.environment) { program = found } else {
            program = ChromiumProgram(path: try ExternalTool.chromium.require())
        }
        let output = try build(Fixtures.repositoryRoot)
        let printer = try PDFPrinter(program, siteURL: "https://kits.northwind.example", tabs: 2)
        defer { printer.stop() }
        let page = "harbor-street-law/library/year-end-checklist.html"
        let files: @Sendable (String) -> [UInt8]? = { path in FileManager.default.contents(atPath: output + "/" + path).map { [UInt8]($0) } }
        let results = printer.print([Paper.a4, .letter].map { PrintJob(path: page, paper: $0.inches, files: files) })
        for (paper, result) in zip(["A4", "Letter"], results) {
            let pdf = try temporaryDirectory(self) + "/guide.pdf"
            FileManager.default.createFile(atPath: pdf, contents: Data(try result.get().bytes))
            XCTAssertEqual(PDFBytes.pageCount(of: try result.get().bytes), 2, paper)
            let firstPage = try ExternalTool.pdftotext.run(["-f", "1", "-l", "1", pdf, "-"]).output
            let lastPage = try ExternalTool.pdftotext.run(["-f", "2", "-l", "2", pdf, "-"]).output
            XCTAssertTrue(firstPage.hasPrefix("Harbor Street Law\n"), "\(paper): \(firstPage.prefix(80))")
            XCTAssertTrue(firstPage.contains("Northwind"), paper)
            XCTAssertTrue(firstPage.contains("The year-end books checklist"), paper)
            XCTAssertTrue(firstPage.contains("1/2"), paper)
            XCTAssertTrue(lastPage.contains("2/2"), paper)
            XCTAssertTrue(lastPage.contains("Talk to Northwind Bookkeeping"), paper)
            XCTAssertTrue(lastPage.contains("ref=HARBOR"), paper)
        }
    }
}
