import Foundation
@testable import RefkitBuild
import RefkitModel
import RefkitPrint
import RefkitQR
import RefkitTestTools
import XCTest
import ZIPFoundation

/// `refkit build --pdf`: every handout and offer printed by headless Chromium, checked with the
/// tools people use: pdfinfo counts pages and reads the paper, pdftotext finds the code, pdftoppm
/// and zbarimg scan the QR code.
final class PDFTests: XCTestCase {
    /// The Chromium that prints: as `refkit build --pdf` finds it, or skip/fail as for any test tool.
    private func chromium() throws -> ChromiumProgram {
        if let program = try? ChromiumProgram.locate(environment: ProcessInfo.processInfo.environment) { return program }
        return ChromiumProgram(path: try ExternalTool.chromium.require())
    }

    /// A copy of the example kit at the repository root, which a test may change.
    private func exampleKit() throws -> String {
        let kit = try temporaryDirectory(self) + "/kit"
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(atPath: Fixtures.repositoryRoot + "/" + folder, toPath: kit + "/" + folder)
        }
        return kit
    }

    private func build(_ kit: String, output: String, bundle: Bool = false) throws -> BuildOutcome {
        var request = BuildRequest(kitDirectory: kit, outputDirectory: output, date: fixtureDate, bundle: bundle)
        request.pdf = try chromium()
        return testBuilder().build(request)
    }

    private func validKit(_ kit: String) throws -> Kit {
        let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: kit).load()
        return try XCTUnwrap(KitValidator.validate(loaded, on: Day(fixtureDate)!).kit)
    }

    /// The PDFs of a source's kit: its handout and one per offer.
    private func pdfs(of source: Source, in kit: Kit) -> [String] {
        ["\(source.slug)/handout.pdf"] + kit.offers(for: source).map { "\(source.slug)/offers/\($0.id).pdf" }
    }

    private func pdfinfo(_ pdf: String) throws -> [String: String] {
        let run = try ExternalTool.pdfinfo.run([pdf])
        XCTAssertEqual(run.status, 0, run.error)
        var fields: [String: String] = [:]
        for line in run.output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The done-when of issue 18: each source's zip holds its site, its PDFs and its contact card;
    /// every PDF is one page, prints the source's code, scans to its link and links only to the
    /// published kit; a second build gives the same bytes.
    func testThePDFBundleOfTheExampleKit() throws {
        _ = try ExternalTool.pdftoppm.require()
        _ = try ExternalTool.zbarimg.require()
        let kitFolder = try exampleKit()
        let kit = try validKit(kitFolder)
        let output = try temporaryDirectory(self) + "/output"
        let outcome = try build(kitFolder, output: output, bundle: true)
        XCTAssertNotNil(outcome.summary, "\(outcome.result)")
        var checked = 0
        for source in kit.sources {
            let archive = try Archive(url: URL(fileURLWithPath: "\(output)/bundles/\(source.slug).zip"), accessMode: .read)
            let entries = Set(archive.map(\.path))
            for path in pdfs(of: source, in: kit) + ["\(source.slug)/contact.vcf", "\(source.slug)/index.html", "\(source.slug)/handout.html"] {
                XCTAssertTrue(entries.contains(path), "\(source.slug).zip lacks \(path)")
            }
            for path in pdfs(of: source, in: kit) {
                let pdf = output + "/" + path
                let info = try pdfinfo(pdf)
                XCTAssertEqual(info["Pages"], "1", path)
                XCTAssertEqual(info["CreationDate"], "Mon Nov 23 00:00:00 2026 UTC", path)
                XCTAssertEqual(info["ModDate"], "Mon Nov 23 00:00:00 2026 UTC", path)
                let text = try ExternalTool.pdftotext.run([pdf, "-"]).output
                XCTAssertTrue(text.contains(source.code), "\(path) does not print \(source.code)")
                let bytes = try String(decoding: Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
                XCTAssertFalse(bytes.contains("file:"), "\(path) links into the build folder")
                XCTAssertTrue(bytes.contains("/URI (https://kits.northwind.example/") || !path.contains("/offers/"),
                              "\(path) has no link to the published kit")
                let image = try temporaryDirectory(self) + "/page"
                XCTAssertEqual(try ExternalTool.pdftoppm.run(["-r", "150", "-png", "-singlefile", pdf, image]).status, 0)
                let scan = try ExternalTool.zbarimg.run(["-q", "--raw", image + ".png"])
                XCTAssertEqual(scan.output.trimmingCharacters(in: .newlines), source.printedLink(in: kit.site), path)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 12)

        let again = try temporaryDirectory(self) + "/again"
        XCTAssertNotNil(try build(kitFolder, output: again, bundle: true).summary)
        let first = try snapshot(output), second = try snapshot(again)
        let printed = first.keys.filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".zip") }
        XCTAssertEqual(printed.count, 18)
        for path in printed { XCTAssertEqual(first[path], second[path], "\(path) differs between two builds") }
    }

    private func inodes(_ output: String) throws -> [String: UInt64] {
        var inodes: [String: UInt64] = [:]
        for path in try snapshot(output).keys where path.hasSuffix(".pdf") {
            inodes[path] = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? UInt64)
        }
        return inodes
    }

    /// A rebuild after one source changed prints that source's PDFs again and keeps every other
    /// (the same file, not rewritten); a change that leaves every printed page as it was (a comment
    /// in site.yml) prints nothing.
    func testARebuildPrintsOnlyWhatChanged() throws {
        let kit = try exampleKit()
        let output = kit + "/output"
        XCTAssertNotNil(try build(kit, output: output).summary)
        let before = try inodes(output)
        XCTAssertEqual(before.count, 12)

        let file = kit + "/content/sources/adas-bakery.yml"
        try write(try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "name: Ada's Bakery", with: "name: Ada's Patisserie"), to: file)
        let outcome = try build(kit, output: output)
        XCTAssertEqual(outcome.summary?.rendered, 1)
        let after = try inodes(output)
        XCTAssertEqual(Set(after.keys), Set(before.keys))
        XCTAssertEqual(Set(after.keys.filter { after[$0] != before[$0] }),
                       ["adas-bakery/handout.pdf", "adas-bakery/offers/first-month-free.pdf"])
        XCTAssertTrue(try ExternalTool.pdftotext.run([output + "/adas-bakery/handout.pdf", "-"]).output.uppercased().contains("ADA'S PATISSERIE"))

        let site = kit + "/content/site.yml"
        try write(try String(contentsOfFile: site, encoding: .utf8) + "# printed pages unchanged\n", to: site)
        XCTAssertEqual(try build(kit, output: output).summary?.rendered, 6)
        XCTAssertEqual(try inodes(output), after)

        // The pages show the QR code from qr.svg: a code that changes alone (here, another code
        // kept for Ada's link) prints that source's PDFs again, though its pages did not change.
        let store = kit + "/" + QRStore.file
        let loaded = try validKit(kit)
        let link = try XCTUnwrap(loaded.sources.first { $0.slug == "adas-bakery" }).printedLink(in: loaded.site)
        let other = try XCTUnwrap(QRCode.encode("https://other.example/"))
        let lines = try String(contentsOfFile: store, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix(" " + link) ? "\(other.width) \(hexDigits(of: other.bits)) \(link)" : String(line)
        }
        try write(lines.joined(separator: "\n"), to: store)
        try write(try String(contentsOfFile: site, encoding: .utf8) + "# again\n", to: site)
        XCTAssertEqual(try build(kit, output: output).summary?.rendered, 6)
        let again = try inodes(output)
        XCTAssertEqual(Set(again.keys.filter { again[$0] != after[$0] }),
                       ["adas-bakery/handout.pdf", "adas-bakery/offers/first-month-free.pdf"])
    }

    private func paperSize(_ pdf: String) throws -> String {
        let size = try pdfinfo(pdf)["Page size"] ?? ""
        return size.hasSuffix("(A4)") ? "A4" : size.hasSuffix("(letter)") ? "Letter" : size
    }

    /// FORMAT.md's paper: the source's own, else the site's, else Letter for a language tag whose
    /// region is US, CA or MX, else A4.
    func testEachSourcePrintsOnItsPaper() throws {
        let kit = try exampleKit()
        func append(_ line: String, to name: String) throws {
            let file = kit + "/content/" + name
            try write(try String(contentsOfFile: file, encoding: .utf8) + line + "\n", to: file)
        }
        try append("paper: Letter", to: "sources/adas-bakery.yml")
        try append("language: en-US", to: "sources/ridgeway-plumbing.yml")
        try append("language: es-MX", to: "sources/maple-insurance.yml")
        let output = kit + "/output"
        XCTAssertNotNil(try build(kit, output: output).summary)
        let papers = try Dictionary(uniqueKeysWithValues: ["adas-bakery", "ridgeway-plumbing", "maple-insurance", "kestrel-design", "harbor-street-law"]
            .map { ($0, try paperSize("\(output)/\($0)/handout.pdf")) })
        XCTAssertEqual(papers, ["adas-bakery": "Letter", "ridgeway-plumbing": "Letter", "maple-insurance": "Letter",
                                "kestrel-design": "A4", "harbor-street-law": "A4"])

        try append("paper: letter", to: "site.yml")
        try append("paper: a4", to: "sources/ridgeway-plumbing.yml")
        XCTAssertNotNil(try build(kit, output: output).summary)
        XCTAssertEqual(try paperSize("\(output)/kestrel-design/handout.pdf"), "Letter")
        XCTAssertEqual(try paperSize("\(output)/kestrel-design/offers/first-month-free.pdf"), "Letter")
        XCTAssertEqual(try paperSize("\(output)/ridgeway-plumbing/handout.pdf"), "A4")
    }

    /// A kit's own handout template that runs past one sheet fails the build, naming the page and
    /// the paper; the output folder is left as it was.
    func testAPageLongerThanOneSheetFailsTheBuild() throws {
        let kit = try copyOfKit("basic", self)
        try write("<!doctype html><html lang=\"en\"><title>Long</title><body><div style=\"height:400mm\">{{source.code}}</div></body></html>\n",
                  to: kit + "/templates/handout.mustache")
        let output = kit + "/output"
        let outcome = try build(kit, output: output)
        guard case .failure(let failure) = outcome.result else { return XCTFail("the build succeeded") }
        XCTAssertEqual(failure.description,
                       "bolt-partners/handout.html prints on 2 pages of A4 paper; a handout or offer must fit on one: shorten it, or its template's layout")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
    }

    /// Without Chromium, --pdf names what to install; REFKIT_CHROMIUM must be a program.
    func testWithoutChromiumThePackageToInstallIsNamed() {
        XCTAssertThrowsError(try ChromiumProgram.locate(environment: ["PATH": "/nonexistent"])) { error in
            XCTAssertEqual("\(error)", "--pdf prints with headless Chromium, which is not installed: install Debian's package "
                + "chromium-headless-shell (sudo apt-get install chromium-headless-shell), or chromium, or set REFKIT_CHROMIUM to its program")
        }
        XCTAssertThrowsError(try ChromiumProgram.locate(environment: ["REFKIT_CHROMIUM": "/nonexistent/chrome"])) { error in
            XCTAssertEqual("\(error)", "REFKIT_CHROMIUM is /nonexistent/chrome, which is not a program")
        }
    }

    /// The dates are set in place (no offset moves) and the page tree's root gives the page count.
    func testPDFBytes() {
        let pdf = Array("%PDF-1.4\n1 0 obj\n<</Type /Pages\n/Count 3\n/Kids [2 0 R]>>\nendobj\n<</Type /Pages\n/Parent 1 0 R\n/Count 1>>\n<</CreationDate (D:20261129133749+00'00')\n/ModDate (D:20261129133749+00'00')>>\n".utf8)
        let dated = PDFBytes.settingDates(of: pdf, to: "20270102")
        XCTAssertEqual(dated.count, pdf.count)
        XCTAssertTrue(String(decoding: dated, as: UTF8.self).hasSuffix("<</CreationDate (D:20270102000000+00'00')\n/ModDate (D:20270102000000+00'00')>>\n"))
        XCTAssertEqual(PDFBytes.pageCount(of: pdf), 3)
        XCTAssertNil(PDFBytes.pageCount(of: Array("%PDF-1.4\n".utf8)))
    }
}
