/// A BCP 47 language tag as refkit uses it: its language subtag, its direction, and the order in
/// which tables and translated pages are looked up for it (FORMAT.md, "Languages").
public enum Language {
    /// Whether `tag` is a well-formed BCP 47 tag as refkit takes them: a 2–3 letter language
    /// subtag, then subtags of 1–8 letters or digits (`en`, `de-AT`, `pt-BR`, `zh-Hant-TW`).
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// `de` for `de-AT`, `pt` for `pt-BR`.
    public static func subtag(of tag: String) -> String {
        String(tag.prefix { $0 != "-" }).lowercased()
    }

    /// Languages written right to left (FORMAT.md names ar, he, fa and ur; ICU agrees, and so do
    /// their old codes iw and ji, and Yiddish, Pashto, Sindhi, Dhivehi, Kurdish Sorani, Uyghur).
    static let rightToLeft: Set<String> = ["ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "sd", "dv", "ckb", "ug"]

    public static func isRightToLeft(_ tag: String) -> Bool {
        let parts = tag.lowercased().split(separator: "-")
        // A script subtag says it outright: `az-Arab` is right to left, `ku-Latn` is not.
        if parts.contains(where: { ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].contains($0) }) { return true }
        if parts.contains(where: { ["latn", "cyrl"].contains($0) }) { return false }
        return rightToLeft.contains(subtag(of: tag))
    }

    /// `dir`'s value for the tag.
    public static func direction(of tag: String) -> String { isRightToLeft(tag) ? "rtl" : "ltr" }

    /// Where words for `tag` are looked for, first to last, each once: the tag as given, its
    /// language subtag, the site's language (and its subtag), `en`.
    public static func lookupChain(for tag: String, siteLanguage: String) -> [String] {
        var chain: [String] = []
        for candidate in [tag, subtag(of: tag), siteLanguage, subtag(of: siteLanguage), "en"] where !chain.contains(candidate) {
            chain.append(candidate)
        }
        return chain
    }
}
