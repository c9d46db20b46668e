import Foundation
import RefkitBuild
import XCTest

/// --shard and --jobs change how a build is spread out, never what it writes.
final class ScaleTests: XCTestCase {
    private func roster(_ count: Int) throws -> String {
        let kit = try copyOfKit("basic", self)
        for index in 0..<count {
            try write("name: Source \(index)\nsegment: \(index % 2 == 0 ? "partner" : "customer")\ncode: S\(index)X\n",
                      to: kit + "/content/sources/s\(index).yml")
        }
        return kit
    }

    func testTheUnionOfAllShardsIsTheWholeBuild() throws {
        let kit = try roster(40)
        let whole = try temporaryDirectory(self) + "/whole"
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: whole, date: fixtureDate)).summary)
        var union: [String: Data] = [:]
        var counts: [Int] = []
        for index in 1...3 {
            let part = try temporaryDirectory(self) + "/part\(index)"
            let outcome = testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: part, date: fixtureDate,
                                                           shard: Shard(index: index, count: 3)))
            counts.append(try XCTUnwrap(outcome.summary).sources)
            // Each shard's marker records that shard's build; everything else must add up.
            for (path, data) in try snapshot(part) where path != OutputWriter.marker {
                XCTAssertNil(union[path], "\(path) is in two shards")
                union[path] = data
            }
        }
        XCTAssertEqual(counts.reduce(0, +), 42)
        XCTAssertTrue(counts.allSatisfy { $0 > 5 }, "the split is roughly even: \(counts)")
        XCTAssertEqual(treeDifferences(expected: try snapshot(whole).filter { $0.key != OutputWriter.marker }, actual: union), [])
    }

    func testAShardIsStableWhenSourcesAreAdded() {
        let shard = Shard(index: 2, count: 4)!
        let before = (0..<100).map { "source-\($0)" }.filter(shard.includes)
        let after = (0..<200).map { "source-\($0)" }.filter(shard.includes)
        XCTAssertEqual(Array(after.prefix(before.count)), before)
        XCTAssertNil(Shard("0/4"))
        XCTAssertNil(Shard("5/4"))
        XCTAssertNil(Shard("2-4"))
        XCTAssertEqual(Shard("4/4")?.description, "4/4")
    }

    func testOutputIsByteIdenticalWhateverTheNumberOfJobs() throws {
        let kit = try roster(30)
        var trees: [[String: Data]] = []
        for jobs in [1, 2, 7] {
            let output = try temporaryDirectory(self) + "/jobs\(jobs)"
            XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate,
                                                             bundle: true, jobs: jobs)).summary)
            trees.append(try snapshot(output))
        }
        XCTAssertEqual(treeDifferences(expected: trees[0], actual: trees[1]), [])
        XCTAssertEqual(treeDifferences(expected: trees[0], actual: trees[2]), [])
    }
}
