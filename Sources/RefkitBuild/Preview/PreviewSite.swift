import Foundation
import RefkitLedger
import RefkitModel
import RefkitTemplates

/// `refkit serve`'s site: the kit loaded and validated once per edit, its templates compiled and
/// its Markdown rendered (`SiteRenderer`), and every page rendered only when it is asked for: a
/// source's whole folder at once (its pages share one QR code and one set of values), the shared
/// files by group. What it serves is byte for byte what `refkit build` writes (tested over whole
/// kits), and nothing is written to disk.
///
/// After an edit, `prepare` keeps what the previous site rendered for sources whose inputs did
/// not change (as a build's `RebuildPlan` does): when only sources' files changed, every other
/// source's renders are kept, known from the paths the watcher saw change.
public final class PreviewSite: @unchecked Sendable {
    public let diagnostics: [Diagnostic]
    public let sources: Int
    let renderer: SiteRenderer
    let kitDirectory: String
    let fileSystem: any FileSystem
    /// The kit's card store, read as the build reads it (serve writes nothing there): partners'
    /// cards, the business's and the e-mail's logos are drawn only when it does not have them.
    private let cards: CardStore
    /// An asset's output path → the asset.
    private let assets: [String: Asset]
    /// The kit's files as this site read them: the next edit reads again only what changed.
    private(set) var files: CachingFileSystem?

    private let lock = NSLock()
    /// Slug → that source's rendered files, by path.
    private var rendered: [String: [String: [UInt8]]]
    /// The shared files rendered so far, by group (`Shared`), then by path.
    private var shared: [Shared: [String: [UInt8]]] = [:]

    public struct Failure: Error {
        public var diagnostics: [Diagnostic]
        public var failure: BuildFailure
    }

    /// Told what could not be rendered when a page asked for it (a logo too slow to draw).
    private let report: @Sendable (BuildFailure) -> Void

    /// Loads and validates the whole kit (so every diagnostic is reported), reusing `previous`'s
    /// renders where nothing they were made from changed.
    /// - Parameter changed: the files that changed since `previous` was prepared (absolute paths),
    ///   when the watcher knows them: only those are read again. Nil: every file is.
    /// - Parameter report: told what could not be rendered when a page asked for it.
    public static func prepare(_ request: BuildRequest, builder: Builder, previous: PreviewSite?,
                               changed: Set<String>? = nil,
                               report: @escaping @Sendable (BuildFailure) -> Void = { _ in }) -> Result<PreviewSite, Failure> {
        // Every input is read once: for the fingerprint, then from memory by the loader; after a
        // save, only what changed.
        let inputs = ["content", "templates"].map { request.kitDirectory + "/" + $0 }
        let fileSystem = if let previous, let changed, let files = previous.files {
            CachingFileSystem(builder.fileSystem, inputs: inputs, keeping: files, except: changed)
        } else {
            CachingFileSystem(builder.fileSystem, inputs: inputs)
        }
        let reading = Builder(fileSystem: fileSystem, dateResolver: builder.dateResolver)
        let checked: (date: Day, validated: ValidatedKit)
        let check = reading.check(request)
        // What was made of files that are gone (only when one may be: a save that changed files in place removes none).
        if changed?.contains(where: { fileSystem.kind(at: $0) != .file }) ?? true {
            ContentMemo.shared.forget { fileSystem.kind(at: request.kitDirectory + "/" + $0) == .file }
        }
        switch check {
        case .failure(let failure): return .failure(Failure(diagnostics: [], failure: failure))
        case .success(let result): checked = result
        }
        let validated = checked.validated
        guard let kit = validated.kit, let templates = validated.templates else {
            let errors = validated.diagnostics.filter { $0.severity == .error }.count
            return .failure(Failure(diagnostics: validated.diagnostics, failure: .invalidKit(errors: errors)))
        }
        // (The QR codes encoded so far are kept across edits, in memory: a code is its link's.)
        let renderer = SiteRenderer(kit: kit, templates: templates, date: checked.date, secret: request.secret, ledger: validated.ledger,
                                    qrCodes: previous?.renderer.qrCodes ?? QRStore())
        let reused = previous.map { $0.reusable(after: changed, by: renderer) } ?? [:]
        let site = PreviewSite(renderer: renderer, diagnostics: validated.diagnostics, kitDirectory: request.kitDirectory,
                               fileSystem: builder.fileSystem, rendered: reused, report: report)
        site.files = fileSystem
        return .success(site)
    }

