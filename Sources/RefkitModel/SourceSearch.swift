extension Array where Element == Source {
    /// Where the source `slug` is, in sources sorted by slug (as a `Kit`'s are): a binary search.
    public func firstIndex(ofSlug slug: some StringProtocol) -> Int? {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle].slug < slug { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low].slug == slug ? low : nil
    }
}
