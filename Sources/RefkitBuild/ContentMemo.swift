import Foundation
import RefkitImages
import RefkitModel
import RefkitTemplates

/// Memos keyed by content around the pure steps a check of the kit repeats: a file's text (by its
/// bytes), an SVG logo's reading by librsvg (by its bytes), a YAML file's parse (by its text), a source file's check (by its text, given what else the source rules read), and
/// the templates' compilation (by their files and the render mode). `refkit serve` checks the
/// whole kit after every save, and at 10,000 sources parsing and checking the roster was most of a
/// check; with these, a check does again only what the save changed, and the loader and the
/// validator stay pure: they call the same functions with or without the memo, and a memo's answer
/// is the function's answer for the same input (tested over whole kits: `PreviewSiteTests`).
///
/// Off unless `keepAcrossChecks()` turns it on (serve does): a build or a check computes each
/// step once anyway. Each file has one slot (a new text replaces the old), and after each check
/// `forget(unless:)` drops the slots of files that are gone, so what it holds is one check's worth.
public final class ContentMemo: @unchecked Sendable {
    public static let shared = ContentMemo()

    private let lock = ReadWriteLock()
    private var isOn = false

    private struct Entry<Key: Equatable, Value> {
        var key: Key
        var value: Value
    }

    /// Each file's text, by file (the slot) and its bytes (the key): the bytes of a file that did
    /// not change are the very array read before (`CachingFileSystem`), so comparing them costs
    /// nothing, and the text given back is the very string parsed before, so the parse's key
    /// compares as fast.
    private var texts: [String: Entry<[UInt8], Result<String, Diagnostic>>] = [:]
    /// Each SVG logo's reading by librsvg (in its helper), by file and its bytes: only what it
    /// says of the logo (readable or not), never a helper that could not start or took too long.
    private var logoReadings: [String: Entry<[UInt8], SVGRaster.DrawFailure?>] = [:]
    /// Each YAML file's parse, by file (the slot) and its text and line offset (the key).
    private var parses: [String: Entry<ParseKey, Result<YAMLDocument, Diagnostic>>] = [:]
    /// Each source file's check, by file, against `sourceContext`.
    private var sources: [String: Entry<SourceKey, KitValidator.CheckedSource>] = [:]
    private var sourceContext: SourceContext?
    /// The templates compiled, in one slot.
    private var compiled: [String: Entry<TemplateKey, CompiledTemplates>] = [:]

    private struct ParseKey: Equatable {
        var text: String
        var lineOffset: Int
    }

    private struct SourceKey: Equatable {
        var slug: String
        var text: String
    }

    private struct TemplateKey: Equatable {
        var files: [TemplateFile]
        var mode: RenderMode
    }

    /// What the source rules read besides a source's file: a source checked against another
    /// context is checked again.
    struct SourceContext: Equatable {
        var offerIDs: [String]
        var assets: AssetIndex
    }

    /// Turns the memo on for the rest of the process.
    public func keepAcrossChecks() { lock.write { isOn = true } }

    /// Whether the memo is on.
    var isKeeping: Bool { lock.read { isOn } }

    /// What a memo had for a key.
    private enum Lookup<Value> {
        case off, hit(Value), miss
    }