    private init(renderer: SiteRenderer, diagnostics: [Diagnostic], kitDirectory: String, fileSystem: any FileSystem,
                 rendered: [String: [String: [UInt8]]], report: @escaping @Sendable (BuildFailure) -> Void) {
        self.renderer = renderer
        self.report = report
        self.diagnostics = diagnostics
        self.kitDirectory = kitDirectory
        self.fileSystem = fileSystem
        cards = CardStore(kitDirectory: kitDirectory, fileSystem: fileSystem, keeps: false)
        let kit = renderer.kit
        sources = kit.sources.count
        assets = Dictionary(kit.assets.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        self.rendered = rendered
    }

    /// The renders of sources whose inputs are as they were after `changed` (absolute paths), for
    /// the site `next` renders, by the build's rule (`RebuildPlan`): none when anything but
    /// sources' files, network posts and the private process map changed, or the date did, or the
    /// blog came or went, or what changed is not known; a changed post drops only the partners whose
    /// homes now list other posts than before.
    private func reusable(after changed: Set<String>?, by next: SiteRenderer) -> [String: [String: [UInt8]]] {
        guard let changed, next.date == renderer.date, next.kit.network.isEmpty == renderer.kit.network.isEmpty else { return [:] }
        let sourcesFolder = kitDirectory + "/" + InputScan.sourcesFolder, network = kitDirectory + "/" + InputScan.networkFolder
        var slugs = Set<String>(), postsChanged = false
        for path in changed {
            if path.hasPrefix(sourcesFolder), let slug = InputScan.sourceSlug(String(path.dropFirst(kitDirectory.count + 1))) {
                slugs.insert(slug)
            } else if path.hasPrefix(network) {
                postsChanged = true
            } else if path != kitDirectory + "/" + ReferralProcess.file {
                return [:]
            }
        }
        let kept = lock.withLock { rendered }
        var reused: [String: [String: [UInt8]]] = [:]
        for source in next.kit.sources where !slugs.contains(source.slug) {
            if postsChanged, source.segment == .partner,
               Rebuild.postsHash(of: source, renderer: renderer) != Rebuild.postsHash(of: source, renderer: next) { continue }
            if let files = kept[source.slug] { reused[source.slug] = files }
        }
        return reused
    }

    /// Whether every file of `paths` (absolute) is as this site read it when it was prepared:
    /// then what it serves is what a check now would make (a burst of saves the last check
    /// already read, seen again as the events it left behind).
    public func wasPrepared(from paths: Set<String>) -> Bool {
        guard let files else { return false }
        return paths.allSatisfy(files.isAsRead)
    }

    /// How many sources' folders are rendered and held.
    public var renderedSources: Int { lock.withLock { rendered.count } }

    /// The bytes `refkit build` writes at `path` (relative to the output folder: `index.html`,
    /// `S/offers/ID.html`), rendered now if they were not yet; nil for a path the build has no
    /// file at.
    public func file(at path: String) -> [UInt8]? {
        if let slash = path.firstIndex(of: "/"), let source = source(inFolder: path[..<slash]) {
            // A partner's card, when asked for: from the kit's card store, else drawn (a helper
            // process, tens of milliseconds).
            if path[path.index(after: slash)...] == OutputPlan.SourceFile.card.path {
                return (try? CardBatches.files(renderer.partnerCardJobs(for: [source]), store: cards))?.first?.contents
            }
            return files(of: source)[path]
        }
        // The kit's own assets first: a kit's `templates/assets/refkit.css` replaces refkit's.
        if let asset = assets[path] { return try? PublishedAsset.read(asset, kitDirectory: kitDirectory, fileSystem: fileSystem) }
        if let group = Shared(path: path) { return sharedFiles(group)[path] }
        return nil
    }

    /// For a file `refkit build` writes that the preview does not make (a PDF or a zip the kit
    /// declares in `outputs:`, which need Chromium and the whole kit): a page that says so, and
    /// how to get it. Nil for any other path.
    public func madeByBuildOnly(at path: String) -> String? {
        let outputs = renderer.kit.site.outputs
        if outputs.bundles, path.hasPrefix(OutputPlan.bundlesFolder + "/"), path.hasSuffix(".zip"),
           let source = source(inFolder: path.dropFirst(OutputPlan.bundlesFolder.count + 1).dropLast(".zip".count)) {
            return Self.buildOnlyPage(path: path, what: "the kit of \(source.name) as one zip")
        }
        guard outputs.pdf, let slash = path.firstIndex(of: "/"), let source = source(inFolder: path[..<slash]),
              let file = OutputPlan.SourceFile(path: String(path[path.index(after: slash)...])), file.isPrinted,
              OutputPlan.files(of: source, in: renderer.kit, pdfs: true).contains(file) else { return nil }
        return Self.buildOnlyPage(path: path, what: "a printed page of \(source.name)'s kit")
    }

    private static func buildOnlyPage(path: String, what: String) -> String {
        let path = Escape.html(path), what = Escape.html(what)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(path)</title></head>
            <body><main><h1>\(path)</h1>
            <p>This file, \(what), is made by <code>refkit build</code> (content/site.yml declares it in <code>outputs:</code>); \
            the preview does not make it. Run <code>refkit build</code> and open <code>output/\(path)</code>.</p></main></body>
            </html>

            """
    }

    /// The source whose folder is `folder`: its slug, or for an unlisted kit its slug and a
    /// suffix (`UnlistedName`), found in the sources sorted by slug.
    private func source(inFolder folder: Substring) -> Source? {
        let sources = renderer.kit.sources
        let slug = renderer.kit.site.unlisted ? folder.dropLast(UnlistedName.suffixLength) : folder
        guard let at = sources.firstIndex(ofSlug: slug), renderer.directoryName(for: sources[at]) == folder else { return nil }
        return sources[at]
    }

    /// A source's folder, rendered once.
    private func files(of source: Source) -> [String: [UInt8]] {
        if let files = lock.withLock({ rendered[source.slug] }) { return files }
        let files = Dictionary(renderer.render(source: source).map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        lock.withLock { rendered[source.slug] = files }
        return files
    }

    typealias Shared = OutputPlan.Shared

    private func sharedFiles(_ group: Shared) -> [String: [UInt8]] {
        if let files = lock.withLock({ shared[group] }) { return files }
        let list: [OutputFile]
        // A group that cannot be rendered (a logo too slow to draw) is told once, and not served.
        do { list = try group.files(renderer, store: cards) } catch {
            report(error)
            list = []
        }
        let files = Dictionary(list.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        lock.withLock { shared[group] = files }
        return files
    }
}
