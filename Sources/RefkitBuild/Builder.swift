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
        DispatchQueue.global().async(group: savingParses) { parses.save(pruning: true) }
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

    /// What `renderAndWrite` wrote: each rendered source's page count and print key, and which
    /// shared entries (the directory page) changed.
    private struct Written {
        var pages: [String: Int]
        var prints: [String: String]
        var otherEntries: [String]
    }

    /// Renders `sources` and writes them to the staging folder; with `whole`, also the files every
    /// source shares (theme, assets), else only the directory page, and only if its bytes changed.
    private func renderAndWrite(_ sources: [Source], kit: Kit, renderer: SiteRenderer, writer: OutputWriter,
                                request: BuildRequest, store: CardStore, whole: Bool, directoryMayChange: Bool) throws(BuildFailure) -> Written {
        // Files every source shares: the theme and the kit's assets (read only to bundle or print).
        var theme = renderer.themeFiles()
        let styleSheet = theme
        // The e-mail's PNG logos: needed before the sources when bundling (each zip holds the ones it
        // links to), else drawn beside the sources as one more job.
        let logosFirst = request.bundle
        if logosFirst { theme += try renderer.emailLogoFiles(store: store) }
        var assets: [OutputFile] = []
        if request.bundle || request.pdf != nil {
            for asset in kit.assets {
                do {
                    assets.append(OutputFile(path: asset.outputPath,
                                             contents: try PublishedAsset.read(asset, kitDirectory: request.kitDirectory, fileSystem: fileSystem)))
                } catch {
                    throw .output(.fileSystem(error))
                }
            }
        }
        let sharedInBundles = theme + (request.bundle ? assets : [])
        // --pdf: the pages print with the style sheet and assets they link to.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let printing = request.pdf.map {
            PrintStep(program: $0, kit: kit, date: renderer.date, writer: writer, shared: styleSheet + assets, tabs: cores + 1)
        }
        defer { printing?.stop() }
        // The directory page, when this build writes it, is one more job: it lists every source,
        // so on a rebuild of one source it takes as long as that source and runs beside it.
        let writesDirectory = (request.shard?.writesSharedFiles ?? true) && (whole || directoryMayChange)
        let directory = ParallelResults<OutputFile?>(count: 1)
        let emailLogos = ParallelResults<[OutputFile]>(count: 1)
        let drawsLogos = whole && !logosFirst && writesDirectory
        let progress = Progress()
        let pages = ParallelResults<Int>(count: sources.count)
        let printKeys = ParallelResults<String>(count: sources.count)
        // The link-preview cards: the rendered partners' in batches (a helper process each, its
        // fonts loaded once; `CardBatches`), and on a whole build the business's, one more batch.
        let cards = CardBatches(renderer: renderer, partners: sources.filter { $0.segment == .partner }, business: whole && writesDirectory,
                                batches: request.jobs ?? cores, store: store)
        let extraJobs = (writesDirectory ? 1 : 0) + (drawsLogos ? 1 : 0) + cards.jobs
        parallelForEach(sources.count + extraJobs, jobs: request.jobs ?? cores) { job in
            guard !progress.failed else { return }
            // The logos and cards first (drawing them takes as long as a few sources), then the sources.
            if drawsLogos, job == 0 {
                do throws(BuildFailure) { return emailLogos.set(0, try renderer.emailLogoFiles(store: store)) } catch { return progress.fail(error, at: Progress.logos) }
            }
            let drawn = drawsLogos ? job - 1 : job
            if drawn < cards.jobs {
                do throws(BuildFailure) {
                    let files = try cards.draw(drawn)
                    do throws(OutputWriter.Failure) { try writer.write(files) } catch { throw .output(error) }
                } catch { progress.fail(error, at: Progress.cards) }
                return
            }
            let index = drawn - cards.jobs
            guard index < sources.count else { return directory.set(0, renderer.renderDirectory()) }
            let source = sources[index]
            let files = renderer.render(source: source)
            do {
                try writer.write(files)
                var pdfs: [OutputFile] = []
                if let printing {
                    let prints = try printing.prints(for: source, files: files, folder: renderer.directoryName(for: source))
                    try writer.write(prints.printed)
                    printKeys.set(index, prints.record)
                    if request.bundle { pdfs = try prints.printed + writer.readKept(prints.kept) }
                }
                if request.bundle {
                    let zip = try Bundle.zip(files + pdfs + Bundle.referenced(sharedInBundles, by: files), date: renderer.date)
                    try writer.write([OutputFile(path: OutputPlan.bundle(ofSourceFolder: renderer.directoryName(for: source)), contents: zip)])
                }
                let count = files.filter { $0.path.hasSuffix(".html") }.count
                pages.set(index, count)
                request.progress?(progress.add(pages: count), sources.count)
            } catch let error as OutputWriter.Failure {
                progress.fail(.output(error), at: index)
            } catch let error as PrintFailure {
                progress.fail(.print(error), at: index)
            } catch {
                progress.fail(.output(.bundle("\(error)")), at: index)
            }
        }
        if let failure = progress.failure { throw failure }
        // A whole build keeps only the cards it used: the store holds no card of a past kit.
        if whole { cards.store.prune() }
        let slugs = sources.map(\.slug)
        var written = Written(pages: Dictionary(uniqueKeysWithValues: zip(slugs, pages.all)),
                              prints: printing == nil ? [:] : Dictionary(uniqueKeysWithValues: zip(slugs, printKeys.all)), otherEntries: [])

        do {
            try writeShared(theme: theme, emailLogos: drawsLogos ? emailLogos.all[0] : [], directoryPage: writesDirectory ? directory.all[0] : nil,
                            writesDirectory: writesDirectory, whole: whole, into: &written, kit: kit, renderer: renderer,
                            writer: writer, request: request)
        } catch {
            throw .output(error)
        }
        return written
    }

    /// After the sources: the files they share. The short links, the network blog, the directory
    /// page and, on a whole build, the theme, the e-mail's logos and the kit's assets.
    private func writeShared(theme: [OutputFile], emailLogos: [OutputFile], directoryPage: OutputFile?, writesDirectory: Bool,
                             whole: Bool, into written: inout Written, kit: Kit, renderer: SiteRenderer, writer: OutputWriter,
                             request: BuildRequest) throws(OutputWriter.Failure) {
        // Short links list every source, and the network blog shows its authors' names, logos
        // and websites: on a partial build each is written again (all of it) only when one of
        // its files changed, came or went.
        let writesShared = request.shard?.writesSharedFiles ?? true
        let shortLinks = writesShared ? renderer.shortLinkFiles() : []
        let network = writesShared ? renderer.renderNetwork() : []
        if !whole {
            for (files, entries) in [(shortLinks, OutputPlan.Shared.shortLinks.entries), (network, OutputPlan.Shared.network.entries)] {
                try writeIfChanged(files, entries: entries, into: &written, writer: writer)
            }
        }
        guard writesDirectory else { return }
        guard whole else {
            if let directoryPage, writer.previous?.hash(of: directoryPage.path) != Manifest.hash(directoryPage.contents) {
                try writer.write([directoryPage])
                written.otherEntries.append(directoryPage.path)
            }
            return
        }
        try writer.write(theme + emailLogos + shortLinks + network + [directoryPage].compactMap { $0 })
        for asset in kit.assets {
            guard let real = PublishedAsset.realPath(of: asset, kitDirectory: request.kitDirectory, fileSystem: fileSystem) else {
                throw .fileSystem(FileSystemError(path: kitPath(asset, request), reason: PublishedAsset.refusal))
            }
            try writer.copy(from: real, to: asset.outputPath)
        }
    }

    /// On a partial build: writes `files`, which make up the shared output `entries`, when they
    /// differ from what the previous build recorded there, and records those entries as swapped.
    private func writeIfChanged(_ files: [OutputFile], entries: [String], into written: inout Written,
                                writer: OutputWriter) throws(OutputWriter.Failure) {
        guard !files.isEmpty, let previous = writer.previous else { return }
        let now = Dictionary(uniqueKeysWithValues: files.map { ($0.path, Manifest.hash($0.contents)) })
        guard previous.files(inEntries: entries) != now else { return }
        try writer.write(files)
        written.otherEntries += entries
    }

    private func kitPath(_ asset: Asset, _ request: BuildRequest) -> String {
        request.kitDirectory + "/" + asset.file
    }
}

/// Counts and the first failure, shared by the render workers.
private final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var _pages = 0
    private var _sources = 0
    private var _failure: BuildFailure?
    private var failedIndex = Int.max

    var pages: Int { lock.withLock { _pages } }
    var failure: BuildFailure? { lock.withLock { _failure } }
    var failed: Bool { failure != nil }

    /// Adds a finished source's pages; returns how many sources are done.
    func add(pages: Int) -> Int { lock.withLock { _pages += pages; _sources += 1; return _sources } }
    /// Ranks below every source's: a logo's failure (naming the one logo) outranks a card's (which carries two).
    static let logos = -2, cards = -1
    /// Records the failure of source `index`: the first source's that failed, in source order (jobs
    /// start in that order, so every source before it ran), whichever thread came first.
    func fail(_ failure: BuildFailure, at index: Int) {
        lock.withLock {
            if index < failedIndex { (_failure, failedIndex) = (failure, index) }
        }
    }
}
