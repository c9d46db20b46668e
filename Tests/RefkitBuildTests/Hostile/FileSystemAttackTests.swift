import Foundation
import RefkitBuild
import XCTest

/// Attacks through the file system (issue 13): symlinks out of the kit, loops, FIFOs, a change the
/// fingerprint could miss, two builds into one folder.
final class FileSystemAttackTests: XCTestCase {
    private func link(_ path: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
    }

    private static func check(_ kit: String, ledger: Bool = false) -> [String] {
        var request = BuildRequest(kitDirectory: kit, date: fixtureDate)
        request.checkLedger = ledger
        switch testBuilder().check(request) {
        case .success(let checked): return checked.validated.diagnostics.map(\.description)
        case .failure(let failure): return ["\(failure)"]
        }
    }

    /// Runs `body` on another thread and fails, instead of hanging the suite, if it takes longer.
    private func within(_ seconds: Double, _ what: String, _ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread { body(); done.signal() }
        XCTAssertEqual(done.wait(timeout: .now() + seconds), .success, "\(what) took longer than \(seconds) s")
    }

    func testTopLevelInputsThatAreSymlinksOutOfTheKitAreErrors() throws {
        let outside = try temporaryDirectory(self)
        try write("name: Stolen\nurl: https://x.example\nreferral_url: https://x.example/\n", to: outside + "/site.yml")
        try write("date,source,stage,value,note\n2026-01-02,cara,lead,,secret\n", to: outside + "/ledger.csv")

        let kit = try copyOfKit("basic", self)
        try FileManager.default.removeItem(atPath: kit + "/content/site.yml")
        try link(kit + "/content/site.yml", to: outside + "/site.yml")
        try link(kit + "/content/ledger.csv", to: outside + "/ledger.csv")
        XCTAssertEqual(Self.check(kit, ledger: true), [
            "content/ledger.csv:1:1: error: symlink points outside the kit (to \(outside)/ledger.csv)",
            "content/site.yml:1:1: error: symlink points outside the kit (to \(outside)/site.yml)",
        ])

        // content/ itself: one error, not one per file below it.
        let whole = try copyOfKit("basic", self)
        try FileManager.default.moveItem(atPath: whole + "/content", toPath: outside + "/content")
        try link(whole + "/content", to: outside + "/content")
        XCTAssertEqual(Self.check(whole), ["content:1:1: error: symlink points outside the kit (to \(outside)/content)"])
    }

    func testAFIFOIsNeverOpenedEvenBehindASymlink() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertEqual(mkfifo(kit + "/content/pipe", 0o644), 0)
        try link(kit + "/content/sources/piped.yml", to: "../pipe")
        try link(kit + "/content/ledger.csv", to: "pipe")
        nonisolated(unsafe) var lines: [String] = []
        within(10, "a build with a FIFO") { lines = Self.check(kit, ledger: true) }
        XCTAssertEqual(lines, [
            "content/ledger.csv:1:1: error: cannot read the file: not a regular file (a FIFO, socket or device)",
            "content/sources/piped.yml:1:1: error: cannot read the file: not a regular file (a FIFO, socket or device)",
        ])
    }

    /// The disk's listing with readdir's entry types says what `lstat` says of each entry: a file,
    /// a folder, a symlink (to a folder, or broken), a FIFO.
    func testAListingsKindsAreWhatLstatSays() throws {
        let folder = try temporaryDirectory(self)
        try write("x", to: folder + "/file.md")
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/to-sub", withDestinationPath: folder + "/sub")
        try FileManager.default.createSymbolicLink(atPath: folder + "/broken", withDestinationPath: folder + "/nowhere")
        XCTAssertEqual(mkfifo(folder + "/pipe", 0o644), 0)
        let disk = DiskFileSystem()
        let listed = try disk.entriesOfDirectory(at: folder)
        XCTAssertEqual(listed.map(\.name), ["broken", "file.md", "pipe", "sub", "to-sub"])
        for (name, kind) in listed { XCTAssertEqual(kind, disk.kind(at: folder + "/" + name), name) }
    }

    func testABrokenSymlinkAddedAfterABuildIsNotNothingChanged() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        try link(kit + "/content/sources/gone.yml", to: "nowhere.yml")
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        XCTAssertNil(outcome.summary, "build must fail as check does")
        XCTAssertEqual(outcome.lines, ["content/sources/gone.yml:1:1: error: broken symlink"])
    }

    func testSymlinkLoopsAreErrorsNotAnEndlessWalk() throws {
        let kit = try copyOfKit("basic", self)
        try link(kit + "/content/assets/x", to: ".")
        try link(kit + "/content/assets/y", to: ".")
        try link(kit + "/content/assets/img/up", to: "../..")
        try FileManager.default.createDirectory(atPath: kit + "/content/assets/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: kit + "/content/assets/b", withIntermediateDirectories: true)
        try link(kit + "/content/assets/a/to-b", to: "../b")
        try link(kit + "/content/assets/b/to-a", to: "../a")
        nonisolated(unsafe) var outcome: BuildOutcome?
        within(10, "a kit with symlink loops") { outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)) }
        XCTAssertEqual(outcome?.lines, [
            "content/assets/a/to-b/to-a:1:1: error: symlink loop: it points to content/assets/a/, which holds it",
            "content/assets/b/to-a/to-b:1:1: error: symlink loop: it points to content/assets/b/, which holds it",
            "content/assets/img/up:1:1: error: symlink loop: it points to content/, which holds it",
            "content/assets/x:1:1: error: symlink loop: it points to content/assets/, which holds it",
            "content/assets/y:1:1: error: symlink loop: it points to content/assets/, which holds it",
        ])
    }

    func testASecondBuildIntoTheSameOutputFailsClearlyAndChangesNothing() throws {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let before = try snapshot(kit + "/output")
        try write("name: Dee\nsegment: customer\n", to: kit + "/content/sources/dee.yml")
        // Another refkit is writing output/: it holds the lock.
        let held = try OutputLock(output: kit + "/output", fileSystem: DiskFileSystem())
        let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate))
        let lock = kit + "/.output.refkit-lock"
        XCTAssertEqual(outcome.result.failure, .output(.busy(output: kit + "/output", lock: lock)))
        XCTAssertEqual("\(outcome.result.failure!)",
                       "another refkit is writing \(kit)/output (it holds \(lock)); wait until it is done, or choose another --output")
        XCTAssertEqual(try snapshot(kit + "/output"), before)
        held.release()
        XCTAssertFalse(FileManager.default.fileExists(atPath: lock), "the lock file goes with the lock")
        XCTAssertEqual(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary?.sources, 3)
    }
}

extension Result {
    var failure: Failure? { if case .failure(let failure) = self { failure } else { nil } }
}
