import Foundation
import XCTest

/// `refkit serve` stops on Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed terminal (SIGHUP) within
/// a second, and removes its private folder. Run against the release binary too (`scripts/test`):
/// an optimised build once ignored all three.
final class ServeSignalTests: XCTestCase {
    private func listening(on port: UInt16) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }

    func testSignalsStopServeWithinASecondAndRemoveItsFolder() throws {
        for (name, number) in [("SIGINT", SIGINT), ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)] {
            let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-signal-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: HostileCLITests.fixtures + "/kits/basic", toPath: kit)
            let scratch = kit + "-tmp"
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            addTeardownBlock {
                try? FileManager.default.removeItem(atPath: kit)
                try? FileManager.default.removeItem(atPath: scratch)
            }
            let port = UInt16(44_000 + Int.random(in: 0..<2_000))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
            process.arguments = ["serve", kit, "--port", String(port), "--date", "2026-11-23"]
            process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": scratch]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while !listening(on: port), process.isRunning, Date() < deadline { usleep(20_000) }
            XCTAssertTrue(listening(on: port), "\(name): serve did not start")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch).count, 1, "serve's private folder")

            let sent = Date()
            kill(process.processIdentifier, number)
            while process.isRunning, Date().timeIntervalSince(sent) < 5 { usleep(10_000) }
            let took = Date().timeIntervalSince(sent)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            XCTAssertLessThan(took, 1, "\(name) did not stop serve within a second")
            XCTAssertEqual(process.terminationStatus, 0, name)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [], "\(name) left serve's folder behind")
        }
    }
}
