/// What an incremental build is about to swap into the output folder: written there (as
/// `.refkit-journal`) before the first swap, removed once the manifest records the result. A
/// build that finds one knows the swaps were interrupted, and reads the manifest through it
/// (`Manifest.applying`).
public struct Journal: Sendable, Equatable {
    public static let format = "refkit-journal 1"
    /// Slug → folder of every source being rendered again or removed.
    public var sources: [String: String]
    /// Output entries being replaced or removed (see `Manifest.entry(of:)`).
    public var entries: [String]

    public init(sources: [String: String], entries: [String]) {
        self.sources = sources
        self.entries = entries
    }

    public var bytes: [UInt8] {
        var text = Self.format + "\n"
        for slug in sources.keys.sorted() { text += "source \(slug) \(Manifest.escape(sources[slug]!))\n" }
        for entry in entries.sorted() { text += "entry \(Manifest.escape(entry))\n" }
        return Array(text.utf8)
    }

    public init?(bytes: [UInt8]) {
        let lines = bytes.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        guard lines.first == Self.format else { return nil }
        var sources: [String: String] = [:], entries: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            switch (fields[0], fields.count) {
            case ("source", 3): sources[fields[1]] = Manifest.unescape(fields[2])
            case ("entry", 2...): entries.append(Manifest.unescape(String(line.dropFirst("entry ".count))))
            default: return nil
            }
        }
        self.init(sources: sources, entries: entries)
    }
}
