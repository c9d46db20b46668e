import Mustache

/// HTML escaping for the built-in templates, byte for byte what swift-mustache's own escaping
/// produces (`&lt; &gt; &amp; &quot; &#39;`), but over UTF-8 bytes with a fast path for text that
/// needs none (`HTMLEscaping`). swift-mustache escapes Character by Character through a dictionary (measured at
/// about 200 instructions a character, a quarter of a build); its content-type pragma lets the
/// built-in templates use this instead. swift-mustache resets the content type for every partial
/// and parent, so each built-in template that escapes starts with the pragma. A kit's own templates
/// without it render the same bytes through the default path.
struct FastHTMLContentType: MustacheContentType {
    /// The pragma name: `{{% CONTENT_TYPE: REFKIT_HTML}}`.
    static let name = "REFKIT_HTML"

    /// Registers the content type with swift-mustache, once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        return HTMLEscaping.escape(text)
    }
}
