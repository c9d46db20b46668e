import Foundation
import RefkitModel
import RefkitPrint
import RefkitTemplates

/// The pipeline: load → validate → render → write, in that order, each step a separate type.
public struct Builder: Sendable {
    public var fileSystem: any FileSystem
    public var dateResolver: BuildDateResolver

    public init(fileSystem: any FileSystem = DiskFileSystem(), dateResolver: BuildDateResolver) {
        self.fileSystem = fileSystem
        self.dateResolver = dateResolver
    }

    /// Steps 1 and 2 only: what `refkit check` runs, and what every build runs first.
    public func check(_ request: BuildRequest) -> Result<(date: Day, validated: ValidatedKit), BuildFailure> {
        let date: Day
        do { date = try dateResolver.resolve(option: request.date) } catch {
            return .failure(.badDate(error))
        }
        if let problem = KitFolder.problem(request.kitDirectory, fileSystem: fileSystem) { return .failure(.notAKit(problem)) }
        // (check keeps nothing in the kit: it reads the card and parse stores, writes nothing there.
        // `refkit serve`, which checks after every save, remembers its parses in memory instead.)
        let store = CardStore(kitDirectory: request.kitDirectory, fileSystem: fileSystem, keeps: false)
        let parses = ContentMemo.shared.isKeeping ? nil : ParseStore(kitDirectory: request.kitDirectory, fileSystem: fileSystem, keeps: false)
        return .success((date, loadAndValidate(request, on: date, fileSystem: fileSystem, store: store, parses: parses)))
    }

    /// `store`: asked which SVG logos librsvg reads (those it read in an earlier build are not read
    /// again); `parses`: the YAML trees of files parsed before.
    private func loadAndValidate(_ request: BuildRequest, on date: Day, fileSystem: any FileSystem, store: CardStore,
                                 parses: ParseStore?) -> ValidatedKit {
        // 1. load
        let loaded = KitLoader(fileSystem: fileSystem, kitDirectory: request.kitDirectory, parses: parses).load()
        // 2. validate
        return KitValidator.validate(loaded, on: date, secret: request.secret, checkLedger: request.checkLedger,
                                     renderMode: request.renderMode, readLogos: store.readLogos)
    }

