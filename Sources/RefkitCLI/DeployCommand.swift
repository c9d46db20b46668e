import ArgumentParser
import Foundation
import RefkitBuild
import RefkitDeploy
import RefkitModel
import RefkitTemplates

struct DeployCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Publish output/ to the target in site.yml's deploy: (a folder, or a branch of a git remote).",
        discussion: """
            Builds the kit (nothing is rewritten when nothing changed), then publishes output/. In site.yml:
              deploy: { directory: /var/www/kits }               mirror output/ into a folder
              deploy: { directory: published }     relative: KIT/published/
              deploy: { git: git@host:me/kits.git, branch: gh-pages }   one commit of exactly output/

            A folder target gets new and changed files written and files output/ no longer has deleted; \
            refkit refuses a non-empty folder it has not deployed to before. A git target gets one commit \
            whose parent is the branch's head, by "refkit" at the build date, so the same output gives \
            the same commit; nothing is pushed when nothing changed.

            Examples:
              refkit deploy --dry-run          list what would change (+ added, ~ changed, - removed)
              refkit deploy
            """)

    @Argument(help: "The kit folder (default: the current folder).")
    var kitDirectory: String = "."

    @Option(name: .long, help: ArgumentHelp("The output folder to publish (default: KIT_DIR/output).", valueName: "dir"))
    var output: String?

    @Flag(name: .long, help: "List what would change; change nothing.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("The date of a git commit, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else today in UTC).", valueName: "date"))
    var date: String?

    func execute(in environment: CLIEnvironment) -> Int32 {
        let kit = environment.absolute(kitDirectory)
        let builder = Builder(fileSystem: environment.fileSystem,
                              dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        var outputFolder = output.map(environment.absolute) ?? kit + "/output"
        // A dry run changes nothing, output/ included: it builds into a folder of its own, removed after.
        if dryRun {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-deploy-\(UUID().uuidString)").path
            outputFolder = scratch + "/output"
        }
        defer { if dryRun { try? FileManager.default.removeItem(atPath: String(outputFolder.dropLast("/output".count))) } }
        // Publish the kit as it is now: build first (nothing is rewritten when nothing changed).
        var request = BuildRequest(kitDirectory: kit, outputDirectory: outputFolder, date: date,
                                   secret: environment.variables["REFKIT_SECRET"])
        request.renderMode = RenderMode(environment: environment.variables)
        request.environment = environment.variables
        request.keepsCards = !dryRun
        let outcome = builder.build(request)
        for diagnostic in outcome.diagnostics {
            environment.standardError(diagnostic.formatted(forTerminal: environment.errorIsTerminal) + "\n")
        }
        guard case .success(var summary) = outcome.result else {
            guard case .failure(let failure) = outcome.result else { return ExitStatus.contentErrors }
            environment.standardError("refkit: \(failure); nothing was deployed\n")
            if case .notAKit = failure { return ExitStatus.usage }
            return ExitStatus.contentErrors
        }
        if dryRun {
            // The dry run built into a folder of its own: what the real build would remove is what
            // output/ holds of PDFs and zips and this build did not make.
            let real = output.map(environment.absolute) ?? kit + "/output"
            let made = OutputWriter(fileSystem: environment.fileSystem, output: outputFolder).previous?.files ?? [:]
            summary.removedHandOuts = (OutputWriter(fileSystem: environment.fileSystem, output: real).previous?.files.keys ?? [:].keys)
                .filter { BuildSummary.isHandOut($0) && made[$0] == nil }.sorted()
        }
        if let note = summary.removalNote { environment.standardOutput("refkit: \(note)\n") }
        guard case .success(let checked) = builder.check(BuildRequest(kitDirectory: kit, date: date,
                                                                       secret: environment.variables["REFKIT_SECRET"])),
              let site = checked.validated.kit?.site else { return ExitStatus.contentErrors }
        guard let target = site.deploy else {
            environment.standardError("refkit: content/site.yml has no deploy: target; add deploy: { directory: PATH } or deploy: { git: REMOTE, branch: gh-pages }\n")
            return ExitStatus.contentErrors
        }
        let deployer = Deployer(fileSystem: environment.fileSystem, output: outputFolder)
        // Hold the output still while it is published: no build may swap it meanwhile.
        let lock: OutputLock
        do { lock = try OutputLock(output: outputFolder, fileSystem: environment.fileSystem) } catch {
            environment.standardError("refkit: \(error); nothing was deployed\n")
            return ExitStatus.contentErrors
        }
        defer { lock.release() }
        do {
            let plan: Deployer.Plan
            let place: String
            switch target {
            case .directory(let path):
                let absolute = path.hasPrefix("/") ? path : environment.absolute(kit + "/" + path)
                place = absolute
                plan = dryRun ? try deployer.planDirectory(absolute) : try deployer.deployDirectory(absolute)
            case .git(let remote, let branch):
                let resolved = remote.hasPrefix(".") ? environment.absolute(kit + "/" + remote) : remote
                place = "\(resolved) (branch \(branch))"
                plan = try deployer.deployGit(remote: resolved, branch: branch, date: summary.date, dryRun: dryRun)
            }
            for line in plan.lines { environment.standardOutput(line + "\n") }
            let counts = "\(plan.added.count) added, \(plan.changed.count) changed, \(plan.removed.count) removed"
            if plan.isEmpty {
                environment.standardOutput("refkit: nothing to deploy: \(place) already has this output\n")
            } else {
                environment.standardOutput("refkit: \(dryRun ? "would deploy" : "deployed") \(counts) to \(place)\n")
            }
            return ExitStatus.success
        } catch {
            environment.standardError("refkit: \(error)\n")
            return ExitStatus.contentErrors
        }
    }
}
