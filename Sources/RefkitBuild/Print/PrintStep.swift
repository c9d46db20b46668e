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
final class PrintStep: @unchecked Sendable {
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
    static let version = "print 1"

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
    /// (`kept`, already in the staging folder); and the key the manifest records.
    struct SourcePrints {
        var printed: [OutputFile] = []
        var kept: [String] = []
        var key: String
    }

    /// Prints `source`'s pages among `files` (its rendered kit), or keeps its previous PDFs.
    func prints(for source: Source, files: [OutputFile], folder: String) throws(PrintFailure) -> SourcePrints {
        let printed = Self.printedPages(files, folder: folder)
        let pages = printed.map(\.page)
        let paper = kit.paper(of: source)
        var key = [context, paper.rawValue]
        for page in pages { key += [page.path, Manifest.hash(page.contents)] }
        var result = SourcePrints(key: Manifest.digest(Array(key.joined(separator: "\n").utf8)))
        let pdfs = printed.map(\.pdf)
        if writer.previous?.sources[source.slug]?.prints == result.key, writer.keep(pdfs) {
            result.kept = pdfs
            return result
        }
        let own = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { _, last in last })
        let shared = shared
        let jobs = pages.map { page in
            PrintJob(path: page.path, paper: paper.inches) { path in own[path] ?? shared[path] }
        }
        let printer = try startedPrinter()
        for ((page, pdf), drawn) in zip(printed, printer.print(jobs)) {
            let bytes = try drawn.get()
            let count = PDFBytes.pageCount(of: bytes) ?? 1
            guard count == 1 else { throw .pages(page.path, count: count, paper: paper.name) }
            result.printed.append(OutputFile(path: pdf, contents: PDFBytes.settingDates(of: bytes, to: day)))
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
