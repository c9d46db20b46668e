import Foundation
import XCTest
import RefkitTestTools

/// Issue 13's attack, kept: each hostile kit is given to the real `refkit` binary as a user would,
/// under a time limit and an address-space limit (`timeout`, `prlimit --as`), so a regression to a
/// hang, a blow-up or a crash fails here instead of hanging CI (against the binary of
/// `RefkitUnderTest`).
final class HostileCLITests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RefkitBuildTests/Fixtures").path
    /// Every run gets at most this long and this much address space.
    static let seconds = 20
    static let addressSpace = 2_000_000_000

    struct Run {
        var status: Int32
        var signalled: Bool
        var seconds: Double
        var stdout: String
        var stderr: String
    }

    var refkit: String { RefkitUnderTest.path }

    /// `refkit ARGUMENTS` in `directory`, bounded in time and memory.
    func bounded(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        try Self.bounded(refkit, arguments, in: directory, environment: environment)
    }

    static func bounded(_ refkit: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        process.arguments = ["--as=\(Self.addressSpace)", "--", "/usr/bin/timeout", "-s", "KILL", "\(Self.seconds)", refkit] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let collected = Collected(out, err)
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(started)
        // timeout reports a killed command as 128 + 9; a crash under it as 128 + the signal.
        let status = process.terminationStatus
        return Run(status: status, signalled: status > 128 || process.terminationReason == .uncaughtSignal,
                   seconds: elapsed, stdout: collected.stdout, stderr: collected.stderr)
    }

    /// Asserts a run ended by itself, in time, with `status`.
    func assertClean(_ run: Run, status: Int32, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(run.signalled, "\(what): killed or crashed (\(run.status)) after \(run.seconds) s\n\(run.stderr.suffix(2000))",
                       file: file, line: line)
        XCTAssertEqual(run.status, status, "\(what)\n\(run.stdout.suffix(1000))\(run.stderr.suffix(2000))", file: file, line: line)
        XCTAssertLessThan(run.seconds, 10, "\(what) took \(run.seconds) s", file: file, line: line)
    }

    func kit(_ name: String = "basic") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-hostile-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.fixtures + "/kits/" + name, toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    func page(_ body: String, in kit: String) throws {
        try Data("---\ntitle: Partners only\naudience: partners\n---\n\(body)".utf8)
            .write(to: URL(fileURLWithPath: kit + "/content/kit/partners-only.md"))
    }

    func testHugePagesAreReadInLinearTime() throws {
        let bodies: [(String, String, Int32)] = [
            ("50,000 {{", String(repeating: "{{", count: 50_000) + "\n", 0),
            ("60 KB of %7B%7B in a link", "[x](" + String(repeating: "%7B%7B", count: 10_000) + ")\n", 0),
            ("1.1 MB of entity-encoded links", Array(repeating: "[a](&#x68;ow.html)", count: 60_000).joined(separator: " ") + "\n", 0),
            ("20,000 footnotes", (0..<20_000).map { "x[^\($0)]\n\n[^\($0)]: Ibid.\n\n" }.joined(), 0),
            ("a 5,000-column table", "|" + String(repeating: "a|", count: 5_000) + "\n|" + String(repeating: "-|", count: 5_000) + "\n"
                + String(repeating: "x\n", count: 2_000), 1),
        ]
        for (what, body, status) in bodies {
            let kit = try kit()
            try page(body, in: kit)
            assertClean(try bounded(["check", "--date", "2026-11-23"], in: kit), status: status, "check: \(what)")
            assertClean(try bounded(["build", "--date", "2026-11-23"], in: kit), status: status, "build: \(what)")
        }
    }

    func testAYAMLAliasBombIsOneError() throws {
        let kit = try kit()
        var yaml = "name: Cara\nsegment: customer\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        for command in ["check", "build"] {
            let run = try bounded([command, "--date", "2026-11-23"], in: kit)
            assertClean(run, status: 1, "\(command): alias bomb")
            XCTAssertTrue((run.stdout + run.stderr).contains("content/sources/cara.yml:4:8: error: YAML: aliases"), run.stdout + run.stderr)
        }
    }

    func testTwoPagesWithOneSlugAreErrorsNotACrash() throws {
        let kit = try kit()
        try FileManager.default.copyItem(atPath: kit + "/content/kit/02-how.md", toPath: kit + "/content/kit/how.md")
        let run = try bounded(["check", "--date", "2026-11-23"], in: kit)
        assertClean(run, status: 1, "duplicate page slug")
        XCTAssertTrue(run.stdout.contains("content/kit/02-how.md:1:1: error: page slug 'how' is also the slug of content/kit/how.md"), run.stdout)
        XCTAssertTrue(run.stdout.contains("content/kit/how.md:1:1: error: page slug 'how' is also the slug of content/kit/02-how.md"), run.stdout)
    }

    func testSymlinkLoopsAndFIFOsEndInErrors() throws {
        let kit = try kit()
        for name in ["x", "y"] {
            try FileManager.default.createSymbolicLink(atPath: kit + "/content/assets/" + name, withDestinationPath: ".")
        }
        XCTAssertEqual(mkfifo(kit + "/content/pipe", 0o644), 0)
        try FileManager.default.createSymbolicLink(atPath: kit + "/content/sources/piped.yml", withDestinationPath: "../pipe")
        for command in ["check", "build"] {
            let run = try bounded([command, "--date", "2026-11-23"], in: kit)
            assertClean(run, status: 1, "\(command): symlink loops and a FIFO")
            XCTAssertTrue((run.stdout + run.stderr).contains("content/assets/x:1:1: error: symlink loop"), run.stdout + run.stderr)
        }
        // A FIFO named like a word table is said to be one, not a file of the wrong kind (issue 29).
        try FileManager.default.createDirectory(atPath: kit + "/templates/i18n", withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(kit + "/templates/i18n/en.yml", 0o644), 0)
        let run = try bounded(["check", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue((run.stdout + run.stderr).contains("templates/i18n/en.yml:1:1: warning: ignored: not a regular file (a FIFO, socket or device)"),
                      run.stdout + run.stderr)
    }

    func testBundlesAreTheSameBytesInEveryTimeZone() throws {
        var zips: [Data] = []
        for zone in ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"] {
            let kit = try kit()
            assertClean(try bounded(["build", "--bundle", "--date", "2026-11-23"], in: kit, environment: ["TZ": zone]), status: 0, "bundle in \(zone)")
            zips.append(try Data(contentsOf: URL(fileURLWithPath: kit + "/output/bundles/cara.zip")))
        }
        XCTAssertEqual(Set(zips).count, 1, "the zips differ by time zone")
    }

    func testASourceNamedAssetsCannotWipeTheSharedFiles() throws {
        let kit = try kit()
        assertClean(try bounded(["build", "--date", "2026-11-23"], in: kit), status: 0, "first build")
        try Data("name: Assets Ltd\nsegment: partner\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/assets.yml"))
        let run = try bounded(["build", "--date", "2026-11-23"], in: kit)
        assertClean(run, status: 1, "a source called assets")
        XCTAssertTrue((run.stdout + run.stderr).contains("content/sources/assets.yml:1:1: error: the slug 'assets' is reserved"), run.stdout + run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/assets/refkit.css"))
    }

    func testADeployRemoteThatIsAnOptionRunsNothing() throws {
        let kit = try kit()
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try Data((site + "deploy: { git: \"--upload-pack=touch \(kit)/pwned;false\" }\n").utf8)
            .write(to: URL(fileURLWithPath: kit + "/content/site.yml"))
        let run = try bounded(["deploy", "--date", "2026-11-23"], in: kit)
        assertClean(run, status: 1, "deploy to an option")
        XCTAssertTrue(run.stderr.contains("error: 'deploy.git' must not start with '-'"), run.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/pwned"))
    }

    func testTwoBuildsAtOnceNeverDamageTheOutput() throws {
        let kit = try kit()
        for index in 0..<400 {
            try Data("name: Source \(index)\nsegment: customer\ncode: S\(index)X\n".utf8)
                .write(to: URL(fileURLWithPath: kit + "/content/sources/s\(index).yml"))
        }
        let reference = try self.kit()
        try FileManager.default.removeItem(atPath: reference + "/content")
        try FileManager.default.copyItem(atPath: kit + "/content", toPath: reference + "/content")
        assertClean(try bounded(["build", "--date", "2026-11-23"], in: reference), status: 0, "reference build")

        let runs = ParallelRuns()
        let binary = refkit
        DispatchQueue.concurrentPerform(iterations: 2) { _ in runs.add(try? Self.bounded(binary, ["build", "--date", "2026-11-23"], in: kit)) }
        let statuses = runs.all.map { $0?.status ?? -1 }.sorted()
        XCTAssertTrue(statuses == [0, 0] || statuses == [0, 1], "\(statuses)")
        for run in runs.all.compactMap({ $0 }) where run.status == 1 {
            XCTAssertTrue(run.stderr.contains("another refkit is writing"), run.stderr)
        }
        let built = try bounded(["build", "--date", "2026-11-23"], in: kit)
        assertClean(built, status: 0, "the build after")
        XCTAssertTrue(built.stdout.contains("nothing changed"), built.stdout)
        let (ours, theirs) = (try snapshot(kit + "/output"), try snapshot(reference + "/output"))
        XCTAssertEqual(ours.keys.sorted(), theirs.keys.sorted())
        XCTAssertEqual(ours.filter { $0.key != ".refkit-output" }, theirs.filter { $0.key != ".refkit-output" })
    }

    /// Every value refkit writes into an iCalendar, vCard or Atom file (the site's and a partner's
    /// names, the contact, a seminar's title, place and summary, a post's title), filled with line
    /// feeds, quotes, separators and would-be properties, reads back as that one value with
    /// icalendar, vobject and feedparser (Fixtures/tools/fuzz_formats.py; issue 29: a line feed in
    /// a name became a second event and an injected URL).
    func testEveryFieldOfEveryCalendarCardAndFeedReadsBack() throws {
        let check = try runProcess("/usr/bin/env", ["python3", Self.fixtures + "/tools/fuzz_formats.py", refkit,
                                                    Self.fixtures + "/kits/network", "60", "29"])
        XCTAssertEqual(check.status, 0, check.output + check.error)
        XCTAssertTrue(check.output.contains(" 0 failures"), check.output)
        XCTAssertFalse(check.output.contains(": 0 built"), "the fuzzer must build some kits: \(check.output)")
    }

    /// Issue 29: a logo librsvg draws for minutes stops the build after the time limit, naming it,
    /// and never holds up another page in `serve` (Fixtures/tools/slow_logo_check.py).
    func testALogoThatDrawsForMinutesIsStoppedAndHoldsUpNothing() throws {
        let check = try runProcess("/usr/bin/env", ["python3", Self.fixtures + "/tools/slow_logo_check.py", refkit, try kit()])
        XCTAssertEqual(check.status, 0, check.output + check.error)
    }

    func testServeAnswersOnlyItsOwnAddress() throws {
        let check = try runProcess("/usr/bin/env", ["python3", Self.fixtures + "/tools/serve_hostile_check.py", refkit, try kit()])
        XCTAssertEqual(check.status, 0, check.output + check.error)
        XCTAssertFalse(check.output.contains("FAILED"), check.output)
    }

    /// Issue 29, item 14: `report` reads the ledger as it goes, keeping no row: two million rows
    /// (46 MB) that name no one take the memory of the kit, not of the ledger (peak RSS under 100
    /// MB; the whole text, its pieces and the rows held took about 190 MB before).
    func testALongLedgerIsReportedInTheMemoryOfItsKit() throws {
        let kit = try kit()
        var ledger = "date,source,stage,value,note,prospect\n"
        ledger.reserveCapacity(50_000_000)
        for day in 0..<(12 * 28) {  // in date order, as a ledger kept by appending is
            let (month, date) = (day / 28 + 1, day % 28 + 1)
            let row = "2025-\(month < 10 ? "0" : "")\(month)-\(date < 10 ? "0" : "")\(date),cara,view,,\n"
            for _ in 0..<6_000 { ledger += row }
        }
        try ledger.write(toFile: kit + "/content/ledger.csv", atomically: false, encoding: .utf8)
        let measured = kit + "/rss.txt"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", measured, refkit, "report", kit, "--date", "2026-11-23"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let kilobytes = Int(try String(contentsOfFile: measured, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max
        XCTAssertLessThan(kilobytes, 100_000, "peak RSS \(kilobytes) KB for a 46 MB ledger")
    }
}

/// Both pipes read to the end on their own threads (a full pipe would block the child).
private final class Collected: @unchecked Sendable {
    private var out = Data(), err = Data()
    private let group = DispatchGroup()
    init(_ stdout: Pipe, _ stderr: Pipe) {
        DispatchQueue.global().async(group: group) { self.out = stdout.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { self.err = stderr.fileHandleForReading.readDataToEndOfFile() }
    }
    var stdout: String { group.wait(); return String(decoding: out, as: UTF8.self) }
    var stderr: String { group.wait(); return String(decoding: err, as: UTF8.self) }
}

private final class ParallelRuns: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [HostileCLITests.Run?] = []
    func add(_ run: HostileCLITests.Run?) { lock.withLock { runs.append(run) } }
    var all: [HostileCLITests.Run?] { lock.withLock { runs } }
}
