import Foundation

/// Small checks on field values, shared by every document type.
enum Checks {
    /// `[a-z0-9][a-z0-9-]*`, at most 64 characters: source slugs, page slugs and offer ids.
    static func isSlug(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 64, isLowerAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// The slug a name was likely meant as: letters made plain ASCII (`Żółw` → `zolw`, ICU's
    /// Latin-ASCII), lower case, every other run of characters one `-`. Nil when none is left.
    static func slug(suggestedFor name: String) -> String? {
        let plain = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII; Lower"), reverse: false) ?? name.lowercased()
        var slug = ""
        for byte in plain.utf8 {
            if isLowerAlphanumeric(byte) { slug.append(Character(UnicodeScalar(byte))) } else if !slug.isEmpty, slug.last != "-" { slug.append("-") }
        }
        while slug.last == "-" { slug.removeLast() }
        slug = String(slug.prefix(64))
        while slug.last == "-" { slug.removeLast() }
        return isSlug(slug) ? slug : nil
    }

    /// `[A-Z0-9-]`, 3 to 32 characters.
    static func isCode(_ text: String) -> Bool {
        (3...32).contains(text.utf8.count) && text.utf8.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "-")
        }
    }

    /// A plain address: one `@`, a local part, and a domain with a dot; no spaces or brackets.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && !"<>()[]\\,;:\"'`".unicodeScalars.contains($0) }
    }

    /// An absolute http(s) URL with a host and no spaces, quotes or angle brackets.
    static func isWebURL(_ text: String) -> Bool {
        webURLProblem(text) == nil
    }

    /// Why `text` is not an absolute http(s) URL refkit will publish, or nil.
    static func webURLProblem(_ text: String) -> String? {
        guard isPlainWebURL(text) else { return "must be an http:// or https:// URL, not '\(text)'" }
        let authority = text.drop { $0 != "/" }.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return "must not carry a user name or password (user@…): every kit would publish it" }
        return nil
    }

    private static func isPlainWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else {
            return false
        }
        guard let host = rest.split(separator: "/", maxSplits: 1).first?.split(separator: "?").first?.split(separator: "#").first,
              !host.isEmpty else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>\"'`\\{}|^".unicodeScalars.contains($0) }
    }

    /// Why a path relative to `content/` is unsafe, or nil if it is fine: no `..`, not absolute,
    /// no backslashes or empty segments.
    static func pathProblem(_ path: String) -> String? {
        if path.hasPrefix("/") || path.hasPrefix("~") { return "must be relative to content/, not absolute" }
        if path.contains("\\") { return "must use / between folders" }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return "must not leave the kit (no '..')" }
        if segments.contains(where: { $0.isEmpty || $0 == "." }) { return "must not contain empty or '.' segments" }
        return nil
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
