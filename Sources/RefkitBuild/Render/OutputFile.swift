/// A rendered file, held in memory until `write`.
public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output directory, with `/` separators.
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
