import Foundation
@testable import RefkitBuild
import RefkitModel
import XCTest

/// `OutputPlan` is the one list of what a build writes: every file a build of a fixture kit (and
/// of the example) writes is one the plan names, a source's file (`OutputPlan.files(of:)`), a
/// shared group's (`OutputPlan.Shared`, how serve routes) or a copied asset, and every file the
/// plan names for a source is written. A view that writes a file the plan does not list, or a
/// plan entry no view writes, fails here.
final class OutputPlanTests: XCTestCase {
    private func assertBuildFollowsThePlan(_ kit: String, secret: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try temporaryDirectory(self) + "/output"
        let request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate, secret: secret)
        let built = testBuilder().build(request)
        XCTAssertNotNil(built.summary, "\(built.lines)", file: file, line: line)
        let checked = try testBuilder().check(request).get()
        let kitValue = try XCTUnwrap(checked.validated.kit), templates = try XCTUnwrap(checked.validated.templates)
        let renderer = SiteRenderer(kit: kitValue, templates: templates, date: checked.date, secret: secret)

        var planned: Set<String> = []
        for source in kitValue.sources {
            let folder = renderer.directoryName(for: source)
            for sourceFile in OutputPlan.files(of: source, in: kitValue, pdfs: false) {
                XCTAssertEqual(OutputPlan.SourceFile(path: sourceFile.path), sourceFile, "the plan reads its own path back", file: file, line: line)
                planned.insert(sourceFile.path(in: folder))
            }
        }
        let assets = Set(kitValue.assets.map(\.outputPath))
        let written = Set(try snapshot(output).keys).subtracting([OutputPlan.marker])
        let inSources = written.filter { OutputPlan.Shared(path: $0) == nil && !assets.contains($0) }
        XCTAssertEqual(inSources.subtracting(planned).sorted(), [], "written, not in the plan (nor shared, nor an asset)", file: file, line: line)
        XCTAssertEqual(planned.subtracting(written).sorted(), [], "in the plan, not written", file: file, line: line)
        // Every shared file is one its group renders (what serve answers for it, reading the kit's card store).
        let store = CardStore(kitDirectory: kit, fileSystem: DiskFileSystem(), keeps: false)
        for path in written.subtracting(inSources).subtracting(assets) {
            let group = try XCTUnwrap(OutputPlan.Shared(path: path), path, file: file, line: line)
            XCTAssertTrue(try group.files(renderer, store: store).contains { $0.path == path }, "\(path) is not rendered by \(group)", file: file, line: line)
        }
    }

    func testEveryFixtureKitIsBuiltAsPlanned() throws {
        for name in ["basic", "network", "awkward", "arabic", "german", "shapes"] {
            try assertBuildFollowsThePlan(try copyOfKit(name, self))
        }
    }

    func testTheExampleKitWithShortLinksAndUnlistedFoldersIsBuiltAsPlanned() throws {
        let example = try temporaryDirectory(self)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot + "/" + folder, toPath: example + "/" + folder)
        }
        try assertBuildFollowsThePlan(example)
        let site = example + "/content/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        try (text + "short_links: true\nunlisted: true\n").write(toFile: site, atomically: true, encoding: .utf8)
        try assertBuildFollowsThePlan(example, secret: "a secret long enough for the unlisted folders")
    }

    func testThePlanReservesItsOwnNames() {
        XCTAssertEqual(OutputPlan.reservedPageSlugs, ["index", "handout", "email", "qr", "offers", "share", "contact", "refer"])
        XCTAssertEqual(OutputPlan.SourceFile(path: "refer.html"), .intake)
        XCTAssertEqual(OutputPlan.reservedSourceSlugs, ["assets", "bundles", "network", "r"])
        XCTAssertEqual(OutputPlan.SourceFile(path: "offers/spring.pdf"), .offerPDF(id: "spring"))
        XCTAssertNil(OutputPlan.SourceFile(path: "offers/a/b.html"))
        XCTAssertEqual(OutputPlan.BlogFile.list(page: 2).link(from: .list(page: 3)), "2.html")
        XCTAssertEqual(OutputPlan.BlogFile.list(page: 1).link(from: .list(page: 2)), "../index.html")
        XCTAssertEqual(OutputPlan.BlogFile.list(page: 2).link(from: .list(page: 1)), "page/2.html")
    }
}
