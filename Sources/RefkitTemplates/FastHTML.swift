import Mustache
import RefkitModel

/// HTML escaping for the built-in templates (`&lt; &gt; &amp; &quot; &#39;`), over UTF-8 bytes
/// with a fast path for text that needs none (`HTMLEscaping`). It also escapes what swift-mustache's
/// own escaping misses: that works by Character, so a `"` followed by a combining mark is one
/// Character, not in its table, and would end an attribute value. swift-mustache escapes Character by Character through a dictionary (measured at
/// about 200 instructions a character, a quarter of a build); its content-type pragma lets the
/// built-in templates use this instead. swift-mustache resets the content type for every partial
/// and parent, so each built-in template that escapes starts with the pragma. A kit's own templates
/// without it render the same bytes through the default path.
struct FastHTMLContentType: MustacheContentType {
    /// The pragma name: `{{% CONTENT_TYPE: REFKIT_HTML}}`.
    static let name = "REFKIT_HTML"

    /// Registers the content type with swift-mustache, once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
