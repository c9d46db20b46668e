/// A validated sRGB colour, written `#RGB` or `#RRGGBB` in a kit and always `#rrggbb` in output.
/// Only validated colours reach CSS: HTML escaping does not protect a style sheet.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public let red: UInt8
    public let green: UInt8
    public let blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public init?(hex text: String) {
        guard text.first == "#" else { return nil }
        var digits = Array(text.dropFirst())
        guard digits.count == 3 || digits.count == 6, digits.allSatisfy(\.isHexDigit) else { return nil }
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        let value = Int(String(digits), radix: 16)!
        self.init(red: UInt8(value >> 16 & 0xFF), green: UInt8(value >> 8 & 0xFF), blue: UInt8(value & 0xFF))
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 255, green: 255, blue: 255)

    public var description: String {
        // Written straight into a small string (seven bytes): a brand's colours are read for
        // every source and depth.
        String(unsafeUninitializedCapacity: 7) { text in
            let digit = lowercaseHexDigit
            text[0] = UInt8(ascii: "#")
            (text[1], text[2]) = (digit(red >> 4), digit(red & 0xF))
            (text[3], text[4]) = (digit(green >> 4), digit(green & 0xF))
            (text[5], text[6]) = (digit(blue >> 4), digit(blue & 0xF))
            return 7
        }
    }

    /// WCAG 2.2 relative luminance.
    public var relativeLuminance: Double {
        let linear = Self.linear
        return 0.2126 * linear[Int(red)] + 0.7152 * linear[Int(green)] + 0.0722 * linear[Int(blue)]
    }

    /// Each of the 256 channel values made linear, as WCAG 2.2 defines it: worked out once, not
    /// with a `pow` per channel each time a brand's colours are compared (every page of a source).
    private static let linear: [Double] = (0...255).map { value in
        let c = Double(value) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// WCAG 2.2 contrast ratio, from 1 to 21.
    public func contrast(with other: Color) -> Double {
        let (a, b) = (relativeLuminance, other.relativeLuminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour, mixed with black just enough (in 5% steps) to reach `ratio` against
    /// `background`: a brand colour that can be used as text on white. Unchanged if it already does.
    public func darkened(toContrast ratio: Double = 4.5, against background: Color = .white) -> Color {
        var mix = 0.0
        var color = self
        while color.contrast(with: background) < ratio, mix < 1 {
            mix = min(1, mix + 0.05)
            func channel(_ value: UInt8) -> UInt8 { UInt8((Double(value) * (1 - mix)).rounded()) }
            color = Color(red: channel(red), green: channel(green), blue: channel(blue))
        }
        return color
    }

    /// Black or white, whichever reads better on this colour.
    public var readableText: Color {
        contrast(with: .black) >= contrast(with: .white) ? .black : .white
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