    /// `TextDecoding.decode(bytes, file:)`.
    func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        memoized(\.texts, file: file, key: bytes) { TextDecoding.decode(bytes, file: file) }
    }

    /// `YAMLParsing.parse(text, file:, lineOffset:)`.
    func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLDocument, Diagnostic> {
        memoized(\.parses, file: file, key: ParseKey(text: text, lineOffset: lineOffset)) {
            YAMLParsing.parse(text, file: file, lineOffset: lineOffset)
        }
    }

    /// `compute()`, or what it gave last time for `file` when that was for `key`.
    private func memoized<Key: Equatable, Value>(_ table: ReferenceWritableKeyPath<ContentMemo, [String: Entry<Key, Value>]>, file: String,
                                                 key: Key, _ compute: () -> Value) -> Value {
        let known: Lookup<Value> = lock.read {
            guard isOn else { return .off }
            guard let entry = self[keyPath: table][file], entry.key == key else { return .miss }
            return .hit(entry.value)
        }
        switch known {
        case .off:
            return compute()
        case .hit(let value):
            return value
        case .miss:
            let value = compute()
            lock.write { self[keyPath: table][file] = Entry(key: key, value: value) }
            return value
        }
    }

    /// `read(svgs)` for SVG logos (kit-relative path and bytes), asked only of those the memo
    /// has not read in these very bytes: one helper process for all of them, none when all are known.
    func readLogos(_ svgs: [(file: String, bytes: [UInt8])], _ read: ([[UInt8]]) -> [SVGRaster.DrawFailure?]) -> [SVGRaster.DrawFailure?] {
        var answers: [SVGRaster.DrawFailure??] = lock.read {
            svgs.map { svg in isOn ? logoReadings[svg.file].flatMap { $0.key == svg.bytes ? .some($0.value) : nil } : nil }
        }
        let asked = svgs.indices.filter { answers[$0] == nil }
        guard !asked.isEmpty else { return answers.map { $0! } }
        for (index, failure) in zip(asked, read(asked.map { svgs[$0].bytes })) { answers[index] = .some(failure) }
        lock.write {
            guard isOn else { return }
            for index in asked where answers[index]! == nil || answers[index]! == .unreadable {
                logoReadings[svgs[index].file] = Entry(key: svgs[index].bytes, value: answers[index]!)
            }
        }
        return answers.map { $0! }
    }

    /// Starts checking the roster against `context`: every source is checked again when it differs
    /// from the last check's. Returns whether the memo is on.
    func beginSources(_ context: SourceContext) -> Bool {
        lock.write {
            guard isOn else { return false }
            if sourceContext != context { sources = [:] }
            sourceContext = context
            return true
        }
    }

    /// `check()` for the source file `document` (after `beginSources`).
    func checkedSource(slug: String, _ document: YAMLDocument, _ check: () -> KitValidator.CheckedSource) -> KitValidator.CheckedSource {
        memoized(\.sources, file: document.file, key: SourceKey(slug: slug, text: document.text), check)
    }

    /// `compile()` for the templates `files` in `mode`.
    func templates(_ files: [TemplateFile], mode: RenderMode, _ compile: () -> CompiledTemplates) -> CompiledTemplates {
        memoized(\.compiled, file: "templates", key: TemplateKey(files: files, mode: mode), compile)
    }

    /// Drops what was made from files that are no longer there (`exists`: a kit-relative path is a
    /// file now): each file has one slot, so what is kept is one check's worth.
    public func forget(unless exists: (String) -> Bool) {
        lock.write {
            guard isOn else { return }
            texts = texts.filter { exists($0.key) }
            logoReadings = logoReadings.filter { exists($0.key) }
            parses = parses.filter { exists($0.key) }
            sources = sources.filter { exists($0.key) }
        }
    }

    /// How many files' parses are remembered (tests: a deleted file is forgotten).
    var rememberedFiles: Int { lock.read { parses.count } }

    /// `body` computed without the memo, as a build does (tests: what the memo gives is compared
    /// with it).
    func bypassed<T>(_ body: () throws -> T) rethrows -> T {
        let was = lock.write { () -> Bool in
            defer { isOn = false }
            return isOn
        }
        defer { lock.write { isOn = was } }
        return try body()
    }

    /// Forgets everything and turns the memo off (tests).
    func reset() {
        lock.write {
            (texts, logoReadings, parses, sources, sourceContext, compiled, isOn) = ([:], [:], [:], [:], nil, [:], false)
        }
    }
}

/// A kit's templates compiled, or the diagnostics that stopped them.
struct CompiledTemplates: Sendable {
    var templates: TemplateSet?
    var diagnostics: [Diagnostic]
}
