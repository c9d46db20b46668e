import Foundation
@testable import RefkitBuild
import RefkitModel
import XCTest

/// `refkit serve` renders each page when it is asked for (`PreviewSite`): every file it serves is
/// byte for byte the one `refkit build` writes, for whole kits, and after edits it drops exactly
/// what they changed.
final class PreviewSiteTests: XCTestCase {
    /// Builds `kit` into a fresh folder and asks the preview for every file the build wrote.
    private func assertServesTheBuild(_ kit: String, secret: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try temporaryDirectory(self) + "/output"
        var request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate, secret: secret)
        let built = testBuilder().build(request)
        XCTAssertNotNil(built.summary, "\(built.lines)", file: file, line: line)
        request.outputDirectory = nil
        let site = try PreviewSite.prepare(request, builder: testBuilder(), previous: nil).get()
        let files = try snapshot(output).filter { $0.key != ".refkit-output" }
        XCTAssertGreaterThan(files.count, 10, file: file, line: line)
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(site.file(at: path).map { Data($0) }, bytes, path, file: file, line: line)
        }
        for missing in ["nowhere.html", "assets/nowhere.css", files.keys.sorted().first { $0.hasSuffix("/index.html") }!.replacingOccurrences(of: "index.html", with: "nowhere.html")] {
            XCTAssertNil(site.file(at: missing), missing, file: file, line: line)
        }
    }

    func testEveryFileIsTheBuildsForTheExampleAndAwkwardKits() throws {
        let example = try temporaryDirectory(self)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot + "/" + folder, toPath: example + "/" + folder)
        }
        try assertServesTheBuild(example)
        try assertServesTheBuild(try copyOfKit("awkward", self))
        try assertServesTheBuild(try copyOfKit("network", self))
    }

    func testEveryFileIsTheBuildsForAGeneratedRosterWithShortLinksAndUnlistedFolders() throws {
        let kit = try copyOfKit("basic", self)
        for index in 0..<40 {
            try write("name: Source \(index)\nsegment: \(index % 2 == 0 ? "partner" : "customer")\ncode: S\(index)X\n",
                      to: kit + "/content/sources/s\(index).yml")
        }
        let site = kit + "/content/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try write(text + "short_links: true\n", to: site)
        try assertServesTheBuild(kit)
        try write(text + "unlisted: true\n", to: site)
        try assertServesTheBuild(kit, secret: "a test secret")
    }

    /// After an edit the preview is prepared again; a page it had rendered is served as the new
    /// build writes it: a source's own file changes that source (the others' renders are kept), a
    /// kit page every source.
    func testAfterAnEditThePagesAreTheNewBuilds() throws {
        let kit = try copyOfKit("basic", self)
        let request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        let first = try PreviewSite.prepare(request, builder: testBuilder(), previous: nil).get()
        let cara = try XCTUnwrap(first.file(at: "cara/index.html"))
        let bolt = try XCTUnwrap(first.file(at: "bolt-partners/index.html"))

        let source = kit + "/content/sources/cara.yml"
        try write(try String(contentsOfFile: source, encoding: .utf8).replacingOccurrences(of: "name: ", with: "name: Renamed ") + "\nlisted: true\n", to: source)
        XCTAssertEqual(first.renderedSources, 2)
        let second = try PreviewSite.prepare(request, builder: testBuilder(), previous: first, changed: [source]).get()
        XCTAssertEqual(second.renderedSources, 1, "bolt-partners' folder is kept")
        XCTAssertNotEqual(second.file(at: "cara/index.html"), cara)
        XCTAssertEqual(second.file(at: "bolt-partners/index.html"), bolt)
        XCTAssertTrue(String(decoding: second.file(at: "index.html") ?? [], as: UTF8.self).contains("Renamed"))

        let page = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: kit + "/content/kit").sorted().first)
        let pageFile = kit + "/content/kit/" + page
        try write(try String(contentsOfFile: pageFile, encoding: .utf8) + "\nA sentence added in the preview.\n", to: pageFile)
        let third = try PreviewSite.prepare(request, builder: testBuilder(), previous: second, changed: [pageFile]).get()
        XCTAssertEqual(third.renderedSources, 0, "a kit page is every source's")
        try assertServesWhatABuildWrites(third, request)
    }

    /// A save the last check already read (the events a burst of saves leaves behind it) needs
    /// no check: every file named is as the site read it. A file saved with new bytes, a new
    /// file, or one the check looked at without reading (an asset, served from disk) does.
    func testASiteKnowsWhetherItWasPreparedFromTheFilesNamed() throws {
        let kit = try copyOfKit("basic", self)
        let site = try PreviewSite.prepare(BuildRequest(kitDirectory: kit, date: fixtureDate), builder: testBuilder(), previous: nil).get()
        let cara = kit + "/content/sources/cara.yml", css = kit + "/templates/assets/extra.css"
        let temporary = kit + "/content/sources/.cara.yml.swp", new = kit + "/content/sources/new.yml"
        XCTAssertTrue(site.wasPrepared(from: [cara, temporary]), "read, and come and gone")
        XCTAssertFalse(site.wasPrepared(from: [css]), "looked at, never read")
        try write("name: New\nsegment: customer\n", to: new)
        XCTAssertFalse(site.wasPrepared(from: [cara, new]), "a new file")
        try write(try String(contentsOfFile: cara, encoding: .utf8) + "message: Hello\n", to: cara)
        XCTAssertFalse(site.wasPrepared(from: [cara]), "new bytes")
    }

    /// What `refkit serve` remembers between checks (`ContentMemo`) never changes what a check
    /// finds: after each edit, told only the files it touched, the remembering preview reports
    /// what a check without the memo does and serves what a fresh build writes. The edits touch
    /// what the remembered roster depends on: a source, a new source that clashes with another,
    /// the offers the sources name, a template.
    func testWhatServeRemembersChangesNothingACheckFinds() throws {
        let kit = try copyOfKit("basic", self)
        let request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        let remembering = testBuilder()
        ContentMemo.shared.reset()
        ContentMemo.shared.keepAcrossChecks()
        addTeardownBlock { ContentMemo.shared.reset() }
        let cara = kit + "/content/sources/cara.yml", twin = kit + "/content/sources/twin.yml"
        let coupon = kit + "/content/offers/coupon.md", voucher = kit + "/content/offers/voucher.md"
        let footer = kit + "/templates/partials/footer.mustache"
        let caraText = try String(contentsOfFile: cara, encoding: .utf8)

        var previous = try assertSameAsFresh(request, remembering, previous: nil, changed: nil, errors: 0)
        try write(caraText.replacingOccurrences(of: "[coupon]", with: "[coupon, nope]"), to: cara)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [cara], errors: 1)
        try write(caraText + "brand: {colors: {primary: \"#123456\"}}\n", to: cara)  // a warning: customers are not co-branded
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [cara], errors: 0)
        try write("name: Twin\nsegment: customer\ncode: CARA\n", to: twin)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [twin], errors: 2)  // at both files
        try write(caraText.replacingOccurrences(of: "name: Cara", with: "name: Carla"), to: cara)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [twin, cara], errors: 2)
        let remembered = ContentMemo.shared.rememberedFiles
        try FileManager.default.removeItem(atPath: twin)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [twin, cara], errors: 0)
        XCTAssertEqual(ContentMemo.shared.rememberedFiles, remembered - 1, "a deleted file is forgotten")
        try write(caraText + "code: CARA-2\n", to: cara)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [cara], errors: 0)
        try write(caraText + "name: [not, text]\n", to: cara)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [cara], errors: 1)
        try write(caraText, to: cara)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [cara], errors: 0)
        try FileManager.default.moveItem(atPath: coupon, toPath: voucher)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [coupon, voucher], errors: 1)
        try FileManager.default.moveItem(atPath: voucher, toPath: coupon)
        try write("<footer>A footer written in the preview</footer>\n", to: footer)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [coupon, voucher, footer], errors: 0)
        try write("<footer>{{#nowhere}}</footer>\n", to: footer)
        previous = try assertSameAsFresh(request, remembering, previous: previous, changed: [footer], errors: 1)
        try write(caraText.replacingOccurrences(of: "Cara", with: "Cora"), to: cara)
        try write("<footer>Fixed</footer>\n", to: footer)
        _ = try assertSameAsFresh(request, remembering, previous: previous, changed: nil, errors: 0)
    }

    /// Prepares the preview with the memo, told `changed` (every file changed since `previous`, the
    /// last good site, as the session tells it), and without it;
    /// asserts both report the same (`errors` of them errors) and serve what a build writes.
    @discardableResult
    private func assertSameAsFresh(_ request: BuildRequest, _ remembering: Builder, previous: PreviewSite?, changed: Set<String>?,
                                   errors: Int, line: UInt = #line) throws -> PreviewSite? {
        func lines(_ outcome: Result<PreviewSite, PreviewSite.Failure>) -> [String] {
            switch outcome {
            case .success(let site): site.diagnostics.map(\.description)
            case .failure(let failure): failure.diagnostics.map(\.description)
            }
        }
        let remembered = PreviewSite.prepare(request, builder: remembering, previous: previous, changed: changed)
        let fresh = ContentMemo.shared.bypassed { PreviewSite.prepare(request, builder: testBuilder(), previous: nil) }
        XCTAssertEqual(lines(remembered), lines(fresh), line: line)
        XCTAssertEqual(lines(fresh).filter { $0.contains("error:") }.count, errors, "\(lines(fresh))", line: line)
        guard case .success(let site) = remembered else {
            XCTAssertNotEqual(errors, 0, line: line)
            return previous
        }
        try assertServesWhatABuildWrites(site, request, line: line)
        return site
    }

    /// Contract v3: serve answers a PDF or zip the kit declares with a page saying `refkit build`
    /// makes it, only for the files a build would write, and 404 (nil) for every other.
    func testDeclaredPDFsAndZipsAnswerWithAPageSayingBuildMakesThem() throws {
        let kit = try copyOfKit("basic", self)
        let request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        let plain = try PreviewSite.prepare(request, builder: testBuilder(), previous: nil).get()
        XCTAssertNil(plain.madeByBuildOnly(at: "cara/handout.pdf"), "not declared: no such file")
        let site = kit + "/content/site.yml"
        try (try String(contentsOfFile: site, encoding: .utf8) + "outputs: { pdf: true, bundles: true }\n").write(toFile: site, atomically: true, encoding: .utf8)
        let declared = try PreviewSite.prepare(request, builder: testBuilder(), previous: nil).get()
        for path in ["cara/handout.pdf", "cara/offers/coupon.pdf", "bundles/cara.zip", "bundles/bolt-partners.zip"] {
            let page = try XCTUnwrap(declared.madeByBuildOnly(at: path), path)
            XCTAssertTrue(page.contains("Run <code>refkit build</code> and open <code>output/\(path)</code>"), page)
            XCTAssertNil(declared.file(at: path), "serve never makes \(path) itself")
        }
        for path in ["cara/offers/gift.pdf", "cara/nothing.pdf", "nobody/handout.pdf", "bundles/nobody.zip", "cara/index.pdf", "cara/handout.html"] {
            XCTAssertNil(declared.madeByBuildOnly(at: path), path)
        }
    }

    /// Serve keeps a source's renders after an edit by the build's rule (`RebuildPlan`): a changed
    /// post of one partner renders that partner again, not every partner (issue 30), and what is
    /// served is still what a build writes.
    func testAChangedPostRendersOnlyItsAuthorAgainAsTheBuildDoes() throws {
        let kit = try copyOfKit("network", self)
        let request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        let first = try PreviewSite.prepare(request, builder: testBuilder(), previous: nil).get()
        for slug in ["bolt-partners", "dora-designs", "cara"] { XCTAssertNotNil(first.file(at: "\(slug)/index.html")) }
        XCTAssertEqual(first.renderedSources, 3)
        let post = kit + "/content/network/post-03.md"
        try write(try String(contentsOfFile: post, encoding: .utf8).replacingOccurrences(of: "title: ", with: "title: Retitled "), to: post)
        let second = try PreviewSite.prepare(request, builder: testBuilder(), previous: first, changed: [post]).get()
        XCTAssertEqual(second.renderedSources, 2, "dora-designs and cara are kept; bolt-partners, the post's author, is rendered again")
        try assertServesWhatABuildWrites(second, request)
        XCTAssertTrue(String(decoding: second.file(at: "bolt-partners/index.html") ?? [], as: UTF8.self).contains("Retitled"))
    }

    /// Builds `request`'s kit into a new folder: `site` serves every file it wrote, byte for byte.
    private func assertServesWhatABuildWrites(_ site: PreviewSite, _ request: BuildRequest, line: UInt = #line) throws {
        let output = try temporaryDirectory(self) + "/output"
        var build = request
        build.outputDirectory = output
        XCTAssertNotNil(testBuilder().build(build).summary, line: line)
        for (path, bytes) in try snapshot(output) where path != OutputPlan.marker {
            XCTAssertEqual(site.file(at: path).map { Data($0) }, bytes, path, line: line)
        }
    }
}
