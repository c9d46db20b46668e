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

    /// Whether text in `tag` is written right to left. Asked for every page a source has, so read
    /// straight from the tag's bytes: each subtag up to the first extension, lowercased and
    /// packed into a number (a subtag is at most eight ASCII letters or digits), no string made.
    public static func isRightToLeft(_ tag: String) -> Bool {
        var language: UInt64?, subtag: UInt64 = 0, length = 0
        var rightToLeftScript = false, leftToRightScript = false
        /// The subtag read so far ends; false at an extension (`-u-…`) or private use (`-x-…`).
        func endSubtag() -> Bool {
            defer { (subtag, length) = (0, 0) }
            if language == nil {
                language = subtag  // the language, even empty (`-ar` has none)
            } else if length == 0 {
                return true
            } else if length == 1 {
                return false
            }
            // A script subtag says it outright: `az-Arab` is right to left, `ku-Latn` is not.
            rightToLeftScript = rightToLeftScript || rightToLeftScripts.contains(subtag)
            leftToRightScript = leftToRightScript || leftToRightScripts.contains(subtag)
            return true
        }
        var reading = true
        for byte in tag.utf8 where reading {
            if byte == UInt8(ascii: "-") {
                reading = endSubtag()
            } else if length < 8, byte < 0x80 {
                subtag |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (8 * length)
                length += 1
            } else {  // too long, or not ASCII: a subtag no list holds
                (subtag, length) = (.max, 9)
            }
        }
        if reading { _ = endSubtag() }
        if rightToLeftScript { return true }
        if leftToRightScript { return false }
        return language.map(rightToLeftLanguages.contains) ?? false
    }

    /// A subtag's bytes as `isRightToLeft` packs them: the first in the lowest byte.
    private static func packed(_ subtag: String) -> UInt64 {
        subtag.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }

    private static let rightToLeftScripts = Set(["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"].map(packed))
    private static let leftToRightScripts = Set(["latn", "cyrl"].map(packed))
    private static let rightToLeftLanguages = Set(rightToLeft.map(packed))

    /// `dir`'s value for the tag.
    public static func direction(of tag: String) -> String { isRightToLeft(tag) ? "rtl" : "ltr" }

    /// `text` between FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069) when it
    /// holds a letter written the other way than `direction` ("ltr" or "rtl"): inserted into a
    /// sentence (a Latin name on an Arabic page, an Arabic one on an English page), it keeps its
    /// own order and the punctuation after it its place (UAX #9), in HTML, in plain text and in
    /// a mail program alike. As it is otherwise, so text of one direction is never touched.
    public static func isolated(_ text: String, in direction: String) -> String {
        let rightToLeftPage = direction == "rtl"
        let other = text.unicodeScalars.contains { scalar in
            isRightToLeftLetter(scalar) ? !rightToLeftPage : rightToLeftPage && scalar.properties.isAlphabetic
        }
        return other ? "\u{2068}" + text + "\u{2069}" : text
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms, and the right-to-left
    /// scripts beyond the Basic Multilingual Plane.
    static func isRightToLeftLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: scalar.properties.isAlphabetic
        default: false
        }
    }

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
