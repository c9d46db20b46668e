import Foundation
import Mustache
import RefkitModel

/// A Mustache template from a kit's `templates/` folder.
public struct TemplateFile: Sendable, Hashable {
    /// The name templates and partials use: `page`, or `nav` for `templates/partials/nav.mustache`.
    public var name: String
    /// Path relative to the kit directory, for diagnostics.
    public var file: String
    public var text: String

    public init(name: String, file: String, text: String) {
        self.name = name
        self.file = file
        self.text = text
    }
}

/// How a `TemplateSet` renders files. The output is the same either way (the golden tests run in
/// both modes); `direct` is for debugging, set with `REFKIT_RENDER=direct`.
public enum RenderMode: String, Sendable, CaseIterable {
    /// Once per shape of view, then filled per view (`SkeletonCache`), when the templates allow it.
    case shape
    /// Every file through swift-mustache.
    case direct

    /// `REFKIT_RENDER=direct` picks `direct`; anything else, `shape`.
    public init(environment: [String: String]) {
        self = environment["REFKIT_RENDER"] == "direct" ? .direct : .shape
    }
}

/// The compiled templates of one build: refkit's built-in defaults, each replaced by the kit's
/// template of the same name when there is one. Compiled once per build; rendering is thread-safe.
/// Files are rendered once per shape of view and filled per view (`SkeletonCache`) when the
/// templates allow it (`Skeleton.supports`).
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    /// nil when a template uses a feature that rules out rendering by shape.
    private let skeletons: SkeletonCache?

    /// Compiles the defaults and the kit's templates. Every syntax error is a diagnostic with the
    /// template's file, line and column; the set is nil when there is any.
    public static func compile(overrides: [TemplateFile], mode: RenderMode = .shape) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLContentType.registered
        // The defaults the kit does not replace, then the kit's own (escaped as the built-in
        // templates are, `FastHTMLContentType`; a kit's own pragma still wins), parsed on every core.
        let replaced = Set(overrides.map(\.name))
        let defaults = DefaultTemplates.all.filter { !replaced.contains($0.key) }.sorted { $0.key < $1.key }
        let kits = overrides.sorted { $0.file < $1.file }
        let texts = defaults.map(\.value) + kits.map { FastHTMLContentType.pragma + $0.text }
        let parsed = ParallelResults<Result<MustacheTemplate, any Error>>(count: texts.count)
        parallelForEach(texts.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            parsed.set(index, Result { try MustacheTemplate(string: texts[index]) })
        }
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        let named = defaults.map { (name: $0.key, file: String?.none) } + kits.map { (name: $0.name, file: String?.some($0.file)) }
        for ((name, file), template) in zip(named, parsed.all) {
            do { library.register(try template.get(), named: name) } catch {
                // The defaults are tested to compile; a failure there is a bug in refkit itself.
                guard let file else { fatalError("refkit's own template \(name) does not compile: \(error)") }
                if let error = error as? MustacheTemplate.ParserError {
                    let location = SourceLocation(file: file, line: error.context.lineNumber - 1, column: error.context.columnNumber)
                    diagnostics.append(.error("template syntax: \(describe(error.error))", at: location))
                } else {
                    diagnostics.append(.error("template syntax: \(error)", at: SourceLocation(file: file)))
                }
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        // (The defaults are tested to allow rendering by shape: only the kit's own are looked at.)
        let skeletons = mode == .shape && Skeleton.supports(overrides.map(\.text)) ? SkeletonCache() : nil
        return (TemplateSet(library: library, skeletons: skeletons), [])
    }

    /// Renders the template `name` with `view`: by its shape when it can, else directly.
    public func render(_ name: String, _ view: ViewObject) -> [UInt8] {
        render(name, addShape: { $0.add(view) }, object: { view })
    }

    /// Renders the template `name` with a typed view: filled from a skeleton without building its
    /// view object when the shape has one, the same bytes as `render(name, view.viewObject)`.
    @inlinable public func render<View: ViewModel>(_ name: String, _ view: View) -> [UInt8] {
        render(name, addShape: { view.addShape(to: &$0) }, object: { view.viewObject })
    }

    @usableFromInline func render(_ name: String, addShape: (inout Shape) -> Void, object: () -> ViewObject) -> [UInt8] {
        guard let skeletons else { return renderDirectly(name, object()) }
        return skeletons.render(name, addShape: addShape, object: object) { render(name, mustache: $0) }
    }

    /// The direct twin of `render`: the template `name` with `view` through swift-mustache alone,
    /// the same bytes. For a file rendered once a build, where a skeleton would be made for
    /// nothing, and for comparing with `render`.
    public func renderDirectly(_ name: String, _ view: ViewObject) -> [UInt8] {
        Array(render(name, mustache: view.mustache).utf8)
    }

    private func render(_ name: String, mustache view: [String: Any]) -> String {
        // Every name refkit renders is a built-in default, so the template always exists.
        library.render(view, withTemplate: name) ?? ""
    }

    /// How this set's files were rendered so far (nil when not by shape).
    public var skeletonStatistics: SkeletonStatistics? { skeletons?.statistics }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a name other than the one it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions may stand inside {{<parent}}…{{/parent}}"
        case .textInsideInheritSection: return "only block definitions may stand inside {{<parent}}…{{/parent}}"
        case .invalidConfigVariableSyntax: return "the pragma tag is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
