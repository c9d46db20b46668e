import RefkitModel

/// Everything a build does with the output it replaces, from the previous manifest to the
/// commit: whether anything changed at all, which sources to render (`RebuildPlan`), whether the
/// directory page may change, and, once they are written, the new manifest and how it goes in:
/// the whole staged folder swapped in one step, or (only some sources rendered) their folders one
/// by one under a `Journal`.
struct Rebuild {
    let writer: OutputWriter
    let inputs: InputScan
    let plan: RebuildPlan
    let renderer: SiteRenderer
    /// `--bundle`: a source's kit is its folder and its zip.
    let bundle: Bool

    /// - Parameter writesShared: this build writes the files every source shares (not a shard's
    ///   other than the first).
    init(writer: OutputWriter, inputs: InputScan, sources: [Source], renderer: SiteRenderer, bundle: Bool, writesShared: Bool = true) {
        self.writer = writer
        self.inputs = inputs
        self.renderer = renderer
        self.bundle = bundle
        plan = RebuildPlan(previous: writer.previous, inputs: inputs, sources: sources, posts: renderer.kit.network.count,
                           postsHash: { [renderer] in Self.postsHash(of: $0, renderer: renderer) },
                           sharedFiles: writesShared ? renderer.businessCardLanguages.map(OutputPlan.businessCard) : [])
    }

    /// The previous build's manifest, when its inputs, options and refkit were exactly these.
    static func upToDate(_ writer: OutputWriter, _ inputs: InputScan) -> Manifest? {
        guard let previous = writer.previous, previous.fingerprint == inputs.fingerprint else { return nil }
        return previous
    }

    /// The sources this build renders: all, or only those whose file changed.
    var rendered: [Source] { plan.rendered }
    /// Whether every source is rendered and the whole output folder replaced.
    var isWhole: Bool { plan.previous == nil }

    /// Whether a build that renders only `plan.rendered` must render the directory page again: a
    /// source came or went, or one shows something else there (rendering it lists every source).
    var directoryMayChange: Bool {
        guard let previous = plan.previous, plan.removed.isEmpty else { return true }
        return plan.rendered.contains { previous.sources[$0.slug]?.listing != listingHash(of: $0) }
    }

    /// What the manifest records of what `source`'s home lists of its posts.
    static func postsHash(of source: Source, renderer: SiteRenderer) -> String {
        Manifest.hash(Array(renderer.kit.posts(by: source).map { "\($0.slug)\u{0}\($0.title)\u{0}\($0.date)" }.joined(separator: "\n").utf8))
    }

    /// What the manifest records of what the directory page lists of `source`.
    private func listingHash(of source: Source) -> String {
        Manifest.hash(Array(renderer.listing(of: source).utf8))
    }

    /// What a source's kit is in the output: its folder, and its bundle with --bundle.
    private func entries(of folder: String) -> [String] {
        bundle ? [folder, OutputPlan.bundle(ofSourceFolder: folder)] : [folder]
    }

    /// Records what was written and puts it in place of the output.
    /// - Parameters:
    ///   - pages: HTML pages written per rendered source, by slug.
    ///   - prints: with `--pdf`, the print key of each rendered source's PDFs, by slug.
    ///   - otherEntries: shared entries written again on a partial build (the directory page).
    ///   - otherPages: pages outside the sources' folders.
    func commit(pages: [String: Int], prints: [String: String], otherEntries: [String], otherPages: Int,
                diagnostics: [Diagnostic]) throws(OutputWriter.Failure) -> Manifest {
        var records = plan.previous?.sources ?? [:]
        for slug in plan.removed { records[slug] = nil }
        for source in plan.rendered {
            records[source.slug] = Manifest.SourceRecord(input: inputs.sources[source.slug] ?? Manifest.SourceRecord.unknown,
                                                         folder: renderer.directoryName(for: source),
                                                         pages: pages[source.slug] ?? 0,
                                                         listing: listingHash(of: source),
                                                         prints: prints[source.slug] ?? Manifest.SourceRecord.unknown,
                                                         posts: Self.postsHash(of: source, renderer: renderer))
        }
        guard let previous = plan.previous else {
            var manifest = Manifest(fingerprint: inputs.fingerprint, shared: inputs.shared, sources: records,
                                    otherPages: otherPages, files: writer.placed)
            (manifest.diagnostics, manifest.network, manifest.posts) = (diagnostics, inputs.network, renderer.kit.network.count)
            try writer.commit(manifest)
            return manifest
        }
        // Only some sources: swap their folders (and bundles, and the directory page) one by one.
        // A removed source's folder is the one the previous manifest records (the plan only names
        // slugs that manifest has).
        var swapped: [String: String] = [:]
        for source in plan.rendered { swapped[source.slug] = renderer.directoryName(for: source) }
        var removedFolders: [String] = []
        for slug in plan.removed {
            guard let folder = previous.sources[slug]?.folder else { continue }
            swapped[slug] = folder
            removedFolders.append(folder)
        }
        let replaced = plan.rendered.flatMap { entries(of: renderer.directoryName(for: $0)) } + otherEntries
        let removed = removedFolders.flatMap(entries(of:))
        var manifest = previous
        (manifest.fingerprint, manifest.shared, manifest.sources, manifest.otherPages)
            = (inputs.fingerprint, inputs.shared, records, otherPages)
        manifest.forget(replaced + removed)
        manifest.record(writer.placed)
        (manifest.diagnostics, manifest.network, manifest.posts) = (diagnostics, inputs.network, renderer.kit.network.count)
        try writer.commit(manifest, journal: Journal(sources: swapped, entries: replaced + removed), replacing: replaced, removing: removed)
        return manifest
    }
}
