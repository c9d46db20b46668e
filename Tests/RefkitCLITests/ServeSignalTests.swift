import Foundation
import RefkitTestTools
import XCTest

/// `refkit serve` as a process: it stops on Ctrl-C (SIGINT), `kill` (SIGTERM) and a closed
/// terminal (SIGHUP) within a second, writing nothing; a burst of saves is one check; a broken
/// file stays broken. Run against the release binary too (`scripts/test`): an optimised build once
/// ignored all three signals.
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

    /// `refkit serve` on a copy of the basic kit, listening: the kit's folder, the process and what
    /// it prints (read once it has ended).
    private func serve(_ name: String) throws -> (kit: String, process: Process, output: Pipe, errors: Pipe) {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-\(name)-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: HostileCLITests.fixtures + "/kits/basic", toPath: kit)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        let port = UInt16(try freeLoopbackPort())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
        process.arguments = ["serve", kit, "--port", String(port), "--date", "2026-11-23"]
        let (output, errors) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        addTeardownBlock {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(20)
        while !listening(on: port), process.isRunning, Date() < deadline { usleep(20_000) }
        XCTAssertTrue(listening(on: port), "serve did not start")
        return (kit, process, output, errors)
    }

    /// Stops `process` with Ctrl-C; returns the lines it printed to `pipe`.
    private func stop(_ process: Process, reading pipe: Pipe) -> [Substring] {
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n")
    }

    func testSignalsStopServeWithinASecondLeavingNothingBehind() throws {
        for (name, number) in [("SIGINT", SIGINT), ("SIGTERM", SIGTERM), ("SIGHUP", SIGHUP)] {
            let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-signal-\(UUID().uuidString)").path
            try FileManager.default.copyItem(atPath: HostileCLITests.fixtures + "/kits/basic", toPath: kit)
            let scratch = kit + "-tmp"
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            addTeardownBlock {
                try? FileManager.default.removeItem(atPath: kit)
                try? FileManager.default.removeItem(atPath: scratch)
            }
            let port = UInt16(try freeLoopbackPort())
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
            process.arguments = ["serve", kit, "--port", String(port), "--date", "2026-11-23"]
            process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": scratch]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let started = Date(), deadline = started.addingTimeInterval(20)
            // (`isRunning` can read false for a moment right after `run()`: trusted after a second.)
            while !listening(on: port), process.isRunning || Date().timeIntervalSince(started) < 1, Date() < deadline { usleep(20_000) }
            XCTAssertTrue(listening(on: port), "\(name): serve did not start")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [], "serve renders in memory: nothing written")

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

    /// A port another program listens on is said, with the way out (`--port 0`, any free one,
    /// whose number serve then prints), and serve ends with the usage status.
    func testATakenPortNamesTheWayOutAndPortZeroFindsAFreeOne() throws {
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-taken-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: HostileCLITests.fixtures + "/kits/basic", toPath: kit)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0 }
        }
        XCTAssertTrue(bound)
        let taken = UInt16(bigEndian: address.sin_port)
        let refused = try runProcess(RefkitUnderTest.path, ["serve", kit, "--port", String(taken), "--date", "2026-11-23"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.error.contains("refkit: cannot serve on 127.0.0.1:\(taken): "), refused.error)
        XCTAssertTrue(refused.error.contains("(another program has it: choose another with --port, or --port 0 for any free one)"), refused.error)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
        process.arguments = ["serve", kit, "--port", "0", "--date", "2026-11-23"]
        let output = Pipe()
        (process.standardOutput, process.standardError) = (output, FileHandle.nullDevice)
        try process.run()
        defer { kill(process.processIdentifier, SIGINT); process.waitUntilExit() }
        var printed = ""
        while !printed.contains("serving http"), case let chunk = output.fileHandleForReading.availableData, !chunk.isEmpty {
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let told = printed.range(of: "serving http://127.0.0.1:").flatMap { UInt16(printed[$0.upperBound...].prefix { $0.isNumber }) }
        XCTAssertNotNil(told, printed)
        XCTAssertNotEqual(told, 0)
        XCTAssertTrue(listening(on: told ?? 0), printed)
    }

    /// A burst of saves (500 files written at once, as `git checkout` does) is one check of the
    /// kit, not 500; a folder made while serving is watched from then on.
    func testABurstOfSavesIsOneCheck() throws {
        let (kit, process, output, _) = try serve("burst")
        for index in 0..<500 {
            let source = "name: Burst \(index)\nsegment: customer\ncode: BURST\(index)\n"
            FileManager.default.createFile(atPath: kit + "/content/sources/burst-\(index).yml", contents: Data(source.utf8))
        }
        usleep(1_000_000)
        // A folder made while serving is watched too: a file written in it later is a change.
        try FileManager.default.createDirectory(atPath: kit + "/content/assets/new", withIntermediateDirectories: true)
        usleep(500_000)
        FileManager.default.createFile(atPath: kit + "/content/assets/new/a.txt", contents: Data("a".utf8))
        usleep(1_000_000)
        let lines = stop(process, reading: output).filter { $0.hasPrefix("refkit: checked ") }
        XCTAssertEqual(lines.count, 4, "the start, one check for the burst, the new folder, the file in it: \(lines)")
        XCTAssertTrue(lines.dropFirst().first?.hasPrefix("refkit: checked 502 kits") == true, "\(lines)")
    }

    /// After a save that breaks the kit, a save of another file checks the broken one again (it
    /// is still broken), never an old copy of it.
    func testABrokenFileStaysBrokenWhenAnotherIsSaved() throws {
        let (kit, process, _, errors) = try serve("broken")
        let cara = kit + "/content/sources/cara.yml"
        let good = try String(contentsOfFile: cara, encoding: .utf8)
        try (good + "segment: [\n").write(toFile: cara, atomically: false, encoding: .utf8)
        usleep(600_000)
        let bolt = kit + "/content/sources/bolt-partners.yml"
        try (try String(contentsOfFile: bolt, encoding: .utf8) + "# a comment\n").write(toFile: bolt, atomically: false, encoding: .utf8)
        usleep(600_000)
        let lines = stop(process, reading: errors)
        XCTAssertEqual(lines.filter { $0.hasPrefix("content/sources/cara.yml:") && $0.contains("error") }.count, 2, "\(lines)")
    }

    /// Issue 31: a warning is printed once, not again on every save; when it goes, the terminal
    /// says so.
    func testAWarningIsPrintedOnceAndItsGoingIsTold() throws {
        let (kit, process, output, errors) = try serve("warnings")
        let cara = kit + "/content/sources/cara.yml"
        let good = try String(contentsOfFile: cara, encoding: .utf8)
        try (good + "mesage: hi\n").write(toFile: cara, atomically: false, encoding: .utf8)
        usleep(600_000)
        let bolt = kit + "/content/sources/bolt-partners.yml"
        try (try String(contentsOfFile: bolt, encoding: .utf8) + "# a comment\n").write(toFile: bolt, atomically: false, encoding: .utf8)
        usleep(600_000)
        try good.write(toFile: cara, atomically: false, encoding: .utf8)
        usleep(600_000)
        kill(process.processIdentifier, SIGINT)
        let printed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        let checks = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        let warning = printed.filter { $0.hasPrefix("content/sources/cara.yml:") && $0.contains("warning") && $0.contains("mesage") }
        XCTAssertEqual(warning.count, 1, "printed once, not again when another file is saved: \(printed)")
        XCTAssertEqual(printed.filter { $0.hasPrefix("refkit: gone: content/sources/cara.yml:") }.count, 1, "\(printed)")
        XCTAssertTrue(checks.contains { $0.contains(", 1 warning as before)") }, "\(checks)")
    }
}
