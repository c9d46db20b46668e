import Foundation
import RefkitMarkdown
import RefkitModel

/// Every link and image in kit pages and offers must reach something the source's site has:
/// a page, an offer, refkit's own files, or an asset. Runs in `validate`, so a build never ships a
/// broken link.
enum LinkChecks {
    static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// - Parameters:
    ///   - library: library pieces (`S/library/ID.html`) and their translations.
    ///   - posts: the network blog's posts (`network/SLUG.html`), which may link to each other, to
    ///     the blog's index and feed, to assets and to the web, never into a kit.
    /// - Parameter intake: the site has a refer-someone form (`refer.html`).
    /// - Parameter pdfs: the kit declares `outputs: { pdf: true }`: every build publishes the
    ///   handout's and offers' PDFs, so a link to one works.
    static func check(pages: [Page], offers: [Offer], library: [LibraryPiece] = [], posts: [NetworkPost] = [], assets: [Asset],
                      unlisted: Bool, intake: Bool = false, pdfs: Bool = false, log: DiagnosticLog) {
        let assetPaths = Set(assets.map(\.outputPath))
        // Two pages with one slug are an error already; the first one stands for both here.
        let pagesBySlug = Dictionary(pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        // What a source's folder holds, and the blog's (`OutputPlan`), whichever pages a source gets.
        let sourceFiles = Set(OutputPlan.files(pages: pages, offers: offers, library: library, intake: intake, partner: true, pdfs: pdfs).map(\.path))
        let printable = Set(OutputPlan.files(pages: [], offers: offers, library: [], intake: false, partner: false, pdfs: false).compactMap(\.printed?.path))
        let blogFiles = Set(OutputPlan.blogFiles(postSlugs: posts.map(\.slug)).map(\.path))
        let candidates = sourceFiles.sorted()

        func check(_ body: MarkdownBody, file: String, depth: Int, audience: Audience, folder: String = OutputPlan.offersFolder, inBlog: Bool = false) {
            // A body cmark would take minutes over is refused before cmark sees it.
            if let (line, message) = Markdown.sizeProblem(in: body.text) {
                log.append(.error(message, at: SourceLocation(file: file, line: body.firstLine + line - 1)))
                return
            }
            for link in Markdown.links(in: body.text) {
                let location = SourceLocation(file: file, line: body.firstLine + link.line - 1, column: link.column)
                let destination = link.destination
                if let name = placeholderInScheme(destination) {
                    log.append(.error(
                        "{{\(name)}} stands where the link's scheme goes, so a source's data could turn it into a 'javascript:' link; write the scheme out first (https://…, mailto:…) or start with {{referral.link}}",
                        at: location))
                    continue
                }
                // A written scheme is checked whatever placeholders follow it.
                if let scheme = scheme(of: destination) {
                    if blockedSchemes.contains(scheme.lowercased()) {
                        log.append(.error("'\(scheme):' links are not allowed (they run code or hide content in a partner's browser)", at: location))
                    }
                    continue
                }
                if destination.isEmpty || destination.hasPrefix("#") || destination.contains("{{") || destination.contains("%7B%7B") {
                    continue
                }
                if destination.hasPrefix("//") { continue }
                var path = String(destination.prefix { $0 != "?" && $0 != "#" })
                path = path.removingPercentEncoding ?? path
                if path.hasPrefix("/") {
                    log.append(.error("'\(destination)' is an absolute path; write it relative (e.g. assets/x.png or how-to-refer.html) so the site works under any address", at: location))
                    continue
                }
                if path.hasPrefix("assets/") {
                    if !assetPaths.contains(path) {
                        log.append(.error("'\(path)' does not exist: put the file in content/assets/", at: location))
                    }
                    continue
                }
                if inBlog {
                    if !blogFiles.contains(path) {
                        log.append(.error("link to '\(destination)' goes nowhere: a post may link to another post (SLUG.html), index.html, feed.xml or assets/, never into a kit", at: location))
                    }
                    continue
                }
                // Relative to the source's folder: offers and library pieces live one folder down.
                var target = path
                if depth == 2 {
                    if target.hasPrefix("../") { target.removeFirst(3) } else { target = folder + "/" + target }
                }
                if target == "../index.html", !unlisted { continue }
                guard sourceFiles.contains(target) else {
                    var message = "link to '\(destination)' goes nowhere: no page, offer or refkit file has that name"
                    if !pdfs, printable.contains(target) {
                        message = "link to '\(destination)' goes nowhere: refkit publishes the PDFs only when content/site.yml declares outputs: { pdf: true }"
                    } else if depth == 2, sourceFiles.contains(path) {
                        message += "; did you mean '../\(path)'? (\(folder == OutputPlan.offersFolder ? "offers" : "library pieces") are one folder down)"
                    } else if let suggestion = closest(to: target, among: candidates) {
                        message += "; did you mean '\(depth == 2 ? (suggestion.hasPrefix(OutputPlan.offersFolder + "/") ? String(suggestion.dropFirst(OutputPlan.offersFolder.count + 1)) : "../" + suggestion) : suggestion)'?"
                    }
                    log.append(.error(message, at: location))
                    continue
                }
                // Only partners have a card (`S/card.png`): a customer's copy of the page would link nothing.
                if target == OutputPlan.SourceFile.card.path, audience.includes(.customer) {
                    log.append(.warning("customers get this page but not \(target), which only partners have: the link is broken for them", at: location))
                }
                if target.hasSuffix(".html"), let linked = pagesBySlug[String(target.dropLast(5))] {
                    for segment in Segment.allCases where audience.includes(segment) && !linked.audience.includes(segment) {
                        log.append(.warning("\(segment.rawValue)s get this page but not \(target), which is for \(linked.audience.rawValue): the link is broken for them", at: location))
                    }
                }
            }
        }

        for page in pages { check(page.body, file: page.file, depth: 1, audience: page.audience) }
        for offer in offers { check(offer.body, file: offer.file, depth: 2, audience: offer.audience) }
        for piece in library { check(piece.body, file: piece.file, depth: 2, audience: piece.audience, folder: OutputPlan.libraryFolder) }
        for post in posts { check(post.body, file: post.file, depth: 1, audience: .all, inBlog: true) }
    }

    /// The placeholder that stands in a destination's scheme, where its value, once filled, would
    /// choose the scheme (`{{source.name}}:alert(1)` for a source named `javascript`): a
    /// placeholder in the run of scheme characters that a literal `:` ends. A filled value cannot
    /// hold a `:` itself (values are percent-encoded in destinations), so `{{source.slug}}.html`
    /// is fine. A destination may start with a URL field (`{{referral.link}}`): its value is a
    /// checked http(s) URL, scheme and all.
    static func placeholderInScheme(_ destination: String) -> String? {
        var rest = Substring(destination)
        var atStart = true
        var inScheme: String?
        while let first = rest.first {
            var matched = false
            for (open, close) in [("{{", "}}"), ("%7B%7B", "%7D%7D")] where rest.hasPrefix(open) {
                guard let end = rest.dropFirst(open.count).firstRange(of: close) else { continue }
                let name = rest[rest.index(rest.startIndex, offsetBy: open.count)..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                // An unknown name is reported as such (and left unfilled): one mistake, one error.
                guard Placeholder.fields.contains(name) else { return nil }
                if atStart, Placeholder.urlFields.contains(name) { return nil }
                inScheme = inScheme ?? name
                rest = rest[end.upperBound...]
                matched = true
                break
            }
            atStart = false
            if matched { continue }
            if first == ":" { return inScheme }
            guard first.isASCII, first.isLetter || first.isNumber || first == "+" || first == "." || first == "-" else { return nil }
            rest = rest.dropFirst()
        }
        return nil
    }

    /// The URL scheme (`https`, `mailto`, `javascript`), if the destination has one.
    static func scheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon].trimmingCharacters(in: .whitespaces)
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-" }) else { return nil }
        return scheme
    }
}
