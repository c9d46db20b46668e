import Foundation
import RefkitModel

/// A link-preview card (`S/card.png`, `assets/cards/LANG.png`), composed as SVG: pure, so the same
/// brand, names and words give the same bytes. At the top the brand's stripe; then the logos, each
/// placed by its shape (a partner's beside the business's, "×" between, in reading order); then
/// the names; then the kit's headline on the partner's (or the business's) primary colour. Right to
/// left for a language written that way: the logos change sides and the text stands at the right.
/// A side without a logo shows its name as a wordmark. Every text colour reads at 4.5:1 or more on
/// its background (`Color.readableText`, `Color.darkened`).
struct PreviewCard {
    static let width = 1200, height = 630
    /// The card's font: DejaVu Sans (Debian's fonts-dejavu-core), whose widths `TextFit` knows.
    static let font = "DejaVu Sans, sans-serif"
    static let margin = 72.0

    /// A side of the card: its name, and its logo when it has one.
    struct Side {
        var name: String
        var logo: Logo?
    }

    /// The partner's side (nil on the business's own card) and the business's.
    var partner: Side?
    var business: Side
    /// The names line: "Partner × Business" (`names` the partner's, `keep` " × Business", kept
    /// whole when the partner's must be shortened), or the business's name.
    var names: String
    var keep = ""
    var headline: String
    var language: String
    var rightToLeft: Bool
    /// The stripe along the top (the business's primary) and the headline's band (the partner's
    /// primary on its card, else the business's).
    var stripe: Color
    var band: Color

    func svg() -> String {
        let w = Double(Self.width)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="\(Self.width)" \
            height="\(Self.height)" viewBox="0 0 \(Self.width) \(Self.height)" xml:lang="\(Escape.html(language))">
            <rect width="\(Self.width)" height="\(Self.height)" fill="#ffffff"/>
            <rect width="\(Self.width)" height="14" fill="\(stripe)"/>

            """
        // The logos: two slots in reading order, or one in the middle.
        let sides = partner.map { rightToLeft ? [business, $0] : [$0, business] } ?? [business]
        if sides.count == 2 {
            svg += logo(sides[0], centerX: w / 4 + 18, slot: (460, 190))
            svg += "<text x=\"\(w / 2)\" y=\"196\" text-anchor=\"middle\" font-family=\"\(Self.font)\" font-size=\"56\" fill=\"#595959\">×</text>\n"
            svg += logo(sides[1], centerX: 3 * w / 4 - 18, slot: (460, 190))
        } else {
            svg += logo(sides[0], centerX: w / 2, slot: (640, 210))
        }
        // The names, in the brand's ink on white; the headline on the band.
        let ink = band.darkened()
        svg += text(names, keeping: keep, top: 282, bottom: 422, sizes: [48, 44, 40, 36, 32], lines: 2, colour: ink)
        svg += "<rect y=\"440\" width=\"\(Self.width)\" height=\"\(Self.height - 440)\" fill=\"\(band)\"/>\n"
        svg += text(headline, top: 440, bottom: Double(Self.height), sizes: [64, 58, 52, 46, 40], lines: 2, colour: band.readableText)
        return svg + "</svg>\n"
    }

    /// A side's logo in a slot of at most `slot` pixels centred at `centerX` (the logo row is 60 to
    /// 270 px down), or its name as a wordmark.
    private func logo(_ side: Side, centerX: Double, slot: (width: Double, height: Double)) -> String {
        let rowTop = 60.0, rowHeight = 210.0
        guard let logo = side.logo, let data = Self.dataURI(logo) else {
            let fitted = TextFit.fit(side.name, width: slot.width, sizes: [52, 46, 40, 34, 28], lines: 2)
            return lines(fitted, anchorX: centerX, anchor: "middle", top: rowTop, bottom: rowTop + rowHeight, colour: band.darkened())
        }
        let (width, height) = Self.size(of: logo, slot: slot)
        let x = centerX - width / 2, y = rowTop + (rowHeight - height) / 2
        return "<image x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "preserveAspectRatio=\"xMidYMid meet\" xlink:href=\"\(data)\"/>\n"
    }

    /// A logo's size on the card: every logo the same area to the eye, within the slot (as on the
    /// pages, `LogoPlace`).
    static func size(of logo: Logo, slot: (width: Double, height: Double)) -> (Double, Double) {
        let ratio = logo.ratio, area = slot.width * slot.height * 0.42
        var width = (area * ratio).squareRoot(), height = width / ratio
        if width > slot.width { (width, height) = (slot.width, slot.width / ratio) }
        if height > slot.height { (width, height) = (slot.height * ratio, slot.height) }
        return (width.rounded(), height.rounded())
    }

    /// The logo as a `data:` URI: the card is one SVG, and librsvg follows no other reference.
    private static func dataURI(_ logo: Logo) -> String? {
        if let svg = logo.svg { return "data:image/svg+xml;base64," + Data(svg).base64EncodedString() }
        if let bitmap = logo.bitmap { return "data:\(bitmap.mediaType);base64," + Data(bitmap.bytes).base64EncodedString() }
        return nil
    }

    /// `value` fitted across the card between the margins, centred between `top` and `bottom`.
    private func text(_ value: String, keeping suffix: String = "", top: Double, bottom: Double, sizes: [Double], lines count: Int,
                      colour: Color) -> String {
        let fitted = TextFit.fit(value, keeping: suffix, width: Double(Self.width) - 2 * Self.margin, sizes: sizes, lines: count)
        let x = rightToLeft ? Double(Self.width) - Self.margin : Self.margin
        return lines(fitted, anchorX: x, anchor: "start", top: top, bottom: bottom, colour: colour)
    }

    /// Fitted lines as one `<text>`, a `<tspan>` a line, the block centred between `top` and
    /// `bottom`. Right to left, `start` is the right edge (`direction="rtl"`).
    private func lines(_ fitted: (size: Double, lines: [String]), anchorX: Double, anchor: String, top: Double, bottom: Double,
                       colour: Color) -> String {
        let (size, lines) = fitted
        let lineHeight = size * 1.22
        // The first baseline: the block's height centred, a line's baseline 0.8 of its size down.
        let first = top + (bottom - top - lineHeight * Double(lines.count)) / 2 + (lineHeight - size) / 2 + size * 0.8
        let direction = rightToLeft ? " direction=\"rtl\"" : ""
        var text = "<text x=\"\(Self.number(anchorX))\" y=\"\(Self.number(first))\" text-anchor=\"\(anchor)\"\(direction) "
            + "font-family=\"\(Self.font)\" font-weight=\"bold\" font-size=\"\(Self.number(size))\" fill=\"\(colour)\">"
        for (index, line) in lines.enumerated() {
            text += "<tspan x=\"\(Self.number(anchorX))\" y=\"\(Self.number(first + lineHeight * Double(index)))\">\(Escape.html(line))</tspan>"
        }
        return text + "</text>\n"
    }

    /// A coordinate as SVG writes it: an integer, or one decimal.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