    public func build(_ request: BuildRequest) -> BuildOutcome {
        var request = request
        let date: Day
        do { date = try dateResolver.resolve(option: request.date) } catch {
            return BuildOutcome(diagnostics: [], result: .failure(.badDate(error)))
        }
        if let problem = KitFolder.problem(request.kitDirectory, fileSystem: self.fileSystem) {
            return BuildOutcome(diagnostics: [], result: .failure(.notAKit(problem)))
        }
        // Every input is read once: for the fingerprint, then from memory by the loader.
        let fileSystem = CachingFileSystem(self.fileSystem, inputs: ["content", "templates"].map { request.kitDirectory + "/" + $0 })
        // What the kit declares it publishes is part of every build of it (`--pdf`, `--bundle` add).
        let declared = KitValidator.declaredOutputs(kitDirectory: request.kitDirectory, fileSystem: fileSystem)
        request.bundle = request.bundle || declared.bundles
        if declared.pdf, request.pdf == nil {
            do { request.pdf = try ChromiumProgram.locate(environment: request.environment) } catch {
                return BuildOutcome(diagnostics: [], result: .failure(.print(error)))
            }
        }
        let output = request.outputDirectory ?? request.kitDirectory + "/output"
        // One build at a time per output folder, from the first look at it to the last rename.
        let lock: OutputLock
        do { lock = try OutputLock(output: output, fileSystem: fileSystem) } catch {
            return BuildOutcome(diagnostics: [], result: .failure(.output(error)))
        }
        defer { lock.release() }
        let writer = OutputWriter(fileSystem: fileSystem, output: output)

        // 0. Nothing changed since the last build (same inputs, options and refkit): nothing to do.
        let inputs = InputScan.scan(request, date: date.description, fileSystem: fileSystem)
        if let previous = Rebuild.upToDate(writer, inputs) {
            try? writer.clearLeftovers()
            let summary = BuildSummary(sources: previous.sources.count, pages: previous.pages, output: output, date: date, upToDate: true)
            return BuildOutcome(diagnostics: previous.diagnostics + PrintStep.warnings(in: previous.sources), result: .success(summary))
        }

        // 1. load and 2. validate: always the whole kit, so every diagnostic is reported. Drawn
        // cards, e-mail logos and librsvg's readings of logos are kept in the kit's cache
        // (`CardStore`), and so are the YAML trees parsed (`ParseStore`).
        let store = CardStore(kitDirectory: request.kitDirectory, fileSystem: fileSystem, keeps: request.keepsCards)
        let parses = ParseStore(kitDirectory: request.kitDirectory, fileSystem: fileSystem, keeps: request.keepsCards)
        let validated = loadAndValidate(request, on: date, fileSystem: fileSystem, store: store, parses: parses)
        // The YAML trees are kept whether or not the kit is valid (fixing one file parses only it),
        // written while the sources render.
        let savingParses = DispatchGroup()
        DispatchQueue.global().async(group: savingParses) { parses.save() }
        defer { savingParses.wait() }
        guard let kit = validated.kit, let templates = validated.templates else {
            let errors = validated.diagnostics.filter { $0.severity == .error }.count
            return BuildOutcome(diagnostics: validated.diagnostics, result: .failure(.invalidKit(errors: errors)))
        }

        // 3. render, one source at a time, sources in parallel, and 4. write each as it is rendered;
        // then put the new files in place of the old (`Rebuild`: all of them, or only what changed).
        let qrCodes = QRStore(kitDirectory: request.kitDirectory, fileSystem: fileSystem, keeps: request.keepsCards)
        let renderer = SiteRenderer(kit: kit, templates: templates, date: date, secret: request.secret, ledger: validated.ledger, qrCodes: qrCodes)
        let sources = kit.sources.filter { request.shard?.includes($0.slug) ?? true }
        let rebuild = Rebuild(writer: writer, inputs: inputs, sources: sources, renderer: renderer, bundle: request.bundle,
                              writesShared: request.shard?.writesSharedFiles ?? true)
        do {
            try writer.begin()
            let written = try renderAndWrite(rebuild.rendered, kit: kit, renderer: renderer, writer: writer, request: request, store: store,
                                             whole: rebuild.isWhole, directoryMayChange: rebuild.directoryMayChange)
            // A whole build keeps only the QR codes it used, as it does the cards.
            qrCodes.save(pruning: rebuild.isWhole && request.shard == nil)
            let writesShared = request.shard?.writesSharedFiles ?? true
            let otherPages = writesShared ? (kit.site.unlisted ? 0 : 1) + renderer.networkPageCount : 0
            let manifest = try rebuild.commit(pages: written.pages, prints: written.prints, otherEntries: written.otherEntries,
                                              otherPages: otherPages, diagnostics: validated.diagnostics)
            var summary = BuildSummary(sources: manifest.sources.count, pages: manifest.pages, output: output, date: date,
                                       rendered: rebuild.rendered.count)
            // PDFs or zips an earlier build made and this one was not asked for (options change a
            // build's fingerprint, so such a build is whole): removed, and said so.
            if rebuild.isWhole, request.pdf == nil || !request.bundle, let previous = writer.previous {
                summary.removedHandOuts = previous.files.keys.filter {
                    BuildSummary.isHandOut($0, pdfs: request.pdf == nil, bundles: !request.bundle)
                }.sorted()
            }
            return BuildOutcome(diagnostics: validated.diagnostics + PrintStep.warnings(in: manifest.sources), result: .success(summary))
        } catch {
            writer.abort()
            return BuildOutcome(diagnostics: validated.diagnostics, result: .failure(BuildFailure(error)))
        }
    }
}
