import Foundation
import RefkitImages
import RefkitLedger
import RefkitModel
import RefkitTemplates

/// A Markdown file split into its YAML front matter and its body.
public struct MarkdownDocument: Sendable, Hashable {
    /// Path relative to the kit directory.
    public var file: String
    /// File name without `.md`.
    public var name: String
    public var frontMatter: YAMLDocument
    public var body: MarkdownBody
}

/// What `load` read from a kit directory: parsed documents, not yet checked. Everything a read or
/// parse could not make sense of is already a diagnostic here; nothing is skipped silently.
public struct LoadedKit: Sendable {
    public var site: YAMLDocument?
    /// `content/site.LANG.yml`: the site's texts for readers of LANG, by tag.
    public var siteTranslations: [String: YAMLDocument] = [:]
    public var pages: [MarkdownDocument] = []
    public var offers: [MarkdownDocument] = []
    /// `content/library/*.md` and `content/network/*.md`.
    public var library: [MarkdownDocument] = []
    public var network: [MarkdownDocument] = []
    /// Source documents, keyed by their file's name without `.yml` (the slug).
    public var sources: [(slug: String, document: YAMLDocument)] = []
    /// Source files that could not be read or parsed (already a diagnostic), with their text if
    /// read: they still exist, so what names them (ledger rows) is not reported as well.
    public var unparsedSources: [(slug: String, text: String?)] = []
    public var templates: [TemplateFile] = []
    /// `templates/i18n/LANG.yml`: the kit's own words, parsed.
    public var words: [YAMLDocument] = []
    /// Asset files under `content/assets/` and `templates/assets/`, by output path.
    public var assets: [Asset] = []
    /// The bytes of every image asset (SVG, PNG, JPEG, GIF), by output path: what a logo may name.
    public var images: [String: [UInt8]] = [:]
    /// `content/ledger.csv`, read as it is checked (`LedgerValidator`), when the kit keeps a ledger.
    public var ledger: LedgerInput?
    /// `content/process.yml`, parsed, when the kit maps its referral process.
    public var process: YAMLDocument?
    public var diagnostics: [Diagnostic] = []
}

/// Reads a kit directory into a `LoadedKit`. Reads only: it writes nothing and checks nothing a
/// parser would not.
public struct KitLoader: Sendable {
    /// The largest text file (YAML, Markdown, template) a kit may hold: far above any real page,
    /// far below what would make a build crawl. Assets (images) have no limit.
    public static let maximumTextFileSize = 10_000_000
    /// The ledger grows by a row per event: a million rows are ~35 MB.
    public static let maximumLedgerSize = 1_000_000_000

    public var fileSystem: any FileSystem
    /// Absolute path of the kit directory.
    public var kitDirectory: String

    /// The kit directory with every symlink resolved: nothing may be read from outside it.
    let kitRoot: String
    /// YAML trees kept from earlier builds (`ParseStore`), when the kit's cache is read.
    let parses: ParseStore?

    public init(fileSystem: any FileSystem, kitDirectory: String) {
        self.init(fileSystem: fileSystem, kitDirectory: kitDirectory, parses: nil)
    }

    init(fileSystem: any FileSystem, kitDirectory: String, parses: ParseStore?) {
        self.fileSystem = fileSystem
        self.kitDirectory = kitDirectory
        self.parses = parses
        kitRoot = fileSystem.realPath(kitDirectory) ?? kitDirectory
    }

    /// `content/site.yml` alone, parsed (nil if it cannot be read): what `refkit new` reads for
    /// the kit's language.
    public func loadSite() -> YAMLDocument? {
        var kit = LoadedKit()
        return readSite(into: &kit)
    }

    private func readSite(into kit: inout LoadedKit) -> YAMLDocument? {
        readText("content/site.yml", required: true, into: &kit).flatMap { parseYAML($0, file: "content/site.yml", into: &kit) }
    }

