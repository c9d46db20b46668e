import Foundation
import RefkitModel
import RefkitPrint

/// Steps 3 and 4 of `Builder.build`: the sources rendered, one at a time and in parallel, each
/// written to the staging folder as it is rendered, then the files they share.
extension Builder {
    /// What `renderAndWrite` wrote: each rendered source's page count and print key, and which
    /// shared entries (the directory page) changed.
    struct Written {
        var pages: [String: Int]
        var prints: [String: String]
        var otherEntries: [String]
    }

    /// Renders `sources` and writes them to the staging folder; with `whole`, also the files every
    /// source shares (theme, assets), else only the directory page, and only if its bytes changed.
    func renderAndWrite(_ sources: [Source], kit: Kit, renderer: SiteRenderer, writer: OutputWriter,
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
