import Foundation

/// Lines of text fitted to a width without a browser, for the link-preview card: how wide a text
/// is drawn, estimated from the advance widths of DejaVu Sans Bold (the card's font; Debian's
/// fonts-dejavu-core), then wrapped at spaces and made smaller until it fits. The estimate errs
/// wide (a letter it does not know counts as wide as the widest of its script), so a fitted line
/// is never cut at the card's edge; a text too long for the lines at the smallest size ends in "…"
/// at a space, never inside a word.
enum TextFit {
    /// Advance widths of DejaVu Sans Bold, in thousandths of an em, for U+0020 to U+007E (read from
    /// the font with fontTools: `hmtx` advance × 1000 / 2048).
    private static let ascii: [Int] = [
        348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
        696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
        733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
        712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ]

    /// The width of `character` in thousandths of an em: an accented Latin letter as its base
    /// letter (with room for a wider one), Arabic letters as wide as their joined forms are at most, and
    /// anything else a full em.
    static func advance(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if (0x20...0x7E).contains(value) { return ascii[Int(value) - 0x20] }
        if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) || (0x64B...0x65F).contains(value) { return 0 }
        if value == 0xD7 || value == 0xB7 { return 838 }
        if (0xC0...0x24F).contains(value) || (0x1E00...0x1EFF).contains(value) {
            let base = String(character).decomposedStringWithCanonicalMapping.unicodeScalars.first?.value ?? value
            if (0x20...0x7E).contains(base) { return ascii[Int(base) - 0x20] + 60 }
            return 1_100
        }
        if (0x600...0x6FF).contains(value) || (0xFB50...0xFEFF).contains(value) { return 640 }
        return 1_000
    }

    /// How wide `text` is drawn at `size` pixels.
    static func width(of text: String, size: Double) -> Double {
        Double(text.reduce(0) { $0 + advance($1) }) * size / 1000
    }

    /// `text` and then `suffix` in at most `lines` lines of at most `width` pixels, at the largest
    /// of `sizes` (in pixels, largest first) where they fit; else at the smallest, `text` shortened
    /// with "…" (at a space if it can) and `suffix` kept whole after it: "A very long partner … ×
    /// Business" keeps the business's name on the card.
    static func fit(_ text: String, keeping suffix: String = "", width: Double, sizes: [Double], lines: Int) -> (size: Double, lines: [String]) {
        func fitting(_ candidate: String, _ size: Double) -> [String]? {
            let wrapped = wrap(candidate, width: width, size: size)
            return wrapped.count <= lines && wrapped.allSatisfy({ Self.width(of: $0, size: size) <= width }) ? wrapped : nil
        }
        for size in sizes {
            if let wrapped = fitting(text + suffix, size) { return (size, wrapped) }
        }
        let size = sizes.last ?? 16
        if !suffix.isEmpty {
            var words = text.split(separator: " ").map(String.init)
            while words.count > 1 {
                words.removeLast()
                if let wrapped = fitting(words.joined(separator: " ") + " …" + suffix, size) { return (size, wrapped) }
            }
            var letters = words.first ?? ""
            while !letters.isEmpty {
                letters.removeLast()
                if let wrapped = fitting(letters + "…" + suffix, size) { return (size, wrapped) }
            }
        }
        return shortened(text + suffix, width: width, size: size, lines: lines)
    }

    /// `text` at `size` in `lines` lines, its last line ending in "…" (at a space if it can).
    private static func shortened(_ text: String, width: Double, size: Double, lines: Int) -> (size: Double, lines: [String]) {
        var wrapped = Array(wrap(text, width: width, size: size).prefix(lines))
        var last = wrapped.removeLast().split(separator: " ").map(String.init)
        while !last.isEmpty, Self.width(of: last.joined(separator: " ") + " …", size: size) > width { last.removeLast() }
        // One word too long for a line even alone: shortened letter by letter (the only way left).
        if last.isEmpty, let word = wrap(text, width: width, size: size).dropFirst(wrapped.count).first {
            var letters = String(word)
            while !letters.isEmpty, Self.width(of: letters + "…", size: size) > width { letters.removeLast() }
            return (size, wrapped + [letters + "…"])
        }
        return (size, wrapped + [last.joined(separator: " ") + " …"])
    }

    /// Greedy wrapping at spaces: as many words on a line as fit (a word wider than a line alone
    /// stands on its own line).
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if line.isEmpty || Self.width(of: candidate, size: size) <= width {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
