import Foundation
import RefkitTestTools
import XCTest

extension XCTestCase {
    /// A copy of the basic fixture kit in a folder of its own, removed after the test.
    func basicKitCopy(_ prefix: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    /// The binary under test run in `directory` with only `/usr/bin:/bin` on PATH.
    func runRefkit(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let run = try runProcess(RefkitUnderTest.path, arguments, in: directory, environment: ["PATH": "/usr/bin:/bin"])
        return (run.status, run.output, run.error)
    }
}