    public func load() -> LoadedKit {
        var kit = LoadedKit()
        // content/ and templates/ themselves may be symlinks, but only to somewhere inside the kit;
        // one pointing outside is one error, not one per file below it.
        for folder in ["content", "templates"] {
            if let kind = fileSystem.kind(at: absolute(folder)), !checkInsideKit(folder, kind: kind, into: &kit) {
                return kit
            }
        }

        // content/site.yml
        kit.site = readSite(into: &kit)

        // content/site.LANG.yml: the site's texts in other languages
        for name in (try? fileSystem.contentsOfDirectory(at: absolute("content"))) ?? [] where name.hasPrefix("site.") && name.hasSuffix(".yml") && name.count > 9 {
            let file = "content/\(name)", tag = String(name.dropFirst(5).dropLast(4))
            if let text = readText(file, required: true, into: &kit), let document = parseYAML(text, file: file, into: &kit) {
                kit.siteTranslations[tag] = document
            }
        }

        // content/kit/*.md, content/offers/*.md, content/library/*.md and content/network/*.md
        for (folder, required) in [("content/kit", true), ("content/offers", false), ("content/library", false), ("content/network", false)] {
            let names = listFiles(folder, extension: ".md", required: required, into: &kit)
            if required, names?.isEmpty == true {
                kit.diagnostics.append(.error("no kit pages: add at least one \(folder)/*.md", at: SourceLocation(file: folder)))
            }
            for name in names ?? [] {
                let file = "\(folder)/\(name)"
                guard let text = readText(file, required: true, into: &kit),
                      let document = splitFrontMatter(text, file: file, into: &kit) else { continue }
                switch folder {
                case "content/kit": kit.pages.append(document)
                case "content/offers": kit.offers.append(document)
                case "content/library": kit.library.append(document)
                default: kit.network.append(document)
                }
            }
        }

        // content/sources/*.yml
        loadSources(into: &kit)

        // content/ledger.csv: the private ledger, which may be far larger than any page
        if fileSystem.kind(at: absolute(Ledger.file)) != nil {
            kit.ledger = loadLedger(into: &kit)
        }
        if fileSystem.kind(at: absolute(ReferralProcess.file)) != nil,
           let text = readText(ReferralProcess.file, required: false, into: &kit) {
            kit.process = parseYAML(text, file: ReferralProcess.file, into: &kit)
        }

        // templates/*.mustache and templates/partials/*.mustache
        var templateFiles: [String: String] = [:]
        for folder in ["templates", "templates/partials"] {
            for name in listFiles(folder, extension: ".mustache", required: false, into: &kit,
                                  allowedDirectories: folder == "templates" ? ["partials", "assets", "i18n"] : []) ?? [] {
                let file = "\(folder)/\(name)"
                let templateName = String(name.dropLast(".mustache".count))
                if let other = templateFiles[templateName] {
                    kit.diagnostics.append(.error("template '\(templateName)' is defined twice: here and in \(other)",
                                                  at: SourceLocation(file: file)))
                    continue
                }
                templateFiles[templateName] = file
                if let text = readText(file, required: true, into: &kit) {
                    kit.templates.append(TemplateFile(name: templateName, file: file, text: text))
                }
            }
        }

        // templates/i18n/LANG.yml: the kit's own words
        for name in listFiles("templates/i18n", extension: ".yml", required: false, into: &kit) ?? [] {
            let file = "templates/i18n/\(name)"
            if let text = readText(file, required: true, into: &kit), let document = parseYAML(text, file: file, into: &kit) {
                kit.words.append(document)
            }
        }

        // Assets: the theme's first, then the kit's own, which win on a clash.
        var assets: [String: Asset] = [:]
        for folder in PublishedAsset.folders {
            for file in walk(folder, into: &kit) {
                let outputPath = "assets/" + file.dropFirst(folder.count + 1)
                // Published as it is: a link may not reach a private file (`PublishedAsset`).
                guard PublishedAsset.realPath(of: Asset(outputPath: outputPath, file: file), kitDirectory: kitDirectory,
                                              fileSystem: fileSystem) != nil else {
                    let target = fileSystem.realPath(absolute(file)).map { $0.hasPrefix(kitRoot + "/") ? String($0.dropFirst(kitRoot.count + 1)) : $0 }
                    kit.diagnostics.append(.error("this symlink points to \(target ?? "?"): \(PublishedAsset.refusal)",
                                                  at: SourceLocation(file: file)))
                    continue
                }
                if let earlier = assets[outputPath] {
                    kit.diagnostics.append(.warning("\(file) replaces \(earlier.file) in output/\(outputPath)",
                                                    at: SourceLocation(file: file)))
                }
                assets[outputPath] = Asset(outputPath: outputPath, file: file)
            }
        }
        kit.assets = assets.values.sorted { $0.outputPath < $1.outputPath }
        for asset in kit.assets where ImageSize.Format(fileName: asset.outputPath) != nil {
            do {
                kit.images[asset.outputPath] = try fileSystem.readFile(at: absolute(asset.file))
            } catch {
                kit.diagnostics.append(.error("cannot read the file: \(error.reason)", at: SourceLocation(file: asset.file)))
            }
        }
        return kit
    }

