import Foundation
import RefkitTestTools
import XCTest

/// The journey a newcomer takes, one command after the other on the binary under test (the release
/// binary in `scripts/test`'s second pass): init → check → serve (styled) → edits seen by the
/// preview → build --pdf --bundle → deploy → build again → report (Fixtures/tools/journey_check.py).
final class NewcomerJourneyTests: XCTestCase {
    func testFromInitToReportEveryCommandAgrees() throws {
        _ = try ExternalTool.chromium.require()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-newcomer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: work) }
        let check = try runProcess("/usr/bin/env", ["python3", CLITests.fixtures + "/tools/journey_check.py", RefkitUnderTest.path, work])
        XCTAssertEqual(check.status, 0, check.output + check.error)
        XCTAssertTrue(check.output.contains("ok report into private/"), check.output)
    }
}
