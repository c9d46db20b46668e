import RefkitBuild
import RefkitI18n
import RefkitModel

/// A message's two bodies from its paragraphs: plain text (each link on its own line), and HTML
/// with the e-mail's look (a 600-pixel table, inline styles, the logo as PNG, a dark-mode
/// stylesheet for the programs that honour one).
enum MessageText {
    static func plain(_ body: MessageWriter.Body) -> String {
        var lines = [body.greeting, ""]
        for paragraph in body.paragraphs { lines += [paragraph, ""] }
        if !body.list.isEmpty { lines += body.list.map { "- " + $0 } + [""] }
        for paragraph in body.after { lines += [paragraph, ""] }
        if let value = body.value { lines += [value.text, value.url, ""] }
        lines += [body.link.label, body.link.url, "", body.kit.label, body.kit.url, ""]
        lines += body.signoff + ["", "-- ", body.footer]
        return lines.joined(separator: "\n") + "\n"
    }

    static func html(_ body: MessageWriter.Body, subject: String, language: String, brand: MailBrand, site: Site) -> String {
        let e = Escape.html
        let font = "font-family:Arial,Helvetica,sans-serif;"
        let p = "<p style=\"margin:0 0 16px 0;\">"
        func link(_ url: String) -> String {
            "<a href=\"\(e(url))\" dir=\"ltr\" style=\"color:\(brand.primaryLine);word-break:break-all;\">\(e(url))</a>"
        }
        var html = """
        <!DOCTYPE html>
        <html lang="\(e(language))" dir="\(Language.direction(of: language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="supported-color-schemes" content="light dark">
        <title>\(e(subject))</title>
        <style>
        @media (prefers-color-scheme: dark) {
          .rk-page { background-color: #111111 !important; }
          .rk-card { background-color: #1c1c1e !important; color: #f2f2f2 !important; }
          .rk-card a { color: #9ecbff !important; }
          .rk-foot { color: #c7c7cc !important; border-color: #3a3a3c !important; }
        }
        </style>
        </head>
        <body class="rk-page" style="margin:0;padding:0;background-color:#f4f4f1;">
        <main>
        <table role="presentation" class="rk-page" style="width:100%;border-collapse:collapse;border-spacing:0;background-color:#f4f4f1;">
        <tr><td style="padding:24px 12px;text-align:center;">
        <table role="presentation" class="rk-card" style="width:100%;max-width:600px;margin:0 auto;table-layout:fixed;border-collapse:collapse;border-spacing:0;background-color:#ffffff;color:#1d1d1f;text-align:start;">

        """
        if let logo = brand.logo {
            html += "<tr><td style=\"padding:20px 28px 8px 28px;\"><img src=\"\(e(logo.url))\" alt=\"\(e(logo.alt))\" width=\"\(logo.width)\" height=\"\(logo.height)\" style=\"display:inline-block;max-width:100%;height:auto;border:0;\"></td></tr>\n"
        }
        html += "<tr><td style=\"background-color:\(brand.primary);color:\(brand.onPrimary);padding:16px 28px;\"><h1 style=\"margin:0;\(font)font-size:20px;line-height:26px;font-weight:bold;color:\(brand.onPrimary);\">\(e(subject))</h1></td></tr>\n"
        html += "<tr><td style=\"padding:28px;\(font)font-size:16px;line-height:24px;overflow-wrap:break-word;\">\n"
        html += p + e(body.greeting) + "</p>\n"
        for paragraph in body.paragraphs { html += p + e(paragraph) + "</p>\n" }
        if !body.list.isEmpty {
            html += "<ul style=\"margin:0 0 16px 0;padding-inline-start:20px;\">" + body.list.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        }
        for paragraph in body.after { html += p + e(paragraph) + "</p>\n" }
        if let value = body.value {
            html += "<p style=\"margin:0 0 16px 0;padding:12px 16px;border-inline-start:4px solid \(brand.primaryLine);\"><a href=\"\(e(value.url))\" style=\"color:\(brand.primaryLine);font-weight:bold;\">\(e(value.text))</a></p>\n"
        }
        html += p + e(body.link.label) + "<br>" + link(body.link.url) + "</p>\n"
        html += p + e(body.kit.label) + "<br>" + link(body.kit.url) + "</p>\n"
        html += "<p style=\"margin:0;\">" + body.signoff.map(e).joined(separator: "<br>") + "</p>\n</td></tr>\n"
        html += "<tr><td class=\"rk-foot\" style=\"padding:16px 28px;border-top:1px solid #e3e3e0;\(font)font-size:12px;line-height:18px;color:#5f5f66;\">\(e(body.footer))</td></tr>\n"
        html += "</table>\n</td></tr>\n</table>\n</main>\n</body>\n</html>\n"
        return html
    }
}
