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

    /// The tag up to its first extension or private use (`-u-…`, `-x-…`): language, script,
    /// region and variants. `ar` for `ar-u-nu-latn`.
    public static func withoutExtensions(_ tag: String) -> String {
        let parts = tag.split(separator: "-")
        let end = parts.dropFirst().firstIndex { $0.count == 1 } ?? parts.endIndex
        return parts[..<end].joined(separator: "-")
    }

    /// The identifier Foundation's formatters take for `tag`: ICU's form, the Unicode extension's
    /// numbering system as a keyword (`hi-IN@numbers=deva` for `hi-IN-u-nu-deva`). Foundation
    /// stops the program on a BCP 47 `-u-nu-` tag; refkit writes every date in the Gregorian
    /// calendar, so `-u-ca-` and the other keys are left out.
    public static func localeIdentifier(_ tag: String) -> String {
        let base = withoutExtensions(tag)
        let parts = tag.lowercased().split(separator: "-").map(String.init)
        guard let u = parts.firstIndex(of: "u"), u > 0 else { return base }
        var index = u + 1, numbers: String?
        while index < parts.count, parts[index].count != 1 {
            if parts[index] == "nu", index + 1 < parts.count, (3...8).contains(parts[index + 1].count),
               parts[index + 1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                numbers = parts[index + 1]
            }
            index += 1
        }
        return numbers.map { base + "@numbers=" + $0 } ?? base
    }

    public static func isRightToLeft(_ tag: String) -> Bool {
        let parts = withoutExtensions(tag).lowercased().split(separator: "-")
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
