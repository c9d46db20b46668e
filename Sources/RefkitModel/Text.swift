extension String {
    /// The text without leading and trailing whitespace. A value that starts and ends with a
    /// visible ASCII character (nearly every YAML scalar and ledger field) is returned as it is,
    /// without walking its characters: the ledger calls this four times per row.
    public func trimmingSpaces() -> String {
        guard let first = utf8.first, let last = utf8.last,
              !(0x21...0x7E).contains(first) || !(0x21...0x7E).contains(last) else { return self }
        var characters = Substring(self)
        while let head = characters.first, head.isWhitespace { characters = characters.dropFirst() }
        while let tail = characters.last, tail.isWhitespace { characters = characters.dropLast() }
        return String(characters)
    }
}
