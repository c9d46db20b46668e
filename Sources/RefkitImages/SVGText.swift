/// The text an SVG logo holds, as far as its size goes: the smallest `font-size` written on a
/// `<text>`, `<tspan>` or in a `style` (unitless or `px`, in the SVG's own units). A logo is drawn
/// large enough for that text to stand 10 px tall where the place has room (`LogoPlace`).
public enum SVGText {
    /// The smallest font size the SVG writes, or nil: no text (or none with a size refkit reads).
    public static func smallestFontSize(_ bytes: [UInt8]) -> Double? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.contains("<text") else { return nil }
        var sizes: [Double] = []
        for match in text.matches(of: /font-size\s*(?:=\s*["']|:\s*)([0-9]*\.?[0-9]+)(px)?\s*[;"'\s]/) {
            if let size = Double(match.1), size > 0 { sizes.append(size) }
        }
        return sizes.min()
    }
}