    // MARK: - Reading

    func absolute(_ relative: String) -> String { kitDirectory + "/" + relative }

    func readText(_ file: String, required: Bool, limit: Int = maximumTextFileSize,
                          into kit: inout LoadedKit) -> String? {
        guard let kind = fileSystem.kind(at: absolute(file)) else {
            if required {
                kit.diagnostics.append(.error("missing \(file): every kit needs one", at: SourceLocation(file: file)))
            }
            return nil
        }
        guard checkInsideKit(file, kind: kind, into: &kit) else { return nil }
        do {
            let bytes = try fileSystem.readFile(at: absolute(file))
            guard bytes.count <= limit else {
                let megabytes = (Double(bytes.count) / 100_000).rounded() / 10
                let rule = limit == Self.maximumTextFileSize ? "kit text files" : "a ledger"
                kit.diagnostics.append(.error("the file is \(megabytes) MB; \(rule) may be at most \(limit / 1_000_000) MB",
                                              at: SourceLocation(file: file)))
                return nil
            }
            switch ContentMemo.shared.decode(bytes, file: file) {
            case .success(let text): return text
            case .failure(let diagnostic):
                kit.diagnostics.append(diagnostic)
                return nil
            }
        } catch {
            kit.diagnostics.append(.error("cannot read the file: \(error.reason)", at: SourceLocation(file: file)))
            return nil
        }
    }

    func parseYAML(_ text: String, file: String, lineOffset: Int = 0, into kit: inout LoadedKit) -> YAMLDocument? {
        switch parses?.parse(text, file: file, lineOffset: lineOffset) ?? ContentMemo.shared.parse(text, file: file, lineOffset: lineOffset) {
        case .success(let document): return document
        case .failure(let diagnostic):
            kit.diagnostics.append(diagnostic)
            return nil
        }
    }

    /// Splits `---` front matter from a Markdown body.
    func splitFrontMatter(_ text: String, file: String, into kit: inout LoadedKit) -> MarkdownDocument? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let name = String(file.split(separator: "/").last!.dropLast(3))
        if text.allSatisfy(\.isWhitespace) {
            kit.diagnostics.append(.error("the file is empty: start it with a line '---', then at least 'title:', then '---'",
                                          at: SourceLocation(file: file)))
            return nil
        }
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            kit.diagnostics.append(.error("missing front matter: start the file with a line '---', then at least 'title:', then '---'",
                                          at: SourceLocation(file: file)))
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            kit.diagnostics.append(.error("front matter is never closed: add a line '---' after it", at: SourceLocation(file: file)))
            return nil
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        guard var frontMatter = parseYAML(yaml, file: file, lineOffset: 1, into: &kit) else { return nil }
        frontMatter.lineOffset = 1
        return MarkdownDocument(file: file, name: name, frontMatter: frontMatter,
                                body: MarkdownBody(text: body, firstLine: close + 2))
    }

    /// A source file's slug: its name without `.yml` or `.yaml`.
    static func sourceSlug(_ name: String) -> String {
        String(name.hasSuffix(".yaml") ? name.dropLast(5) : name.dropLast(4))
    }


}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
