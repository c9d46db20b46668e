import Foundation
import RefkitBuild
import RefkitModel
import XCTest

/// A test double over the real disk: every operation is forwarded unless the double overrides it.
protocol DiskWrapper: FileSystem {}

extension DiskWrapper {
    var disk: DiskFileSystem { DiskFileSystem() }
    func kind(at path: String) -> FileKind? { disk.kind(at: path) }
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] { try disk.contentsOfDirectory(at: path) }
    func readFile(at path: String) throws(FileSystemError) -> [UInt8] { try disk.readFile(at: path) }
    func realPath(_ path: String) -> String? { disk.realPath(path) }
    func createDirectory(at path: String) throws(FileSystemError) { try disk.createDirectory(at: path) }
    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) { try disk.writeFile(bytes, to: path) }
    func copyFile(from source: String, to destination: String) throws(FileSystemError) { try disk.copyFile(from: source, to: destination) }
    func linkItem(from source: String, to destination: String) throws(FileSystemError) { try disk.linkItem(from: source, to: destination) }
    func moveItem(from source: String, to destination: String) throws(FileSystemError) { try disk.moveItem(from: source, to: destination) }
    func exchangeItems(_ a: String, _ b: String) throws(FileSystemError) { try disk.exchangeItems(a, b) }
    func removeItem(at path: String) throws(FileSystemError) { try disk.removeItem(at: path) }
    func lockExclusively(at path: String) throws(FileSystemError) -> FileLock? { try disk.lockExclusively(at: path) }
}

/// A disk that fails the Nth file write, to test what a build does when writing breaks midway.
final class FailingFileSystem: DiskWrapper, @unchecked Sendable {
    let failingWrite: Int
    private let lock = NSLock()
    private var writes = 0

    init(failingWrite: Int) { self.failingWrite = failingWrite }

    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        let count = lock.withLock { writes += 1; return writes }
        if count == failingWrite { throw FileSystemError(path: path, reason: "disk full (injected)") }
        try disk.writeFile(bytes, to: path)
    }
}

/// A disk that lists directories in reverse order, to prove output never depends on listing order.
struct ReversedListingFileSystem: DiskWrapper {
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] { try disk.contentsOfDirectory(at: path).reversed() }
}

final class OutputSafetyTests: XCTestCase {
    func testBrokenKitLeavesPreviousOutputUntouched() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")
        XCTAssertFalse(before.isEmpty)

