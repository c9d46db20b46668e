/// The paper a source's PDFs are printed on (`paper:` in site.yml or a source's file).
public enum Paper: String, Sendable, Hashable, CaseIterable {
    case a4, letter

    /// Width and height in inches, as Chromium's `Page.printToPDF` takes them.
    public var inches: (width: Double, height: Double) {
        switch self {
        case .a4: (210 / 25.4, 297 / 25.4)
        case .letter: (8.5, 11)
        }
    }

    /// How people name it: "A4", "Letter".
    public var name: String { self == .a4 ? "A4" : "Letter" }

    /// The paper a reader of the language tag `tag` uses when nothing says which (FORMAT.md): US
    /// Letter where the tag's region is US, CA or MX, else A4.
    public static func usual(for tag: String) -> Paper {
        let subtags = tag.split(separator: "-").dropFirst()
        // The region is the 2-letter (or 3-digit) subtag after the language and an optional script.
        let region = subtags.first { $0.count == 2 || ($0.count == 3 && $0.allSatisfy(\.isNumber)) }
        return ["US", "CA", "MX"].contains(region?.uppercased() ?? "") ? .letter : .a4
    }
}

extension Kit {
    /// The paper `source`'s PDFs are printed on: its own, else the site's, else the usual one for
    /// the language it reads.
    public func paper(of source: Source) -> Paper {
        source.paper ?? site.paper ?? .usual(for: language(of: source))
    }
}
