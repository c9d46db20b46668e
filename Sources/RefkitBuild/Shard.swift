/// `--shard i/n`: a deterministic split of the sources, so a CI matrix can build a huge roster on
/// several machines. A source belongs to shard `fnv1a(slug) mod n + 1`, which depends on nothing but
/// its slug (adding a source never moves another). Shard 1 also writes what every source shares
/// (the directory page, assets, the theme), so the union of all shards equals a whole build.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    public func includes(_ slug: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in slug.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    /// Whether this shard writes the files every source shares.
    public var writesSharedFiles: Bool { index == 1 }
}
