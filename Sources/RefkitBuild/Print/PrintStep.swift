import Foundation
import RefkitModel
import RefkitPrint

/// `refkit build --pdf`: each source's handout and offers printed into PDFs beside their pages
/// (`S/handout.pdf`, `S/offers/ID.pdf`), by one Chromium for the whole build, started when the
/// first page needs printing.
///
/// A source's PDFs are printed again only when its print key changed: the bytes of its printed
/// pages, its paper, and `context` (refkit, Chromium, the site's address, the style sheet and every
/// asset). Otherwise the previous build's PDFs are kept as they are (linked, not rewritten).
public final class PrintStep: @unchecked Sendable {
    private let program: ChromiumProgram
    private let kit: Kit
    private let day: String
    private let writer: OutputWriter
    /// The files every page may load, by path under the site: the style sheet and the assets.
    private let shared: [String: [UInt8]]
    private let context: String
    private let tabs: Int
    private let lock = NSLock()
    private var printer: Result<PDFPrinter, PrintFailure>?

    /// Changes when what refkit asks of Chromium changes: every PDF is printed again.
    static let version = "print 2"

    init(program: ChromiumProgram, kit: Kit, date: Day, writer: OutputWriter, shared: [OutputFile], tabs: Int) {
        self.program = program
        self.kit = kit
        self.writer = writer
        self.tabs = tabs
        day = date.description.replacingOccurrences(of: "-", with: "")
        self.shared = Dictionary(shared.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        var context = [Self.version, program.identity, kit.site.url]
        for path in self.shared.keys.sorted() { context += [path, Manifest.hash(self.shared[path]!)] }
        self.context = Manifest.digest(Array(context.joined(separator: "\n").utf8))
    }

    /// The pages of a source's kit that are printed (`OutputPlan.SourceFile.printed`: its handout
    /// and its offers), each with the path of its PDF.
    static func printedPages(_ files: [OutputFile], folder: String) -> [(page: OutputFile, pdf: String)] {
        files.compactMap { file in
            guard file.path.hasPrefix(folder + "/"),
                  let printed = OutputPlan.SourceFile(path: String(file.path.dropFirst(folder.count + 1)))?.printed else { return nil }
            return (file, printed.path(in: folder))
        }
    }

    /// What a source's PDFs are: printed now (`printed`, to write), or kept from the previous build
    /// (`kept`, already in the staging folder); and what the manifest records: the key they were
    /// printed for, and what each page left out to fit its sheet (`notes`), so a build that keeps
    /// them says it again.
    struct SourcePrints {
        var printed: [OutputFile] = []
        var kept: [String] = []
        var key: String
        var notes: [String] = []

        /// The manifest's record: the key, then `+` and the notes (base64: the record is one word).
        var record: String { notes.isEmpty ? key : key + "+" + Data(notes.joined(separator: "\n").utf8).base64EncodedString() }

        /// Whether a manifest record holds notes (a record without is its key alone).
        static func hasNotes(_ record: String) -> Bool { record.utf8.contains(UInt8(ascii: "+")) }

        /// A manifest record read back: its key and notes.
        static func read(_ record: String) -> (key: String, notes: [String]) {
            let parts = record.split(separator: "+", maxSplits: 1)
            guard parts.count == 2, let data = Data(base64Encoded: String(parts[1])) else { return (record, []) }
            return (String(parts[0]), String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
    }

    /// The warnings of every source's PDFs the manifest records (what a page left out to fit its
    /// sheet), at the source's file: said by every build, the ones that printed and the ones that kept them.
    static func warnings(in sources: [String: Manifest.SourceRecord]) -> [Diagnostic] {
        // (Only records with notes are read: asked of a thousand records by every build.)
        sources.filter { SourcePrints.hasNotes($0.value.prints) }.keys.sorted().flatMap { slug in
            SourcePrints.read(sources[slug]!.prints).notes.map { Diagnostic.warning($0, at: SourceLocation(file: "content/sources/\(slug).yml")) }
        }
    }

    /// What the PDFs in `output` (the last `build --pdf`) left out to fit their sheets, for the
    /// sources `slugs` names: `refkit check` says it too, since only printing can measure it.
    public static func lastPrintWarnings(output: String, slugs: Set<String>, fileSystem: any FileSystem) -> [Diagnostic] {
        guard let previous = OutputWriter(fileSystem: fileSystem, output: output).previous else { return [] }
        return warnings(in: previous.sources.filter { slugs.contains($0.key) })
    }

    /// A part of a printed page `PrintFit` found too long, as the kit's author knows it.
    static func partName(_ box: String) -> String {
        if box.contains("sheet__main") { return "the handout's main column (who to refer, the phrases and steps left)" }
        if box.contains("sheet__side") { return "the handout's side column (the QR code, the offer, the contact)" }
        if box.contains("sheet") { return "the handout's header and footer (the logos, the heading, the referral link)" }
        return "the offer's value, code, validity and terms"
    }

    /// What a page left out to fit, as said to the kit's author: the parts by their heading,
    /// a list's items by their place in it.
    static func note(_ fit: PrintFit, pdf: String, paper: Paper) -> String? {
        guard !fit.dropped.isEmpty else { return nil }
        var order: [String] = [], items: [String: [Int]] = [:]
        for part in fit.dropped {
            let pieces = part.split(separator: "#", maxSplits: 1).map(String.init)
            if items[pieces[0]] == nil { order.append(pieces[0]) }
            items[pieces[0], default: []] += pieces.count == 2 ? [Int(pieces[1]) ?? 0] : []
        }
        let parts = order.map { heading in
            let numbers = items[heading]!.sorted()
            let name = heading.isEmpty ? "a part" : "'\(heading)'"
            return numbers.isEmpty ? name : name + (numbers.count == 1 ? " item " : " items ") + numbers.map(String.init).joined(separator: ", ")
        }
        return "\(pdf) (\(paper.name)) leaves out, to fit one sheet: \(parts.joined(separator: "; ")); shorten the kit's text to print it whole"
    }

    /// Prints `source`'s pages among `files` (its rendered kit), or keeps its previous PDFs.
    func prints(for source: Source, files: [OutputFile], folder: String) throws(PrintFailure) -> SourcePrints {
        let printed = Self.printedPages(files, folder: folder)
        let pages = printed.map(\.page)
        let paper = kit.paper(of: source)
        var key = [context, paper.rawValue]
        for page in pages { key += [page.path, Manifest.hash(page.contents)] }
        // The pages show the source's QR code from its file (`qr.svg`), not inline: its bytes too.
        let qr = OutputPlan.SourceFile.qr.path(in: folder)
        if let code = files.first(where: { $0.path == qr }) { key += [qr, Manifest.hash(code.contents)] }
        var result = SourcePrints(key: Manifest.digest(Array(key.joined(separator: "\n").utf8)))
        let pdfs = printed.map(\.pdf)
        if let previous = writer.previous?.sources[source.slug].map({ SourcePrints.read($0.prints) }), previous.key == result.key,
           writer.keep(pdfs) {
            result.kept = pdfs
            result.notes = previous.notes
            return result
        }
        let own = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        let shared = shared
        let jobs = pages.map { page in
            PrintJob(path: page.path, paper: paper.inches) { path in own[path] ?? shared[path] }
        }
        let printer = try startedPrinter()
        for ((page, pdf), drawn) in zip(printed, printer.print(jobs)) {
            let printedPage = try drawn.get()
            guard printedPage.fit.overflowing.isEmpty else {
                throw .doesNotFit(page.path, parts: printedPage.fit.overflowing.map(Self.partName), paper: paper.name)
            }
            let count = PDFBytes.pageCount(of: printedPage.bytes) ?? 1
            guard count == 1 else { throw .pages(page.path, count: count, paper: paper.name) }
            result.printed.append(OutputFile(path: pdf, contents: PDFBytes.settingDates(of: printedPage.bytes, to: day)))
            if let note = Self.note(printedPage.fit, pdf: pdf, paper: paper) { result.notes.append(note) }
        }
        return result
    }

    /// Chromium, started by the first source that needs it (a build that keeps every PDF never
    /// starts it).
    private func startedPrinter() throws(PrintFailure) -> PDFPrinter {
        let started = lock.withLock {
            if printer == nil {
                do throws(PrintFailure) {
                    printer = .success(try PDFPrinter(program, siteURL: kit.site.url, tabs: tabs))
                } catch {
                    printer = .failure(error)
                }
            }
            return printer!
        }
        return try started.get()
    }

    /// Closes Chromium, if it was started.
    func stop() {
        if case .success(let printer) = lock.withLock({ printer }) { printer.stop() }
    }
}
