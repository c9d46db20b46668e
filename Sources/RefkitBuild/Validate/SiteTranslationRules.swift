import RefkitI18n
import RefkitModel

/// The rules of `content/site.LANG.yml`: the site's texts a reader sees, for readers of LANG
/// (FORMAT.md v3, "Every text in the reader's language"). Today that is `rewards`; a key it omits
/// comes from `site.yml`, a key `site.yml` does not have is an error at its line, and so is one
/// that is not a reader's text (`name`, URLs, codes, colours).
extension KitValidator {
    /// The texts a site translation may hold.
    static let translatedSiteKeys: Set<String> = ["rewards"]

    /// Each translation's rewards, by tag, what it omits taken from `site`'s.
    static func validateSiteTranslations(_ documents: [String: YAMLDocument], site: Site, log: DiagnosticLog) -> [String: Rewards] {
        var translated: [String: Rewards] = [:]
        for (tag, document) in documents.sorted(by: { $0.key < $1.key }) {
            let file = document.file
            guard Language.isWellFormed(tag) else {
                log.append(.error("'\(tag)' is not a BCP 47 language tag: a site translation is content/site.LANG.yml, such as content/site.de.yml",
                                  at: SourceLocation(file: file, line: 1, column: 1)))
                continue
            }
            guard let entries = document.root?.entries else {
                if document.root.map({ !$0.isNull }) ?? false {
                    log.append(.error("content/site.\(tag).yml must be a mapping of site.yml's texts (rewards: …)",
                                      at: document.root!.location))
                }
                continue
            }
            var rewards = site.rewards
            rewards.translations = [:]
            for entry in entries {
                guard translatedSiteKeys.contains(entry.key) else {
                    let message = siteKeys.contains(entry.key)
                        ? "'\(entry.key)' is not translated: a site translation holds only the texts a reader sees (\(translatedSiteKeys.sorted().joined(separator: ", "))); remove it here"
                        : "'\(entry.key)' is not in content/site.yml: a site translation translates site.yml's texts (\(translatedSiteKeys.sorted().joined(separator: ", ")))"
                    log.append(.error(message, at: entry.keyLocation))
                    continue
                }
                guard let segments = entry.value.entries else {
                    log.append(.error("'rewards' must be a mapping (partners: …, customers: …)", at: entry.value.location))
                    continue
                }
                for segment in segments {
                    let original: String??
                    switch segment.key {
                    case "partners": original = .some(site.rewards.partners)
                    case "customers": original = .some(site.rewards.customers)
                    default: original = nil
                    }
                    guard let original else {
                        var message = "'rewards.\(segment.key)' is not in content/site.yml: rewards are for partners and customers"
                        if let meant = closest(to: segment.key, among: ["partners", "customers"]) { message += "; did you mean '\(meant)'?" }
                        log.append(.error(message, at: segment.keyLocation))
                        continue
                    }
                    guard original != nil else {
                        log.append(.error("'rewards.\(segment.key)' is not in content/site.yml: a translation translates what site.yml writes; write it there first",
                                          at: segment.keyLocation))
                        continue
                    }
                    guard case .scalar(let text, _) = segment.value.value, !segment.value.isNull else {
                        log.append(.error("'rewards.\(segment.key)' must be text", at: segment.value.location))
                        continue
                    }
                    if segment.key == "partners" { rewards.partners = text } else { rewards.customers = text }
                }
            }
            translated[tag] = rewards
        }
        return translated
    }
}
