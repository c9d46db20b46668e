import Foundation
@testable import RefkitServe
import XCTest

/// `Watcher` as editors and tools change a kit: one save is one call naming the file, an editor's
/// save by rename names the file it replaced, a burst of saves is gathered, and a folder moved in
/// is told as "anything may have changed" and watched from then on (issue 30).
final class WatcherTests: XCTestCase {
    /// What the watcher told, in order (nil: not known which files).
    private final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var calls: [Set<String>?] = []
        func add(_ changed: Set<String>?) { lock.withLock { calls.append(changed) } }
        var all: [Set<String>?] { lock.withLock { calls } }
        func clear() { lock.withLock { calls = [] } }
    }

    private func watching() throws -> (root: String, calls: Calls) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/kit", withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let calls = Calls()
        let watcher = Watcher(roots: [root + "/kit"]) { calls.add($0) }
        watcher.start()
        XCTAssertEqual(watcher.method, "inotify")
        Thread.sleep(forTimeInterval: 0.2)  // its folders are watched
        return (root, calls)
    }

    /// Waits until the watcher has been quiet for a while after at least one call.
    private func settled(_ calls: Calls, within seconds: Double = 5) -> [Set<String>?] {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = -1
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.3)
            let count = calls.all.count
            if count > 0, count == seen { break }
            seen = count
        }
        return calls.all
    }

    func testOneSaveIsOneCallNamingTheFile() throws {
        let (root, calls) = try watching()
        try Data("name: A\n".utf8).write(to: URL(fileURLWithPath: root + "/kit/a.yml"))
        XCTAssertEqual(settled(calls), [[root + "/kit/a.yml"]])
    }

    func testAnEditorsSaveByRenameNamesTheFileReplaced() throws {
        let (root, calls) = try watching()
        let file = root + "/kit/page.md"
        try Data("one\n".utf8).write(to: URL(fileURLWithPath: file))
        _ = settled(calls)
        calls.clear()
        // As vim and many editors save: a new file beside it, then renamed over it.
        try Data("two\n".utf8).write(to: URL(fileURLWithPath: root + "/kit/.page.md.swp"))
        XCTAssertEqual(rename(root + "/kit/.page.md.swp", file), 0)
        let told = settled(calls)
        XCTAssertEqual(told.count, 1, "\(told)")
        XCTAssertTrue(told.first??.contains(file) ?? false, "\(told)")
    }

    func testABurstOfSavesIsGathered() throws {
        let (root, calls) = try watching()
        for index in 0..<60 {
            try Data("\(index)\n".utf8).write(to: URL(fileURLWithPath: root + "/kit/file-\(index).md"))
            if index % 10 == 0 { Thread.sleep(forTimeInterval: 0.01) }  // a writer that pauses now and then
        }
        let told = settled(calls)
        XCTAssertLessThanOrEqual(told.count, 3, "\(told.map { $0?.count ?? -1 })")
        let named = told.reduce(into: Set<String>()) { $0.formUnion($1 ?? []) }
        XCTAssertTrue(told.contains { $0 == nil } || named.count == 60, "every file told, or 'anything may have changed'")
    }

    func testAFolderMovedInIsToldAndThenWatched() throws {
        let (root, calls) = try watching()
        try FileManager.default.createDirectory(atPath: root + "/outside/assets", withIntermediateDirectories: true)
        try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: root + "/outside/assets/logo.svg"))
        XCTAssertEqual(rename(root + "/outside/assets", root + "/kit/assets"), 0)
        let told = settled(calls)
        XCTAssertTrue(told.contains { $0 == nil }, "a folder came: anything may have changed (\(told))")
        calls.clear()
        try Data("<svg width=\"2\"/>".utf8).write(to: URL(fileURLWithPath: root + "/kit/assets/logo.svg"))
        XCTAssertEqual(settled(calls), [[root + "/kit/assets/logo.svg"]], "a file in the folder moved in is watched")
    }
}
