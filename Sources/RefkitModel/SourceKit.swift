/// What each source gets of a kit: the model's answer, used by the renderer, `refkit list` and
/// validation alike.
extension Kit {
    /// The pages a source gets: those whose audience includes its segment, in navigation order.
    public func pages(for source: Source) -> [Page] {
        pages.filter { $0.audience.includes(source.segment) }
    }

    /// The published offers a source gets: those it names, else those whose audience matches.
    public func offers(for source: Source) -> [Offer] {
        if let ids = source.offerIDs {
            return ids.compactMap { id in offers.first { $0.id == id } }
        }
        return offers.filter { $0.audience.includes(source.segment) }
    }
}

/// What the one-page handout has room for: the first trigger phrases and steps (validation warns
/// when a page has more; the page itself shows them all).
public enum Handout {
    public static let phrases = 6
    public static let steps = 5
}
