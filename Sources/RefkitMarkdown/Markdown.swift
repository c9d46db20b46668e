import CMarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML, through libcmark-gfm.
///
/// This is the only place in refkit that touches the C API. cmark-gfm 0.29's parser is not
/// thread-safe (`cmark_parser_finish` mutates a process-global table; concurrent parses silently
/// lose autolinks), so every parse and render here is serialised behind one lock. refkit parses
/// each kit page once per build, so the lock is never on the per-source hot path.
public enum Markdown {
    /// The GFM extensions every document gets.
    public static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders `markdown` as an HTML fragment.
    /// - Parameters:
    ///   - allowRawHTML: keep raw HTML blocks and inline HTML (the kit's `unsafe_html: true`).
    ///     When false, cmark replaces raw HTML with `<!-- raw HTML omitted -->` and drops
    ///     `javascript:`-style URLs.
    ///   - rewriteURL: called with the destination of every link and image; a non-nil result
    ///     replaces it (refkit uses this to make `assets/…` paths relative to the page).
    public static func html(
        _ markdown: String,
        allowRawHTML: Bool = false,
        rewriteURL: (String) -> String? = { _ in nil }
    ) -> String {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return parse(markdown, options: options) { parser, document in
            rewriteDestinations(in: document, with: rewriteURL)
            // The parser's extension list must reach the renderer, or tagfilter and tasklist do nothing.
            guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        } ?? ""
    }

    /// A link or image destination as written, with where its node starts (line and column from 1,
    /// relative to the Markdown text).
    public struct Link: Equatable, Sendable {
        public var destination: String
        public var isImage: Bool
        public var line: Int
        public var column: Int

        public init(destination: String, isImage: Bool, line: Int, column: Int) {
            self.destination = destination
            self.isImage = isImage
            self.line = line
            self.column = column
        }
    }

    /// Every link and image destination in `markdown`, in document order.
    ///
    /// cmark-gfm 0.29 gets inline nodes' lines right but not their columns on continuation lines,
    /// so the column is where the destination first appears on that line (1 if it is not there
    /// as written, e.g. when entity-encoded).
    public static func links(in markdown: String) -> [Link] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        return parse(markdown, options: CMARK_OPT_DEFAULT) { _, document in
            var links: [Link] = []
            var cursor: (line: Int, index: Substring.Index)?
            forEachLink(in: document) { node in
                guard let url = cmark_node_get_url(node) else { return }
                let destination = String(cString: url)
                let line = Int(cmark_node_get_start_line(node))
                var column = 1
                if lines.indices.contains(line - 1), !destination.isEmpty {
                    let text = lines[line - 1]
                    let from = cursor?.line == line ? cursor!.index : text.startIndex
                    // As written after "](" or "<", else anywhere; later links on a line are found after earlier ones.
                    let found = text[from...].firstRange(of: "](" + destination).map { text.index($0.lowerBound, offsetBy: 2) }
                        ?? text[from...].firstRange(of: "<" + destination).map { text.index(after: $0.lowerBound) }
                        ?? text[from...].firstRange(of: destination)?.lowerBound
                    if let found {
                        column = text.unicodeScalars.distance(from: text.startIndex, to: found) + 1
                        cursor = (line, text.index(found, offsetBy: destination.count, limitedBy: text.endIndex) ?? text.endIndex)
                    }
                }
                links.append(Link(destination: destination, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                  line: line, column: column))
            }
            return links
        } ?? []
    }

    /// Parses `markdown` with every GFM extension attached and hands the parser and document to
    /// `body`, all under the lock. nil if cmark could not allocate a parser.
    private static func parse<T>(_ markdown: String, options: Int32,
                                 _ body: (_ parser: OpaquePointer, _ document: OpaquePointer) -> T) -> T? {
        lock.lock()
        defer { lock.unlock() }
        _ = registered
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensions {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// Calls `visit` with every link and image node.
    private static func forEachLink(in document: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { visit(node) }
        }
    }

    private static func rewriteDestinations(in document: OpaquePointer, with rewrite: (String) -> String?) {
        forEachLink(in: document) { node in
            guard let url = cmark_node_get_url(node), let replacement = rewrite(String(cString: url)) else { return }
            cmark_node_set_url(node, replacement)
        }
    }

    private static let lock = NSLock()

    /// `cmark_gfm_core_extensions_ensure_registered()` runs exactly once, on first use
    /// (a `static let` initialiser is run once, thread-safely).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
}
