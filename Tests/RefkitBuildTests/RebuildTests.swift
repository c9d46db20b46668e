import Foundation
import RefkitBuild
import XCTest

/// When only sources' own files changed, a build renders only those sources and swaps their
/// folders in one by one. Whatever path a build takes, its output must be exactly what a whole
/// build from an empty folder makes of the same kit, manifest included.
final class RebuildTests: XCTestCase {
    /// Builds `kit` into a fresh folder and returns the snapshot.
    private func wholeBuild(of kit: String, bundle: Bool = false) throws -> [String: Data] {
        let output = try temporaryDirectory(self) + "/whole"
        var request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate)
        request.bundle = bundle
        let outcome = testBuilder().build(request)
        XCTAssertEqual(outcome.summary?.rendered, outcome.summary?.sources, "a build into an empty folder renders everything")
        return try snapshot(output)
    }

    /// Builds, applies `change`, rebuilds; checks the rebuild against a whole build and returns how
    /// many sources it rendered.
    @discardableResult
    private func rebuild(bundle: Bool = false, after change: (String) throws -> Void,
                         file: StaticString = #filePath, line: UInt = #line) throws -> Int? {
        let kit = try copyOfKit("basic", self)
        try write("name: Dara Partner\nsegment: partner\n", to: kit + "/content/sources/dara.yml")
        var request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        request.bundle = bundle
        XCTAssertNotNil(testBuilder().build(request).summary, file: file, line: line)
        try change(kit)
        let outcome = testBuilder().build(request)
        XCTAssertEqual(outcome.lines, [], file: file, line: line)
        XCTAssertEqual(treeDifferences(expected: try wholeBuild(of: kit, bundle: bundle), actual: try snapshot(kit + "/output")), [],
                       file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: OutputWriter.journalPath(of: kit + "/output")), file: file, line: line)
        return outcome.summary?.rendered
    }

    func testAChangedSourceIsTheOnlyOneRendered() throws {
        let rendered = try rebuild { kit in
            try write("name: Cara Renamed\nsegment: customer\noffers: [coupon]\n", to: kit + "/content/sources/cara.yml")
        }
        XCTAssertEqual(rendered, 1)
    }

    func testANewSourceIsTheOnlyOneRendered() throws {
        let rendered = try rebuild { kit in try write("name: Eve Customer\nsegment: customer\n", to: kit + "/content/sources/eve.yml") }
        XCTAssertEqual(rendered, 1)
    }

    func testADeletedSourceRendersNothingAndItsFolderAndBundleGo() throws {
        let rendered = try rebuild(bundle: true) { kit in try FileManager.default.removeItem(atPath: kit + "/content/sources/dara.yml") }
        XCTAssertEqual(rendered, 0)
    }

    func testARenamedSourceMovesFolders() throws {
        let rendered = try rebuild(bundle: true) { kit in
            try FileManager.default.moveItem(atPath: kit + "/content/sources/dara.yml", toPath: kit + "/content/sources/darla.yml")
        }
        XCTAssertEqual(rendered, 1)
    }

    func testAnythingSharedRendersEverySource() throws {
        for change in [
            { (kit: String) in try write("<footer>{{source.name}}</footer>\n", to: kit + "/templates/partials/footer.mustache") },
            { kit in try write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"10\"/>", to: kit + "/content/assets/bolt.svg") },
            { kit in
                let path = kit + "/content/offers/gift.md"
                try write(try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "$50", with: "$75"), to: path)
            },
        ] {
            XCTAssertEqual(try rebuild(after: change), 3)
        }
    }

    /// A build stopped between two swaps (here: the third fails) leaves a journal; every folder is
    /// whole, old or new, and the next build finishes the job, even when the kit was changed back
    /// in between (the swapped-in folders no longer match what the manifest recorded).
    func testAnInterruptedSwapIsRepairedByTheNextBuild() throws {
        let kit = try copyOfKit("basic", self)
        let cara = kit + "/content/sources/cara.yml"
        try write("name: Dara Partner\nsegment: partner\n", to: kit + "/content/sources/dara.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")
        let originalCara = try String(contentsOfFile: cara, encoding: .utf8)

        // Three sources to swap in, in slug order: bea (new), cara (changed), dara (changed, fails).
        try write("name: Bea Customer\nsegment: customer\n", to: kit + "/content/sources/bea.yml")
        try write("name: Cara Renamed\nsegment: customer\n", to: cara)
        try write("name: Dara Renamed\nsegment: partner\n", to: kit + "/content/sources/dara.yml")
        let failing = FailingSwapFileSystem(failingOn: kit + "/output/dara")
        let outcome = testBuilder(fileSystem: failing).build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        guard case .failure(.output) = outcome.result else { return XCTFail("\(outcome.result)") }

        let interrupted = try snapshot(kit + "/output")
        XCTAssertTrue(FileManager.default.fileExists(atPath: OutputWriter.journalPath(of: kit + "/output")),
                      "the journal, beside the output, says what was being swapped")
        XCTAssertEqual(interrupted.keys.filter { $0.hasPrefix(".") }, [OutputWriter.marker], "no record of the build's in output/")
        XCTAssertNotNil(interrupted["bea/index.html"], "bea was swapped in")
        XCTAssertNotEqual(interrupted["cara/index.html"], before["cara/index.html"], "cara was swapped in")
        XCTAssertEqual(interrupted["dara/index.html"], before["dara/index.html"], "dara was not: still whole, still old")

        // Changed back before the next build: bea gone, cara as it was; and that build is stopped
        // too, before anything is swapped: its journal must still know about bea.
        try FileManager.default.removeItem(atPath: kit + "/content/sources/bea.yml")
        try write(originalCara, to: cara)
        let stoppedAgain = testBuilder(fileSystem: FailingSwapFileSystem(failingOn: kit + "/output/cara"))
            .build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        guard case .failure(.output) = stoppedAgain.result else { return XCTFail("\(stoppedAgain.result)") }
        let repaired = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(repaired.summary?.rendered, 2, "cara and dara, which the journal names, are rendered again")
        XCTAssertEqual(treeDifferences(expected: try wholeBuild(of: kit), actual: try snapshot(kit + "/output")), [])
    }

    /// The manifest beside the output is trusted only when the output's marker names its bytes:
    /// one changed after the build (or another output's) makes the next build a whole one, and a
    /// build that changed nothing renders nothing.
    func testAManifestTheMarkerDoesNotNameIsNotTrusted() throws {
        let kit = try copyOfKit("basic", self)
        let request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        XCTAssertNotNil(testBuilder().build(request).summary)
        XCTAssertEqual(testBuilder().build(request).summary?.rendered, 0, "nothing changed")
        let path = OutputWriter.manifestPath(of: kit + "/output")
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let at = try XCTUnwrap(bytes.lastIndex(of: UInt8(ascii: "0")) ?? bytes.lastIndex(of: UInt8(ascii: "1")))
        bytes[at] = bytes[at] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")  // a file's hash, one digit off
        try bytes.write(to: URL(fileURLWithPath: path))
        let outcome = testBuilder().build(request)
        XCTAssertEqual(outcome.summary?.rendered, outcome.summary?.sources, "a whole build")
        XCTAssertEqual(treeDifferences(expected: try wholeBuild(of: kit), actual: try snapshot(kit + "/output")), [])
        XCTAssertEqual(testBuilder().build(request).summary?.rendered, 0, "its own manifest trusted again")
    }

    func testTheManifestReadsBackAsWritten() throws {
        let files = ["index.html": Manifest.hash([1]), "cara/index.html": Manifest.hash([2]), "cara/offers/a b.html": Manifest.hash([3]),
                     "bundles/cara.zip": Manifest.hash([4]), "assets/odd\nname\\.svg": Manifest.hash([5])]
        let manifest = Manifest(fingerprint: "f", shared: "s", sources: ["cara": .init(input: "i", folder: "cara", pages: 2, listing: "l")],
                                otherPages: 1, files: files)
        let read = try XCTUnwrap(Manifest(bytes: manifest.bytes))
        XCTAssertEqual(read.files, files)
        XCTAssertEqual(read.bytes, manifest.bytes)
        XCTAssertEqual(read.pages, 3)
        XCTAssertEqual(read.hash(of: "cara/offers/a b.html"), Manifest.hash([3]))
        XCTAssertNil(read.hash(of: "cara/offers/a.html"))
        XCTAssertNil(Manifest(bytes: Array(manifest.bytes.dropLast(3))), "a marker cut short is not trusted")
    }
}

/// A disk on which swapping anything into `path` fails, as a build killed at that moment would stop.
struct FailingSwapFileSystem: DiskWrapper {
    let failingOn: String

    func exchangeItems(_ a: String, _ b: String) throws(FileSystemError) {
        if b == failingOn { throw FileSystemError(path: b, reason: "stopped (injected)") }
        try disk.exchangeItems(a, b)
    }

    func moveItem(from source: String, to destination: String) throws(FileSystemError) {
        if source == failingOn || destination == failingOn { throw FileSystemError(path: destination, reason: "stopped (injected)") }
        try disk.moveItem(from: source, to: destination)
    }
}
