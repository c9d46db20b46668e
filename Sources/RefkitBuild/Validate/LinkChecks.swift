import Foundation
import RefkitMarkdown
import RefkitModel

/// Every link and image in kit pages and offers must reach something the source's site has:
/// a page, an offer, refkit's own files, or an asset. Runs in `validate`, so a build never ships a
/// broken link.
enum LinkChecks {
    static let blockedSchemes: Set<String> = ["javascript", "vbscript", "data"]

    static func check(pages: [Page], offers: [Offer], assets: [Asset], unlisted: Bool, diagnostics: inout [Diagnostic]) {
        let assetPaths = Set(assets.map(\.outputPath))
        let pagesBySlug = Dictionary(uniqueKeysWithValues: pages.map { ($0.slug, $0) })
        var sourceFiles: Set<String> = ["index.html", "handout.html", "email.html", "email.txt", "qr.svg"]
        sourceFiles.formUnion(pages.map { "\($0.slug).html" })
        sourceFiles.formUnion(offers.map { "offers/\($0.id).html" })
        let candidates = sourceFiles.sorted()

        func check(_ body: MarkdownBody, file: String, depth: Int, audience: Audience) {
            for link in Markdown.links(in: body.text) {
                let location = SourceLocation(file: file, line: body.firstLine + link.line - 1, column: link.column)
                let destination = link.destination
                if destination.isEmpty || destination.hasPrefix("#") || destination.contains("{{") || destination.contains("%7B%7B") {
                    continue
                }
                if let scheme = scheme(of: destination) {
                    if blockedSchemes.contains(scheme.lowercased()) {
                        diagnostics.append(.error("'\(scheme):' links are not allowed (they run code or hide content in a partner's browser)", at: location))
                    }
                    continue
                }
                if destination.hasPrefix("//") { continue }
                var path = String(destination.prefix { $0 != "?" && $0 != "#" })
                path = path.removingPercentEncoding ?? path
                if path.hasPrefix("/") {
                    diagnostics.append(.error("'\(destination)' is an absolute path; write it relative (e.g. assets/x.png or how-to-refer.html) so the site works under any address", at: location))
                    continue
                }
                if path.hasPrefix("assets/") {
                    if !assetPaths.contains(path) {
                        diagnostics.append(.error("'\(path)' does not exist: put the file in content/assets/", at: location))
                    }
                    continue
                }
                // Relative to the source's folder: offers live one folder down.
                var target = path
                if depth == 2 {
                    if target.hasPrefix("../") { target.removeFirst(3) } else { target = "offers/" + target }
                }
                if target == "../index.html", !unlisted { continue }
                guard sourceFiles.contains(target) else {
                    var message = "link to '\(destination)' goes nowhere: no page, offer or refkit file has that name"
                    if depth == 2, sourceFiles.contains(path) {
                        message += "; did you mean '../\(path)'? (offers are one folder down)"
                    } else if let suggestion = closest(to: target, among: candidates) {
                        message += "; did you mean '\(depth == 2 ? (suggestion.hasPrefix("offers/") ? String(suggestion.dropFirst(7)) : "../" + suggestion) : suggestion)'?"
                    }
                    diagnostics.append(.error(message, at: location))
                    continue
                }
                if target.hasSuffix(".html"), let linked = pagesBySlug[String(target.dropLast(5))] {
                    for segment in Segment.allCases where audience.includes(segment) && !linked.audience.includes(segment) {
                        diagnostics.append(.warning("\(segment.rawValue)s get this page but not \(target), which is for \(linked.audience.rawValue): the link is broken for them", at: location))
                    }
                }
            }
        }

        for page in pages { check(page.body, file: page.file, depth: 1, audience: page.audience) }
        for offer in offers { check(offer.body, file: offer.file, depth: 2, audience: offer.audience) }
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