        try write("name: Cara\nsegment: nobody\n", to: kit + "/content/sources/cara.yml")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.result, .failure(.invalidKit(errors: 1)))
        XCTAssertEqual(try snapshot(kit + "/output"), before)
        // (`.refkit-cache/`: the cards the first build drew, kept for the next.)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit).sorted(),
                       [".output.refkit-manifest", ".refkit-cache", "content", "output", "templates"], "a failed build leaves no staging folder behind")
    }

    func testWriteFailureMidwayLeavesPreviousOutputUntouched() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")

        try write("name: Cara Renamed\nsegment: customer\n", to: kit + "/content/sources/cara.yml")
        let outcome = testBuilder(fileSystem: FailingFileSystem(failingWrite: 5))
            .build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        guard case .failure(.output(.fileSystem(let error))) = outcome.result else {
            return XCTFail("expected a write failure, got \(outcome.result)")
        }
        XCTAssertEqual(error.reason, "disk full (injected)")
        XCTAssertEqual(try snapshot(kit + "/output"), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit).sorted(),
                       [".output.refkit-manifest", ".refkit-cache", "content", "output", "templates"])
    }

    func testSecondBuildReplacesOutputCompletely() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        try FileManager.default.removeItem(atPath: kit + "/content/sources/cara.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output/cara"), "a deleted source's folder disappears")
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/bolt-partners/index.html"))
    }

    func testRefusesToReplaceAFolderRefkitDidNotWrite() throws {
        let kit = try copyOfKit("basic", self)
        let precious = try temporaryDirectory(self) + "/home"
        try write("my thesis", to: precious + "/thesis.txt")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: precious, date: fixtureDate))
        XCTAssertEqual(outcome.result, .failure(.output(.notRefkitOutput(precious))))
        XCTAssertEqual(try snapshot(precious), ["thesis.txt": Data("my thesis".utf8)])
    }

    func testBuildsIntoAnEmptyFolderAndCleansLeftoversOfAnInterruptedBuild() throws {
        let kit = try copyOfKit("basic", self)
        let parent = try temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: parent + "/site", withIntermediateDirectories: true)
        try write("half-written", to: parent + "/.site.refkit-tmp/stale.html")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: parent + "/site", date: fixtureDate)).summary)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), [".site.refkit-manifest", "site"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: parent + "/site/" + OutputWriter.marker))
    }

    func testOutputIsByteIdenticalWhateverTheListingOrder() throws {
        let first = try temporaryDirectory(self) + "/a"
        let second = try temporaryDirectory(self) + "/b"
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: Fixtures.kit("basic"), outputDirectory: first, date: fixtureDate)).summary)
        XCTAssertNotNil(testBuilder(fileSystem: ReversedListingFileSystem())
            .build(BuildRequest(kitDirectory: Fixtures.kit("basic"), outputDirectory: second, date: fixtureDate)).summary)
        let a = try snapshot(first), b = try snapshot(second)
        XCTAssertGreaterThan(a.count, 10)
        XCTAssertEqual(treeDifferences(expected: a, actual: b), [])
    }

    func testSymlinkLeavingTheKitIsAnError() throws {
        let kit = try copyOfKit("basic", self)
        let outside = try temporaryDirectory(self) + "/secret.svg"
        try write("<svg/>", to: outside)
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/leak.svg", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/inside.svg", withDestinationPath: "acme.svg")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertEqual(outcome.lines, [
            "content/assets/leak.svg:1:1: error: symlink points outside the kit (to \(DiskFileSystem().realPath(outside)!))",
        ])
        try FileManager.default.removeItem(atPath: kit + "/content/assets/leak.svg")
        let fixed = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertNotNil(fixed.summary)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: kit + "/output/assets/inside.svg")),
                       try Data(contentsOf: URL(fileURLWithPath: kit + "/content/assets/acme.svg")),
                       "a symlink inside the kit is copied as the file it points to")
    }

    /// The private files are never published, whatever points at them (issue 29): a link in
    /// content/assets/ to the ledger, process.yml or a source file is an error naming it, and the
    /// build writes nothing; a link to another asset is fine.
    func testALinkFromTheAssetsToAPrivateFileIsAnError() throws {
        let kit = try copyOfKit("basic", self)
        try write("date,source,stage,value,note\n2026-01-02,cara,deal,5000,private\n", to: kit + "/content/ledger.csv")
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/leak.txt", withDestinationPath: "../ledger.csv")
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/contact.yml", withDestinationPath: "../sources/cara.yml")
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/same.svg", withDestinationPath: "img/dot.svg")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        let rule = "an asset may point only at a file under content/assets/ or templates/assets/; private files (the ledger, process.yml, sources) are never published"
        XCTAssertEqual(outcome.lines, [
            "content/assets/contact.yml:1:1: error: this symlink points to content/sources/cara.yml: \(rule)",
            "content/assets/leak.txt:1:1: error: this symlink points to content/ledger.csv: \(rule)",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))
    }

    func testBuildDateComesFromOptionThenEpochThenClock() throws {
        let resolver = BuildDateResolver(environment: ["SOURCE_DATE_EPOCH": "1767225600"], now: { 0 })
        XCTAssertEqual(try resolver.resolve(option: "2027-03-04"), Day("2027-03-04"))
        XCTAssertEqual(try resolver.resolve(option: nil), Day("2026-01-01"))
        XCTAssertEqual(try BuildDateResolver(environment: [:], now: { 1_795_000_000 }).resolve(option: nil), Day("2026-11-18"))
        XCTAssertThrowsError(try resolver.resolve(option: "2027-13-01"))
        XCTAssertThrowsError(try BuildDateResolver(environment: ["SOURCE_DATE_EPOCH": "soon"], now: { 0 }).resolve(option: nil))
    }

    /// The example kit builds with only the two warnings it shows on purpose: a Spanish partner
    /// with two of its pages translated and a German customer with none.
    func testExampleKitBuildsWithOnlyItsLanguageWarnings() throws {
        let output = try temporaryDirectory(self) + "/output"
        let outcome = testBuilder().build(BuildRequest(kitDirectory: Fixtures.repositoryRoot, outputDirectory: output, date: fixtureDate))
        XCTAssertEqual(outcome.lines, Self.exampleWarnings)
        XCTAssertEqual(outcome.summary?.sources, 6)
        let homes = outcome.summary.map { _ in (try? snapshot(output).keys.filter { $0.hasSuffix("/index.html") && !$0.hasPrefix("network/") }.count) ?? 0 }
        XCTAssertEqual(homes, 6)
    }

    static let exampleWarnings = [
        "content/sources/brightside-coworking.yml:7:11: warning: 1 source reads 'es' with the pages how-to-refer, what-happens-next, partner-programme, the offers tax-health-check and the library pieces tax-season-seminar, year-end-checklist in 'en' (add content/kit/PAGE.es.md or content/offers/ID.es.md or content/library/ID.es.md)",
        "content/sources/kestrel-design.yml:5:11: warning: 1 source reads 'de' with the pages who-to-refer, what-to-listen-for, how-to-refer, what-happens-next, tell-a-friend and the offers first-month-free in 'en' (add content/kit/PAGE.de.md or content/offers/ID.de.md)",
    ]
}
