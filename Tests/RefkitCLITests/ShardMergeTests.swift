import Foundation
import RefkitTestTools
import XCTest

/// docs/SHARDING.md's recipe: the shards of a roster built apart (as a CI matrix would) and merged
/// by scripts/merge-shards give exactly the single-machine build.
final class ShardMergeTests: XCTestCase {
    func testMergedShardsEqualTheWholeBuild() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-shards-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: work) }
        func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
            let run = try runProcess(executable, arguments, in: root)
            return (run.status, run.output + run.error)
        }
        let refkit = RefkitUnderTest.path
        XCTAssertEqual(try run(refkit, ["build", root, "--date", "2026-11-23", "--output", work + "/whole"]).status, 0)
        for shard in 1...3 {
            let built = try run(refkit, ["build", root, "--date", "2026-11-23", "--shard", "\(shard)/3", "--output", work + "/shard-\(shard)"])
            XCTAssertEqual(built.status, 0, built.output)
        }
        let merged = try run("/bin/bash", [root + "/scripts/merge-shards", work + "/site"] + (1...3).map { work + "/shard-\($0)" })
        XCTAssertEqual(merged.status, 0, merged.output)
        var whole = try snapshot(work + "/whole")
        whole[".refkit-output"] = nil
        XCTAssertEqual(try snapshot(work + "/site"), whole)

        // Shards of two different kits do not merge quietly.
        try FileManager.default.createDirectory(atPath: work + "/shard-2/assets", withIntermediateDirectories: true)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: work + "/shard-2/assets/refkit.css"))
        let clash = try run("/bin/bash", [root + "/scripts/merge-shards", work + "/again"] + (1...3).map { work + "/shard-\($0)" })
        XCTAssertNotEqual(clash.status, 0)
        XCTAssertTrue(clash.output.contains("assets/refkit.css differs between shards"), clash.output)
    }
}
