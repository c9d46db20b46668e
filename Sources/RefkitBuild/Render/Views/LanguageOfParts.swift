import RefkitI18n
import RefkitModel
import RefkitTemplates

/// Text shown in another language than its page's (an untranslated page, offer, library piece,
/// post or reward) carries its own `lang`, and `dir` where the direction differs (WCAG 3.1.2,
/// Language of Parts): a screen reader reads it with its own language's rules, a browser quotes it
/// with its own marks. The views hand templates the attribute ready to put in a tag
/// (`<article{{{page.lang_attr}}}>`): empty when the text is in the reader's language.
extension SiteRenderer {
    /// ` lang="en"` (with ` dir="ltr"` when its direction differs from the reader's) for text in
    /// `text` on a page read in `reader`; empty when both are one language.
    func langAttribute(_ text: String, reader: String) -> String {
        guard Language.subtag(of: text).lowercased() != Language.subtag(of: reader).lowercased() else { return "" }
        var attribute = " lang=\"\(HTMLEscaping.escape(text))\""
        let direction = Language.direction(of: text)
        if direction != Language.direction(of: reader) { attribute += " dir=\"\(direction)\"" }
        return attribute
    }

    /// The language of the reward a source's pages show: its own (written for it), the site's
    /// translated for its language, or `site.yml`'s as written.
    func rewardLanguage(of source: Source) -> String {
        let reader = language(of: source)
        return source.reward != nil || kit.site.rewards.translation(for: reader) != nil ? reader : kit.site.language
    }
}
