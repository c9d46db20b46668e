import RefkitI18n
import RefkitModel
import RefkitTemplates

/// `short_links: true`: `r/CODE/index.html` for every source, a page that forwards the visitor to
/// the source's referral link (a meta refresh and a plain link, no script, not indexed), and
/// `_redirects`, the same as `/r/CODE LINK 302` lines for hosts that read it. Files every source
/// shares: they list every source, so a build writes them all, and only when one changed.
extension SiteRenderer {
    public func shortLinkFiles() -> [OutputFile] {
        guard kit.site.shortLinks else { return [] }
        let sources = kit.sources.sorted { $0.code < $1.code }
        var redirects = ""
        var files: [OutputFile] = []
        for source in sources {
            let link = source.referralLink(in: kit.site), language = language(of: source)
            let words = words(for: language)
            let continueText = words.text("short_link_continue", ["site": kit.site.name])
            // What a chat shows when the short link is pasted: the business, on the source's card.
            let path = OutputPlan.shortLinkPage(code: source.code)
            var head = ViewObject()
            head["preview"] = .object(preview(path: path, title: kit.site.name, description: continueText,
                                              parts: previewParts(source: source, language: language)).viewObject)
            // The tags every page's head has: the `preview` partial (the kit's own, if it has one).
            let tags = String(decoding: templates.render("preview", head), as: UTF8.self)
            let page = """
                <!DOCTYPE html>
                <html lang="\(Escape.html(language))" dir="\(Language.direction(of: language))">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <meta http-equiv="refresh" content="0; url=\(Escape.html(link))">
                \(tags)<title>\(Escape.html(kit.site.name))</title>
                </head>
                <body>
                <main>
                <h1>\(Escape.html(kit.site.name))</h1>
                <p><a href="\(Escape.html(link))">\(Escape.html(continueText))</a></p>
                </main>
                </body>
                </html>

                """
            files.append(OutputFile(path: path, text: page))
            redirects += "/r/\(source.code) \(link) 302\n"
        }
        files.append(OutputFile(path: OutputPlan.redirectsFile, text: redirects))
        return files
    }
}
