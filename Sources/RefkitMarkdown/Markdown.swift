import CMarkGFM
import Foundation

/// GitHub-flavoured Markdown to HTML, through libcmark-gfm.
///
/// This is the only place in refkit that touches the C API. cmark-gfm 0.29's parser is not
/// thread-safe (`cmark_parser_finish` mutates a process-global table; concurrent parses silently
/// lose autolinks), so every parse and render here is serialised behind one lock. refkit parses
/// each kit page once per build, so the lock is never on the per-source hot path.
public enum Markdown {
    /// How every document is parsed, for rendering and for finding its links alike (a footnote
    /// definition `[^1]: Ibid.` is a footnote, never a link to "Ibid.").
    static let parseOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// The GFM extensions every document gets.
    public static let extensions = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders `markdown` as an HTML fragment.
    /// - Parameters:
    ///   - allowRawHTML: keep raw HTML blocks and inline HTML (the kit's `unsafe_html: true`).
    ///     When false, cmark replaces raw HTML with `<!-- raw HTML omitted -->` and drops
    ///     `javascript:`-style URLs.
    ///   - rewriteURL: called with the destination of every link and image; a non-nil result
    ///     replaces it (refkit uses this to make `assets/…` paths relative to the page).
    ///   - topHeading: the level the body's highest heading gets (its others keep their distance
    ///     below it, never past `<h6>`): 2 puts a body beneath its page's `<h1>`; nil leaves them.
    public static func html(
        _ markdown: String,
        allowRawHTML: Bool = false,
        topHeading: Int? = nil,
        rewriteURL: (String) -> String? = { _ in nil }
    ) -> String {
        var options = parseOptions | CMARK_OPT_GITHUB_PRE_LANG
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return parse(markdown, options: options) { parser, document in
            rewriteDestinations(in: document, with: rewriteURL)
            if let topHeading { shiftHeadings(in: document, top: topHeading) }
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
        return parse(markdown, options: parseOptions) { _, document in
            var links: [Link] = []
            // Where the last link was found: its line, the byte after it and that byte's column.
            // Later links on a line are looked for after it, and columns counted on from it. A
            // destination not written as cmark gives it (entity-encoded) is looked for to the end
            // of the line, so each line has a budget of bytes to read (eight times its length):
            // past it, a link takes the column of the one before. Linear, whatever the line holds.
            var cursor = (line: 0, bytes: [UInt8](), offset: 0, column: 1, budget: 0)
            forEachLink(in: document) { node in
                guard let url = cmark_node_get_url(node) else { return }
                let destination = String(cString: url)
                let line = Int(cmark_node_get_start_line(node))
                var column = 1
                if lines.indices.contains(line - 1), !destination.isEmpty {
                    if cursor.line != line {
                        let bytes = Array(lines[line - 1].utf8)
                        cursor = (line, bytes, 0, 1, 8 * bytes.count + 4096)
                    }
                    column = cursor.column
                    if cursor.budget > 0 {
                        let (found, read) = find(Array(destination.utf8), in: cursor.bytes, from: cursor.offset)
                        cursor.budget -= read
                        if let found {
                            column = cursor.column + scalars(in: cursor.bytes[cursor.offset..<found])
                            let after = found + destination.utf8.count
                            (cursor.offset, cursor.column) = (after, column + scalars(in: cursor.bytes[found..<after]))
                        }
                    }
                }
                links.append(Link(destination: destination, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                                  line: line, column: column))
            }
            return links
        } ?? []
    }

    /// Where `destination` is written in `line` at or after `start`: its first place after `](` or
    /// `<`, else its first place at all; and how many bytes were read to know.
    private static func find(_ destination: [UInt8], in line: [UInt8], from start: Int) -> (place: Int?, read: Int) {
        var first: Int?
        var from = start
        while let place = search(destination, in: line, from: from) {
            first = first ?? place
            if place >= 2, line[place - 2] == UInt8(ascii: "]"), line[place - 1] == UInt8(ascii: "(") { return (place, place - start) }
            if place >= 1, line[place - 1] == UInt8(ascii: "<") { return (place, place - start) }
            from = place + 1
        }
        return (first, line.count - start)
    }

    /// The first place of `needle` (not empty) in `haystack` at or after `start`: memchr finds
    /// each candidate first byte, memcmp checks the rest.
    private static func search(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                var from = start
                while from + pin.count <= hay.count {
                    guard let hit = memchr(hay.baseAddress! + from, Int32(pin[0]), hay.count - pin.count + 1 - from) else { return nil }
                    let place = UnsafeRawPointer(hit) - hay.baseAddress!
                    if memcmp(hit, pin.baseAddress!, pin.count) == 0 { return place }
                    from = place + 1
                }
                return nil
            }
        }
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that do not continue a scalar.
    private static func scalars(in bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The most columns, and cells, a table may have. cmark-gfm 0.29.0.gfm.6 gives every row as many
    /// cells as the header has: a 5,000-column header over 2,000 one-letter lines took 77 s and
    /// 2.5 GB from a 10 KB file. A referral kit's tables are a few columns wide.
    public static let maximumTableColumns = 100
    public static let maximumTableCells = 100_000

    /// Why cmark should not be given `markdown`, with the line (from 1) to point at, or nil.
    /// Cheap: one pass over the lines, no parsing.
    public static func sizeProblem(in markdown: String) -> (line: Int, message: String)? {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 1
        while index < lines.count {
            defer { index += 1 }
            guard lines[index - 1].contains("|"), let columns = delimiterRowCells(lines[index]) else { continue }
            if columns > maximumTableColumns {
                return (index, "this table has \(columns) columns; a table may have at most \(maximumTableColumns)")
            }
            let rows = lines[(index + 1)...].prefix { !$0.allSatisfy(\.isWhitespace) }.count + 1
            if rows * columns > maximumTableCells {
                return (index, "this table has \(rows) rows of \(columns) columns; a table may have at most \(maximumTableCells) cells")
            }
        }
        return nil
    }

    /// The number of cells of a GFM table's delimiter row (`| --- | :-: |`), or nil if `line` is not one.
    private static func delimiterRowCells(_ line: Substring) -> Int? {
        var trimmed = line.drop { $0 == " " || $0 == "\t" }
        while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
        guard trimmed.contains("|") || trimmed.contains(":") else { return nil }
        if trimmed.first == "|" { trimmed = trimmed.dropFirst() }
        if trimmed.last == "|" { trimmed = trimmed.dropLast() }
        let cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
        for cell in cells {
            var dashes = cell.drop { $0 == " " || $0 == "\t" }
            while let last = dashes.last, last == " " || last == "\t" { dashes = dashes.dropLast() }
            if dashes.first == ":" { dashes = dashes.dropFirst() }
            if dashes.last == ":" { dashes = dashes.dropLast() }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
        }
        return cells.count
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

    /// Moves every heading by the same number of levels, so that the highest becomes `top`.
    private static func shiftHeadings(in document: OpaquePointer, top: Int) {
        var headings: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_HEADING else { continue }
            headings.append(node)
        }
        guard let highest = headings.map({ Int(cmark_node_get_heading_level($0)) }).min(), highest != top else { return }
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node)) + top - highest
            cmark_node_set_heading_level(node, Int32(min(6, max(1, level))))
        }
    }

    private static let lock = NSLock()

    /// `cmark_gfm_core_extensions_ensure_registered()` runs exactly once, on first use
    /// (a `static let` initialiser is run once, thread-safely).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()
}
