import RefkitI18n
import RefkitModel

/// The rules of languages (FORMAT.md, "Languages"): a kit's own words in `templates/i18n/LANG.yml`,
/// and, once per language in use, what its readers get in a fallback language.
extension KitValidator {
    /// `templates/i18n/LANG.yml`, each a mapping of refkit's keys to text: by tag.
    static func validateWords(_ documents: [YAMLDocument], log: DiagnosticLog) -> [String: [String: String]] {
        let english = BuiltInWords.english
        var words: [String: [String: String]] = [:]
        for document in documents {
            let tag = String(document.file.split(separator: "/").last!.dropLast(".yml".count))
            guard Checks.isLanguageTag(tag) else {
                log.append(.error("'\(tag)' is not a BCP 47 tag such as de or pt-BR: name the file templates/i18n/TAG.yml",
                                  at: SourceLocation(file: document.file)))
                continue
            }
            guard let root = document.root, !root.isNull else { continue }
            guard let entries = root.entries else {
                log.append(.error("the file must map refkit's word keys to text (key: \"text\")", at: root.location))
                continue
            }
            var table: [String: String] = [:]
            for entry in entries {
                let base = String(entry.key.prefix { $0 != "." })
                guard let reference = english[entry.key] ?? english[base + ".other"] else {
                    var message = "'\(entry.key)' is not one of refkit's words: templates cannot use it"
                    if let near = closest(to: entry.key, among: BuiltInWords.keys) { message += "; did you mean '\(near)'?" }
                    log.append(.warning(message, at: entry.keyLocation))
                    continue
                }
                guard case .scalar(let text, _) = entry.value.value, !entry.value.isNull else {
                    log.append(.error("'\(entry.key)' must be text", at: entry.value.location))
                    continue
                }
                let allowed = Message.parameters(of: reference)
                if let unknown = Message.parameters(of: text).first(where: { !allowed.contains($0) }) {
                    let names = allowed.isEmpty ? "none" : allowed.map { "{\($0)}" }.joined(separator: ", ")
                    log.append(.error("'{\(unknown)}' is never filled in '\(entry.key)' (it takes \(names))", at: entry.value.location))
                    continue
                }
                table[entry.key] = text
            }
            words[tag] = table
        }
        return words
    }

    /// One warning per language in use whose readers get some words, pages or offers in a fallback
    /// language, at the first source (or the site) that names it.
    static func checkLanguages(site: Site, pages: [Page], offers: [Offer], sources: [Source],
                               words: [String: [String: String]], loaded: LoadedKit, log: DiagnosticLog) {
        let translations = Translations(overrides: words, siteLanguage: site.language)
        var readers: [String: [Source]] = [:]
        for source in sources { readers[source.language ?? site.language, default: []].append(source) }
        for (tag, group) in readers.sorted(by: { $0.key < $1.key }) {
            let location = languageLocation(tag, loaded: loaded)
            let count = group.count == 1 ? "1 source reads" : "\(group.count) sources read"
            let fallback = Language.lookupChain(for: tag, siteLanguage: site.language)
                .first { $0 != tag && $0 != Language.subtag(of: tag) } ?? "en"
            if !translations.hasTable(for: tag) {
                log.append(.warning("refkit has no words in '\(tag)': \(count) them in '\(fallback)'; add templates/i18n/\(tag).yml",
                                    at: location))
            } else {
                let missing = Array(Set(translations.missingKeys(for: tag).map { String($0.prefix { $0 != "." }) })).sorted()
                if !missing.isEmpty {
                    log.append(.warning("templates/i18n/\(tag).yml lacks \(missing.count) of refkit's words (\(list(missing))): \(count) them in '\(fallback)'",
                                        at: location))
                }
            }
            guard Language.subtag(of: tag) != Language.subtag(of: site.language) else { continue }
            let got = Set(group.flatMap { source in
                pages.filter { $0.audience.includes(source.segment) }.map(\.slug) })
            let untranslatedPages = pages.filter { got.contains($0.slug) && !hasTranslation($0.translations.keys, for: tag) }.map(\.slug)
            let offerIDs = Set(group.flatMap { source in
                source.offerIDs ?? offers.filter { $0.audience.includes(source.segment) }.map(\.id) })
            let untranslatedOffers = offers.filter { offerIDs.contains($0.id) && !hasTranslation($0.translations.keys, for: tag) }.map(\.id)
            if !untranslatedPages.isEmpty || !untranslatedOffers.isEmpty {
                let what = [untranslatedPages.isEmpty ? nil : "pages \(list(untranslatedPages))",
                            untranslatedOffers.isEmpty ? nil : "offers \(list(untranslatedOffers))"].compactMap { $0 }.joined(separator: " and ")
                log.append(.warning("no '\(tag)' translation of the \(what): \(count) them in '\(site.language)'; add content/kit/PAGE.\(tag).md or content/offers/ID.\(tag).md",
                                    at: location))
            }
        }
    }

    private static func hasTranslation(_ tags: Dictionary<String, Page>.Keys, for tag: String) -> Bool {
        tags.contains(tag) || tags.contains(Language.subtag(of: tag))
    }

    private static func hasTranslation(_ tags: Dictionary<String, Offer>.Keys, for tag: String) -> Bool {
        tags.contains(tag) || tags.contains(Language.subtag(of: tag))
    }

    private static func list(_ names: [String]) -> String {
        names.count <= 6 ? names.joined(separator: ", ") : names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more"
    }

    /// Where a tag is named: the first source file (in file order) whose `language` it is, else the site's.
    private static func languageLocation(_ tag: String, loaded: LoadedKit) -> SourceLocation {
        for (_, document) in loaded.sources {
            if let node = document.root?["language"], case .scalar(tag, _) = node.value { return node.location }
        }
        if let node = loaded.site?.root?["language"] { return node.location }
        return SourceLocation(file: "content/site.yml")
    }
}
