import Foundation
import RefkitModel
import RefkitTemplates

/// What `refkit serve` remembers from one check of the kit to the next, so that the check after a
/// save does again only what the save can have changed: at 10,000 sources, reading, parsing and
/// checking the roster was most of a check. A build uses none.
///
/// Before each check, `begin(changed:)` is told which files may have changed since the last one
/// (the watcher's paths; nil when it does not know). What was made from the other files is used
/// as it is; what was made from a file that may have changed is made again, unless its text is
/// the same. Everything is remembered by what it was made from, so a check without this memory
/// gives the same result (tested over whole kits).
public final class CheckMemory: @unchecked Sendable {
    private let lock = ReadWriteLock()
    /// Kit-relative paths of the files that may have changed since the last check; nil: any may.
    private var suspects: Set<String>?

    /// Each YAML file's text and what parsing it gave.
    private var parsed: [String: (text: String, lineOffset: Int, result: Result<YAMLDocument, Diagnostic>)] = [:]
    /// What the loader made of `content/sources/`, and what the validator made of that.
    private var loadedRoster: LoadedRoster?
    private var checkedRoster: CheckedRoster?
    /// Each source file checked on its own, with its text, against `sourceContext`.
    private var checked: [String: (text: String, result: KitValidator.CheckedSource)] = [:]
    private var sourceContext: SourceContext?
    /// The templates compiled, with the files and mode they were compiled from.
    private var compiled: (files: [TemplateFile], mode: RenderMode, result: CompiledTemplates)?

    /// The roster's folder, kit-relative.
    private static let roster = "content/sources"

    public init() {}

    /// Starts a check: `changed` (kit-relative paths) may differ from what the last check read;
    /// nil when what changed is not known, so that every file's text is compared.
    public func begin(changed: Set<String>?) {
        lock.write { suspects = changed }
    }

    /// The roster's files that may have changed since the last check, sorted; nil when that is
    /// not known (or the folder itself may have changed).
    private var rosterChanges: [String]? {
        guard let suspects, !suspects.contains(where: { $0 == Self.roster || Self.roster.hasPrefix($0 + "/") }) else { return nil }
        return suspects.filter { $0.hasPrefix(Self.roster + "/") }.sorted()
    }

    // MARK: - Load

    /// `YAMLParsing.parse`, or what it gave for this very text before.
    func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLDocument, Diagnostic> {
        if let entry = lock.read({ parsed[file] }), entry.lineOffset == lineOffset, entry.text == text {
            return entry.result
        }
        let result = YAMLParsing.parse(text, file: file, lineOffset: lineOffset)
        lock.write { parsed[file] = (text, lineOffset, result) }
        return result
    }

    /// A YAML file's text and what parsing it gave, when it was parsed whole and cannot have
    /// changed since: the loader need not read it again.
    func unchangedYAML(_ file: String) -> (text: String, result: Result<YAMLDocument, Diagnostic>)? {
        lock.read {
            guard let suspects, !suspects.contains(file), let entry = parsed[file], entry.lineOffset == 0 else { return nil }
            return (entry.text, entry.result)
        }
    }

    /// What the loader made of `content/sources/`: its documents (`index`: where each file's is)
    /// and diagnostics.
    struct LoadedRoster {
        var sources: [(slug: String, document: YAMLDocument)]
        var unparsed: [(slug: String, text: String?)]
        var diagnostics: [Diagnostic]
        var index: [String: Int]

        init(sources: [(slug: String, document: YAMLDocument)], unparsed: [(slug: String, text: String?)], diagnostics: [Diagnostic]) {
            (self.sources, self.unparsed, self.diagnostics) = (sources, unparsed, diagnostics)
            index = Dictionary(sources.indices.map { (sources[$0].document.file, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The roster as last loaded and its files that may have changed since, when they are known.
    func lastRoster() -> (roster: LoadedRoster, changed: [String])? {
        lock.read {
            guard let changed = rosterChanges, let loadedRoster else { return nil }
            return (loadedRoster, changed)
        }
    }

    /// - Parameter readWhole: the folder was listed and read again, so files may have come or
    ///   gone: what was made of files no longer in it is forgotten.
    func remember(_ roster: LoadedRoster, readWhole: Bool) {
        lock.write {
            loadedRoster = roster
            guard readWhole else { return }
            let unparsed = Set(roster.unparsed.map(\.slug))
            func inRoster(_ file: String) -> Bool {
                guard file.hasPrefix(Self.roster + "/") else { return true }
                return roster.index[file] != nil || unparsed.contains(KitLoader.sourceSlug(String(file.dropFirst(Self.roster.count + 1))))
            }
            parsed = parsed.filter { inRoster($0.key) }
            checked = checked.filter { inRoster($0.key) }
        }
    }

    /// How many files' parses are remembered (tests: a file deleted is forgotten).
    var rememberedFiles: Int { lock.read { parsed.count } }

    // MARK: - Validate

    /// What the source rules read besides a source's file.
    struct SourceContext: Equatable {
        var offerIDs: [String]
        var assets: AssetIndex
    }

    /// What `validateSources` made of the roster: the sources (sorted by slug) and the
    /// diagnostics, and whether two sources share a slug or a code.
    struct CheckedRoster {
        var context: SourceContext
        var sources: [Source]
        var diagnostics: [Diagnostic]
        var clashes: Bool
    }

    /// The roster as checked last time against `context`, the files that may have changed since
    /// (when they are known), and where each file's document is in the roster loaded now.
    func lastSources(_ context: SourceContext) -> (roster: CheckedRoster, changed: [String], index: [String: Int])? {
        lock.read {
            guard let changed = rosterChanges, let checkedRoster, checkedRoster.context == context, let loadedRoster else { return nil }
            return (checkedRoster, changed, loadedRoster.index)
        }
    }

    func remember(_ roster: CheckedRoster) {
        lock.write { checkedRoster = roster }
    }

    /// Starts checking the sources one by one against `context`: those checked against another
    /// are forgotten.
    func beginSources(_ context: SourceContext) {
        lock.write {
            if sourceContext != context { checked = [:] }
            sourceContext = context
        }
    }

    /// `check()`'s result for this source file, or what it gave for this very text before.
    func checkedSource(_ document: YAMLDocument, _ check: () -> KitValidator.CheckedSource) -> KitValidator.CheckedSource {
        let known: KitValidator.CheckedSource? = lock.read {
            guard let entry = checked[document.file] else { return nil }
            let unchanged = suspects.map { !$0.contains(document.file) } ?? false
            return unchanged || entry.text == document.text ? entry.result : nil
        }
        if let known { return known }
        let result = check()
        lock.write { checked[document.file] = (document.text, result) }
        return result
    }

    /// The templates compiled from `files` in `mode`, compiled again only when they differ.
    func templates(_ files: [TemplateFile], mode: RenderMode, _ compile: () -> CompiledTemplates) -> CompiledTemplates {
        if let known = lock.read({ compiled }), known.mode == mode, known.files == files { return known.result }
        let result = compile()
        lock.write { compiled = (files, mode, result) }
        return result
    }
}

/// A kit's templates compiled, or the diagnostics that stopped them.
struct CompiledTemplates: Sendable {
    var templates: TemplateSet?
    var diagnostics: [Diagnostic]
}
