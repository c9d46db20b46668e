import RefkitModel

/// `output/network/feed.xml`: the blog as an Atom 1.0 feed (RFC 4287), every URL absolute under
/// `site.url`. Each entry's id is its page's URL, its dates the post's date at midnight UTC, its
/// content the post's HTML with `xml:base` set to the page (so its relative links resolve).
struct AtomFeed {
    var site: Site
    var posts: [NetworkPost]
    var authorName: (NetworkPost) -> String
    var html: (NetworkPost) -> String

    var text: String {
        let base = (site.url.hasSuffix("/") ? site.url : site.url + "/") + "network/"
        func stamp(_ day: Day) -> String { day.description + "T00:00:00Z" }
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\#(escape(site.language))">"#,
            "  <id>\(escape(base))</id>",
            "  <title>\(escape(site.name))</title>",
            "  <updated>\(stamp(posts.map(\.date).max()!))</updated>",
            #"  <link rel="self" type="application/atom+xml" href="\#(escape(base))feed.xml"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(escape(base))index.html"/>"#,
            "  <author><name>\(escape(site.name))</name></author>",
            "  <generator>refkit</generator>",
        ]
        for post in posts {
            let url = base + post.slug + ".html"
            lines += [
                "  <entry>",
                "    <id>\(escape(url))</id>",
                "    <title>\(escape(post.title))</title>",
                #"    <link rel="alternate" type="text/html" href="\#(escape(url))"/>"#,
                "    <published>\(stamp(post.date))</published>",
                "    <updated>\(stamp(post.date))</updated>",
                "    <author><name>\(escape(authorName(post)))</name></author>",
            ]
            if let summary = post.summary { lines.append("    <summary>\(escape(summary))</summary>") }
            lines += [
                #"    <content type="html" xml:base="\#(escape(url))">\#(escape(html(post)))</content>"#,
                "  </entry>",
            ]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text and attribute values: refkit's one HTML escaping (its entities are XML's too), less the
    /// control characters XML 1.0 does not allow (a feed holding one is not XML at all).
    private func escape(_ text: String) -> String {
        func isXML(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" || scalar == "\r" }
        guard !text.unicodeScalars.allSatisfy(isXML) else { return HTMLEscaping.escape(text) }
        return HTMLEscaping.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter(isXML))))
    }
}
