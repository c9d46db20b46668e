import Foundation
import RefkitBuild
import RefkitDeploy
import RefkitModel
import XCTest

/// Attacks on `refkit deploy` (issue 13): a remote git would run as a command, a target behind a
/// symlink or inside the output, an output left half swapped.
final class DeployAttackTests: XCTestCase {
    private let date = Day("2026-11-23")!

    private func builtKit() throws -> (kit: String, output: String) {
        let kit = try copyOfKit("basic", self)
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        return (kit, kit + "/output")
    }

    func testARemoteGitWouldReadAsAnOptionOrAHelperRunsNothing() throws {
        let (kit, output) = try builtKit()
        let planted = kit + "/pwned"
        for remote in ["--upload-pack=touch \(planted);false", "-ufoo", "ext::sh -c touch% \(planted)", "ext::touch", "fd::7"] {
            XCTAssertThrowsError(try Deployer(output: output).deployGit(remote: remote, branch: "gh-pages", date: date, dryRun: true),
                                 remote)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: planted), "git ran the attacker's command")
    }

    func testAUserConfigurationCannotTurnARemoteIntoACommand() throws {
        // url.<base>.insteadOf rewrites an innocent-looking remote into ext::, which runs a command:
        // deploy allows only the transports it needs (GIT_ALLOW_PROTOCOL).
        let (kit, output) = try builtKit()
        let planted = kit + "/pwned"
        let config = kit + "/gitconfig"
        try write("[url \"ext::sh -c touch% \(planted)% #\"]\n\tinsteadOf = evil:\n", to: config)
        setenv("GIT_CONFIG_GLOBAL", config, 1)
        defer { unsetenv("GIT_CONFIG_GLOBAL") }
        _ = try? Deployer(output: output).deployGit(remote: "evil:repo", branch: "gh-pages", date: date, dryRun: true)
        XCTAssertFalse(FileManager.default.fileExists(atPath: planted), "git ran the attacker's command")
    }

    func testATargetBehindASymlinkIsRefusedLikeTheFolderItPointsTo() throws {
        let (kit, output) = try builtKit()
        let owners = kit + "/owners-folder"
        try write("precious", to: owners + "/index.html")
        let link = kit + "/published"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: owners)
        XCTAssertThrowsError(try Deployer(output: output).deployDirectory(link)) { error in
            XCTAssertEqual(error as? Deployer.Failure, .notRefkitTarget(owners))
        }
        XCTAssertEqual(try String(contentsOfFile: owners + "/index.html", encoding: .utf8), "precious")
    }

    func testASymlinkInsideAnEarlierDeployIsReplacedNeverWrittenThrough() throws {
        let (kit, output) = try builtKit()
        let target = kit + "/published"
        _ = try Deployer(output: output).deployDirectory(target)
        let elsewhere = kit + "/elsewhere.html"
        try write("someone else's", to: elsewhere)
        try FileManager.default.removeItem(atPath: target + "/index.html")
        try FileManager.default.createSymbolicLink(atPath: target + "/index.html", withDestinationPath: elsewhere)
        let plan = try Deployer(output: output).deployDirectory(target)
        XCTAssertEqual(plan.changed, ["index.html"])
        XCTAssertEqual(try String(contentsOfFile: elsewhere, encoding: .utf8), "someone else's")
        XCTAssertEqual(DiskFileSystem().kind(at: target + "/index.html"), .file)
    }

    /// A snapshot of the published folder made with hard links (`cp -al`, `rsync --link-dest`)
    /// shares its files' inodes: a deploy that wrote into them in place changed the snapshot too
    /// (issue 29). Each changed file is a new file renamed over the old name.
    func testADeployNeverWritesIntoAFileASnapshotShares() throws {
        let (kit, output) = try builtKit()
        let target = kit + "/published", snapshot = kit + "/snapshot"
        _ = try Deployer(output: output).deployDirectory(target)
        let link = Process()
        link.executableURL = URL(fileURLWithPath: "/bin/cp")
        link.arguments = ["-al", target, snapshot]
        try link.run()
        link.waitUntilExit()
        let before = try String(contentsOfFile: snapshot + "/cara/index.html", encoding: .utf8)
        try write("name: Cara Renamed\nsegment: customer\n", to: kit + "/content/sources/cara.yml")
        XCTAssertNotNil(testBuilder().build(BuildRequest(kitDirectory: kit, date: fixtureDate)).summary)
        let plan = try Deployer(output: output).deployDirectory(target)
        XCTAssertTrue(plan.changed.contains("cara/index.html"), "\(plan)")
        XCTAssertTrue(try String(contentsOfFile: target + "/cara/index.html", encoding: .utf8).contains("Cara Renamed"))
        XCTAssertEqual(try String(contentsOfFile: snapshot + "/cara/index.html", encoding: .utf8), before, "the snapshot is as it was")
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: target + "/cara").contains { $0.hasSuffix(".refkit-new") })
    }

    func testATargetInsideTheOutputOrHoldingItIsRefused() throws {
        let (kit, output) = try builtKit()
        for target in [output + "/published", output, kit] {
            XCTAssertThrowsError(try Deployer(output: output).planDirectory(target)) { error in
                XCTAssertEqual(error as? Deployer.Failure, .targetInsideOutput(target))
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/published"))
    }

    func testAnOutputHalfWayThroughARebuildIsNotPublished() throws {
        let (kit, output) = try builtKit()
        try write("sources bolt-partners\n", to: OutputWriter.journalPath(of: output))
        XCTAssertThrowsError(try Deployer(output: output).deployDirectory(kit + "/published")) { error in
            XCTAssertEqual(error as? Deployer.Failure, .interruptedBuild(output))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/published"))
    }
}
