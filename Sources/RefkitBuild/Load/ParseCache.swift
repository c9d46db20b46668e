import Foundation
import RefkitModel

/// YAML already parsed, by file, and source files already checked: what `refkit serve` keeps
/// between edits so that checking the kit again parses and checks only the files that changed (at
/// 10,000 sources that is most of a check). A file is parsed again whenever its text differs in
/// any way, and a source checked again when its text, the offers' names or the assets differ
/// (what a source's rules read besides its file). A build uses none.
public final class ParseCache: @unchecked Sendable {
    private struct Entry {
        var text: String
        var lineOffset: Int
        var result: Result<YAMLDocument, Diagnostic>
    }

    private let lock = ReadWriteLock()
    private var entries: [String: Entry] = [:]
    /// What the checked sources were checked against, and each by file, with its text.
    private var context: (offerIDs: [String], assets: AssetIndex)?
    private var checked: [String: (text: String, result: KitValidator.CheckedSource)] = [:]

    public init() {}

    /// `YAMLParsing.parse`, or what it gave for this very text before.
    func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLDocument, Diagnostic> {
        if let entry = lock.read({ entries[file] }), entry.lineOffset == lineOffset, entry.text == text {
            return entry.result
        }
        let result = YAMLParsing.parse(text, file: file, lineOffset: lineOffset)
        lock.write { entries[file] = Entry(text: text, lineOffset: lineOffset, result: result) }
        return result
    }

    /// Starts a check of the sources against these offers and assets: sources checked against
    /// others are forgotten.
    func beginSources(offerIDs: [String], assets: AssetIndex) {
        lock.write {
            if context?.offerIDs != offerIDs || context?.assets != assets { checked = [:] }
            context = (offerIDs, assets)
        }
    }

    /// `check()`'s result for this source file, or what it gave for this very text before.
    func checkedSource(_ document: YAMLDocument, _ check: () -> KitValidator.CheckedSource) -> KitValidator.CheckedSource {
        if let entry = lock.read({ checked[document.file] }), entry.text == document.text { return entry.result }
        let result = check()
        lock.write { checked[document.file] = (document.text, result) }
        return result
    }
}
