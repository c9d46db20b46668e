import Foundation
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
            guard Language.isWellFormed(tag) else {
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
                if let (scalar, _, _) = ControlCharacters.first(in: text) {
                    log.append(.error("'\(entry.key)' contains \(ControlCharacters.describe(scalar)), which kit text may not hold; remove it",
                                      at: entry.value.location))
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

    /// One warning per language in use (the sources' and the site's) whose readers get some of
    /// refkit's words, or some pages, offers or library pieces, in another language: which, and in
    /// which, at the first source (or the site) that names the language.
    static func checkLanguages(site: Site, pages: [Page], offers: [Offer], library: [LibraryPiece], sources: [Source],
                               words: [String: [String: String]], loaded: LoadedKit, log: DiagnosticLog) {
        let translations = Translations(overrides: words, siteLanguage: site.language)
        // What each source gets is the model's answer, translations included (`Kit.pages(for:)`).
        var kit = Kit(site: site, pages: pages, offers: offers, sources: sources, assets: [])
        kit.library = library
        var readers: [String: [Source]] = [site.language: []]
        for source in sources { readers[kit.language(of: source), default: []].append(source) }
        for (tag, group) in readers.sorted(by: { $0.key < $1.key }) {
            var gaps: [String] = []
            let fallback = Language.lookupChain(for: tag, siteLanguage: site.language)
                .first { $0 != tag && $0 != Language.subtag(of: tag) } ?? "en"
            if !translations.hasTable(for: tag) {
                gaps.append("refkit's words in '\(fallback)' (add templates/i18n/\(tag).yml)")
            } else {
                // The site's language is the report's too: its readers include the owner.
                let asked = tag == site.language ? BuiltInWords.keys : BuiltInWords.siteKeys
                let missing = Array(Set(translations.missingKeys(for: tag, among: asked).map { String($0.prefix { $0 != "." }) })).sorted()
                if !missing.isEmpty {
                    gaps.append("\(missing.count) of refkit's words (\(list(missing))) in '\(fallback)' (templates/i18n/\(tag).yml lacks them)")
                }
            }
            // What a reader of another language gets as the original (in the site's language) is
            // untranslated: pages, offers, library pieces (a partner's, for its customers) and the
            // site's reward. Sources of one segment with the same offers get the same: one of each is asked.
            let otherLanguage = Language.subtag(of: tag) != Language.subtag(of: site.language)
            var kinds = Set<String>()
            let kindsOfReader = !otherLanguage ? [] : group.filter {
                kinds.insert("\($0.segment.rawValue) \($0.offerIDs?.joined(separator: ",") ?? "*")").inserted
            }
            func originals(_ got: (Source) -> [(id: String, language: String?)]) -> Set<String> {
                Set(kindsOfReader.flatMap(got).filter { $0.language == nil }.map(\.id))
            }
            let untranslatedPages = originals { kit.pages(for: $0).map { ($0.slug, $0.language) } }
            let untranslatedOffers = originals { kit.offers(for: $0).map { ($0.id, $0.language) } }
            let untranslatedPieces = originals { kit.library(for: $0).map { ($0.id, $0.language) } }
            // The site's reward, for the sources of this language that show it (not their own).
            let untranslatedRewards = [Segment.partner, .customer].filter { segment in
                otherLanguage && site.rewards.translation(for: tag) == nil && site.rewards.reward(for: segment) != nil
                    && group.contains { $0.segment == segment && $0.reward == nil }
            }
            let inOrder = pages.map(\.slug).filter(untranslatedPages.contains)
            let parts: [(what: String, file: String)] = [
                inOrder.isEmpty ? nil : ("the pages \(list(inOrder))", "content/kit/PAGE.\(tag).md"),
                untranslatedOffers.isEmpty ? nil : ("the offers \(list(untranslatedOffers.sorted()))", "content/offers/ID.\(tag).md"),
                untranslatedPieces.isEmpty ? nil : ("the library pieces \(list(untranslatedPieces.sorted()))", "content/library/ID.\(tag).md"),
                untranslatedRewards.isEmpty ? nil
                    : ("the \(untranslatedRewards.map { $0 == .partner ? "partners" : "customers" }.joined(separator: " and "))' reward",
                       "content/site.\(tag).yml"),
            ].compactMap { $0 }
            if !parts.isEmpty {
                let what = parts.map(\.what)
                let joined = what.count <= 2 ? what.joined(separator: " and ") : what.dropLast().joined(separator: ", ") + " and " + what.last!
                gaps.append("\(joined) in '\(site.language)' (add \(parts.map(\.file).joined(separator: " or ")))")
            }
            guard !gaps.isEmpty else { continue }
            let who = group.isEmpty ? "the directory page and the report read"
                : group.count == 1 ? "1 source reads" : "\(group.count) sources read"
            var message = "\(who) '\(tag)' with \(gaps.joined(separator: "; and "))"
            if let near = nearShippedLanguage(to: tag, words: words) { message += ". " + near }
            log.append(.warning(message, at: languageLocation(tag, loaded: loaded)))
        }
    }

    /// For a language tag that is a country's code (`se`, Sweden, for Swedish `sv`; `at` for
    /// Austria's German) when refkit has no words for it but has for the country's language: the
    /// likely slip, said last. (Not for a code that is also that country's language, `pl`.)
    static func nearShippedLanguage(to tag: String, words: [String: [String: String]]) -> String? {
        let primary = Language.subtag(of: tag).lowercased()
        guard primary.count == 2, BuiltInWords.texts[primary] == nil, words[tag] == nil, words[primary] == nil else { return nil }
        let region = Locale.Region(primary.uppercased())
        guard Locale.Region.isoRegions.contains(region),
              let spoken = Locale.Language(identifier: "und-\(primary.uppercased())").maximalIdentifier.split(separator: "-").first.map(String.init),
              spoken != primary, BuiltInWords.texts[spoken] != nil else { return nil }
        let english = Locale(identifier: "en")
        let country = english.localizedString(forRegionCode: primary.uppercased()).map { " (\($0))" } ?? ""
        let language = english.localizedString(forLanguageCode: spoken).map { " (\($0))" } ?? ""
        return "'\(primary)' is a country's code\(country): did you mean its language, '\(spoken)'\(language)?"
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
