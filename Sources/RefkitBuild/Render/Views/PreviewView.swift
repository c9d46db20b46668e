import RefkitI18n
import RefkitModel
import RefkitTemplates

/// `preview`: what a link preview shows of a page (Open Graph and Twitter tags, the `preview`
/// partial in every page's head): its title and description, its address and its card, all
/// absolute under `site.url`. Every published HTML page has one but the e-mail (a mail body).
struct PreviewView: ViewModel {
    var title: String
    var description: String
    var url: String
    var image: String
    var imageAlt: String
    var locale: String
    var siteName: String

    static let fields: [ViewField<Self>] = [
        .text("title") { $0.title }, .text("description") { $0.description }, .text("url") { $0.url },
        .text("image") { $0.image }, .number("image_width") { _ in PreviewCard.width }, .number("image_height") { _ in PreviewCard.height },
        .text("image_alt") { $0.imageAlt }, .text("locale") { $0.locale }, .text("site_name") { $0.siteName },
    ]

    static let about: [String: String] = [
        "title": "the page's title (`og:title`)",
        "description": "what the page is for, a sentence (`og:description`)",
        "url": "the page's own address under `site.url` (`og:url`; a folder's `index.html` as the folder)",
        "image": "the page's card under `site.url`: the partner's `card.png`, else the business's `assets/cards/LANG.png`",
        "image_width": "the card's width in pixels (1200)",
        "image_height": "the card's height in pixels (630)",
        "image_alt": "the card's text alternative: the names and the headline it shows",
        "locale": "the page's language as Open Graph writes it (`pt_BR`, `de`)",
        "site_name": "the business's name (`og:site_name`)",
    ]
}

/// What a link preview shows of every page of one source (or of the blog, the directory, a short
/// link): its card, the card's text alternative, the language, and the lead a page without a
/// description of its own is described by. Made once per source, not once per page.
struct PreviewParts {
    var image: String
    var imageAlt: String
    var locale: String
    var siteName: String
    var lead: String
}

extension SiteRenderer {
    /// A job whose page carries its preview: `title` and `description` as the page has them, the
    /// card of `source` (a partner's own, else the business's in `language`).
    func job(_ template: String, path: String, view: KitFileView, title: String, description: String?, source: Source?,
             language: String) -> Job {
        job(template, path: path, view: view, title: title, description: description, preview: previewParts(source: source, language: language))
    }

    /// A job whose page carries its preview, its source's parts made already (`SourceContext.preview`).
    func job(_ template: String, path: String, view: KitFileView, title: String, description: String?, preview parts: PreviewParts) -> Job {
        var view = view
        view.preview = preview(path: path, title: title, description: description, parts: parts)
        return Job(template: template, path: path, view: view)
    }

    func preview(path: String, title: String, description: String?, parts: PreviewParts) -> PreviewView {
        PreviewView(
            title: title, description: description ?? parts.lead,
            url: absolute(path.hasSuffix("/index.html") || path == "index.html" ? String(path.dropLast("index.html".count)) : path),
            image: parts.image, imageAlt: parts.imageAlt, locale: parts.locale, siteName: parts.siteName)
    }

    /// The preview's parts for the pages of `source` (nil: the blog's, the directory's) read in
    /// `language`; `wordValues` are `wordValues(for: source, language: language)` when made already.
    func previewParts(source: Source?, language: String, wordValues: [String: String]? = nil) -> PreviewParts {
        let partner = source.flatMap { $0.segment == .partner ? $0 : nil }
        let words = words(for: language)
        return PreviewParts(
            image: absolute(cardPath(for: partner, language: language)),
            imageAlt: Branding.names(source: source, business: kit.site.name) + " · " + words.text("card_headline"),
            locale: String(language.map { $0 == "-" ? "_" : $0 }), siteName: kit.site.name,
            lead: words.text("home_lead", wordValues ?? self.wordValues(for: source, language: language)))
    }

    /// `path` (under the output folder) under `site.url`.
    func absolute(_ path: String) -> String {
        (kit.site.url.hasSuffix("/") ? kit.site.url : kit.site.url + "/") + path
    }
}
