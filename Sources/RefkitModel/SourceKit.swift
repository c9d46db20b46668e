/// What each source gets of a kit: the model's answer, used by the renderer, `refkit list` and
/// validation alike.
extension Kit {
    /// The pages a source gets: those whose audience includes its segment, in navigation order,
    /// each in the source's language where a translation exists.
    public func pages(for source: Source) -> [Page] {
        let language = language(of: source)
        return pages.filter { $0.kind != .share && $0.audience.includes(source.segment) }
            .map { translation(of: $0, \.translations, to: language) }
    }

    /// The `kind: share` page a source gets (the first, in navigation order), in its language: what
    /// its `share.html` says. Nil: refkit's own words.
    public func sharePage(for source: Source) -> Page? {
        pages.first { $0.kind == .share && $0.audience.includes(source.segment) }
            .map { translation(of: $0, \.translations, to: language(of: source)) }
    }

    /// The published offers a source gets: those it names, else those whose audience matches,
    /// each in the source's language where a translation exists.
    public func offers(for source: Source) -> [Offer] {
        let language = language(of: source)
        let chosen = source.offerIDs.map { ids in ids.compactMap { id in offers.first { $0.id == id } } }
            ?? offers.filter { $0.audience.includes(source.segment) }
        return chosen.map { translation(of: $0, \.translations, to: language) }
    }

    /// The language a source reads: its own, else the site's.
    public func language(of source: Source) -> String { source.language ?? site.language }

    /// The translation a reader of `tag` gets (FORMAT.md: the tag as given, then its language
    /// subtag), or the original, which is in the site's language.
    public func translation<Item>(of item: Item, _ translations: KeyPath<Item, [String: Item]>, to tag: String) -> Item {
        let table = item[keyPath: translations]
        guard !table.isEmpty else { return item }
        return table[tag] ?? table[String(tag.prefix { $0 != "-" })] ?? item
    }
}

/// What the one-page handout has room for: the first trigger phrases and steps (validation warns
/// when a page has more; the page itself shows them all).
public enum Handout {
    public static let phrases = 6
    public static let steps = 5
}
