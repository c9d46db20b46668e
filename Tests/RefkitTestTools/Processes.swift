import Foundation
import XCTest

/// Runs a program and returns its exit status, standard output and standard error; with
/// `environment`, in that environment only.
public func runProcess(_ executable: String, _ arguments: [String], in directory: String? = nil,
                       environment: [String: String]? = nil) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Standard error is read on its own thread, so neither pipe can fill and stall the program.
    let errors = ErrorCollector()
    let reader = Thread { errors.data = err.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
    reader.start()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    errors.done.wait()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.data, as: UTF8.self))
}

private final class ErrorCollector: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// Skips the test (developer machine) or fails it (CI=true) unless `python3` imports every one of
/// `modules` (and, with `chromium`, Debian's Chromium is installed): scripts/install-deps
/// --test-tools installs them all.
public func requirePython(_ modules: [String], chromium: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws {
    let imports = try runProcess("/usr/bin/env", ["python3", "-c", "import " + modules.joined(separator: ", ")])
    guard imports.status != 0 || (chromium && !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")) else { return }
    let message = "needs \((chromium ? ["Chromium"] : []) + modules) (Python): scripts/install-deps --test-tools installs them"
    if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message, file: file, line: line) }
    throw XCTSkip(message)
}

/// A TCP port on 127.0.0.1 nothing listens on now (the system's choice), for a server a test starts.
public func freeLoopbackPort() throws -> Int {
    let run = try runProcess("/usr/bin/env", ["python3", "-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"])
    return Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 18_080
}
