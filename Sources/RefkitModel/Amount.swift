/// An amount as the kit writes it: a ledger row's `value`, an offer's `amount`.
public enum Amount {
    /// Digits with up to two decimals (`1200`, `1200.50`), in hundredths; nil for anything else
    /// (a sign, a currency, a comma). Read from the bytes: a million ledger rows, no allocation.
    public static func hundredths(_ text: String) -> Int64? {
        var whole: Int64 = 0, fraction: Int64 = 0, fractionDigits = 0, seenPoint = false, seenDigit = false
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                let digit = Int64(byte - 0x30)
                if seenPoint {
                    guard fractionDigits < 2 else { return nil }
                    fraction = fraction * 10 + digit
                    fractionDigits += 1
                } else {
                    guard whole < 10_000_000_000_000 else { return nil }
                    whole = whole * 10 + digit
                    seenDigit = true
                }
            case UInt8(ascii: "."):
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
            default: return nil
            }
        }
        guard seenDigit, !seenPoint || fractionDigits > 0 else { return nil }
        return whole * 100 + (fractionDigits == 1 ? fraction * 10 : fraction)
    }
}
