/// Bytes as lowercase hex digits, two a byte (`0a ff` → `0aff`): one writer for the digests, the
/// kept QR codes and the colours; `uppercaseHexDigit` for percent-encoding.
@inlinable public func hexDigits(of bytes: some Sequence<UInt8>) -> String {
    var digits: [UInt8] = []
    digits.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
        digits.append(lowercaseHexDigit(byte >> 4))
        digits.append(lowercaseHexDigit(byte & 0xF))
    }
    return String(decoding: digits, as: UTF8.self)
}

/// `0`–`9`, `a`–`f` for a nibble.
@inline(__always) @usableFromInline func lowercaseHexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
}

/// `0`–`9`, `A`–`F` for a nibble: a percent-encoded byte's digits.
@inlinable @inline(__always) public func uppercaseHexDigit(_ nibble: UInt8) -> UInt8 {
    nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
}
