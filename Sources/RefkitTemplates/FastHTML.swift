import Mustache
import RefkitModel

/// HTML escaping for every template (`&lt; &gt; &amp; &quot; &#39;`), over UTF-8 bytes with a fast
/// path for text that needs none (`HTMLEscaping`). swift-mustache's own escaping works Character by
/// Character through a dictionary (measured at about 200 instructions a character, a quarter of a
/// build), and misses a `"` that a combining mark follows (one Character, not in its table), which
/// would end an attribute value. So refkit registers this one for the pragma names `REFKIT_HTML`
/// and `HTML`, and starts every template with the pragma (`TemplateSet.compile`): the built-in
/// templates in their text, a kit's own when they are compiled. swift-mustache resets the content
/// type for every partial and parent, so each template starts with it.
struct FastHTMLContentType: MustacheContentType {
    /// The pragma name: `{{% CONTENT_TYPE: REFKIT_HTML}}`.
    static let name = "REFKIT_HTML"

    /// Registers the content type with swift-mustache, once, before any template is parsed.
    static let registered: Void = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
        MustacheContentTypes.register(FastHTMLContentType(), named: "HTML")
    }()

    /// What a kit's template is given before its first line: a line of its own, which Mustache
    /// drops from the output (so a diagnostic's line is one less than swift-mustache's).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
