import RefkitModel

/// Which sources a build renders. A whole build renders every source and replaces the whole output
/// folder. When the previous build's manifest shows that nothing the sources share has changed
/// (site, pages, offers, templates, assets, ledger, date, options, refkit), only the sources whose
/// own file changed (or is new, or was being swapped in when a build was interrupted) are rendered,
/// and the folders of sources that are gone are removed. A changed post on the network blog (and
/// nothing else shared) renders the partners whose homes list other posts than before (the
/// post's author, before and after); the blog or its absence (every home links to it) changes
/// nothing less than a whole build.
struct RebuildPlan {
    /// The manifest the plan builds on; nil for a whole build.
    let previous: Manifest?
    let rendered: [Source]
    /// Slugs in the previous manifest that are no longer sources.
    let removed: [String]

    /// - Parameters:
    ///   - posts: how many posts this build publishes.
    ///   - postsHash: what a source's home lists of its posts (`Manifest.SourceRecord.posts`).
    ///   - sharedFiles: shared files this build must find in the output (the business's cards in
    ///     every customer's language): one the previous build did not write makes the build whole
    ///     (a customer moved to a language no card is drawn in yet).
    init(previous: Manifest?, inputs: InputScan, sources: [Source], posts: Int, postsHash: (Source) -> String, sharedFiles: [String] = []) {
        guard let previous, previous.shared == inputs.shared, (previous.posts > 0) == (posts > 0),
              sharedFiles.allSatisfy({ previous.hash(of: $0) != nil }) else {
            (self.previous, rendered, removed) = (nil, sources, [])
            return
        }
        self.previous = previous
        let networkChanged = previous.network != inputs.network
        rendered = sources.filter { source in
            if networkChanged, source.segment == .partner, previous.sources[source.slug]?.posts != postsHash(source) { return true }
            guard let input = inputs.sources[source.slug], let record = previous.sources[source.slug] else { return true }
            return record.input != input || record.input == Manifest.SourceRecord.unknown
        }
        let current = Set(sources.map(\.slug))
        removed = previous.sources.keys.filter { !current.contains($0) }.sorted()
    }
}
