import Foundation
import RefkitBuild
import RefkitModel
import XCTest

/// Paths and helpers shared by the build tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func kit(_ name: String) -> String { root + "/kits/" + name }
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
}

/// A fresh temporary folder, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-test-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Copies a fixture kit into a temporary folder so a test may change it.
func copyOfKit(_ name: String, _ test: XCTestCase) throws -> String {
    let directory = try temporaryDirectory(test) + "/kit"
    try FileManager.default.copyItem(atPath: Fixtures.kit(name), toPath: directory)
    return directory
}

/// Every file below `directory`, by relative path, with its bytes.
func snapshot(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let path = directory + "/" + relative
        FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: path)) }
    }
    return files
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// A builder with a fixed clock and no environment: tests never see the real date.
func testBuilder(fileSystem: any FileSystem = DiskFileSystem(), environment: [String: String] = [:]) -> Builder {
    Builder(fileSystem: fileSystem,
            dateResolver: BuildDateResolver(environment: environment, now: { 1_795_000_000 }))  // 2026-11-18
}

let fixtureDate = "2026-11-23"

extension BuildOutcome {
    var summary: BuildSummary? { try? result.get() }
    var lines: [String] { diagnostics.map(\.description) }
}

/// The inode of the file at `path`: a store is replaced by a new file, so the same number after
/// a build means the build wrote nothing there.
func fileNumber(_ path: String) throws -> Int? {
    try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
}

/// A whole build of `kit` into its `output/`, removed first.
func buildWholeAgain(_ kit: String) throws -> BuildSummary? {
    try FileManager.default.removeItem(atPath: kit + "/output")
    return testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary
}
