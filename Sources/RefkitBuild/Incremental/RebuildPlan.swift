import RefkitModel

/// Which sources a build renders. A whole build renders every source and replaces the whole output
/// folder. When the previous build's manifest shows that nothing the sources share has changed
/// (site, pages, offers, templates, assets, ledger, date, options, refkit), only the sources whose
/// own file changed (or is new, or was being swapped in when a build was interrupted) are rendered,
/// and the folders of sources that are gone are removed.
struct RebuildPlan {
    /// The manifest the plan builds on; nil for a whole build.
    let previous: Manifest?
    let rendered: [Source]
    /// Slugs in the previous manifest that are no longer sources.
    let removed: [String]

    init(previous: Manifest?, inputs: InputScan, sources: [Source]) {
        guard let previous, previous.shared == inputs.shared else {
            (self.previous, rendered, removed) = (nil, sources, [])
            return
        }
        self.previous = previous
        rendered = sources.filter { source in
            guard let input = inputs.sources[source.slug], let record = previous.sources[source.slug] else { return true }
            return record.input != input || record.input == Manifest.SourceRecord.unknown
        }
        let current = Set(sources.map(\.slug))
        removed = previous.sources.keys.filter { !current.contains($0) }.sorted()
    }
}
