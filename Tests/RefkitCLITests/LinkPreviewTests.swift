import Foundation
import RefkitTestTools
import XCTest

/// Issue 36: every published page carries link-preview tags a real parser reads (extruct), and
/// each card is a real picture of what it says: read back by tesseract's OCR, both names are on
/// it, in Latin and in Arabic script. A rebuild draws again only the card whose inputs changed.
final class LinkPreviewTests: XCTestCase {
    static let tools = CLITests.fixtures + "/tools"
    static let repositoryRoot = OutboxTests.repositoryRoot

    /// A copy of a kit (its `content/` and `templates/` when it has them), removed after the test.
    private func copy(_ kit: String) throws -> String {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-preview-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: copy) }
        for folder in ["content", "templates"] where FileManager.default.fileExists(atPath: kit + "/" + folder) {
            try FileManager.default.copyItem(atPath: kit + "/" + folder, toPath: copy + "/" + folder)
        }
        return copy
    }

    private func build(_ kit: String) throws -> String {
        let run = try runRefkit(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(run.status, 0, run.stderr)
        return kit + "/output"
    }

    /// What `check_previews.py` found: pages checked, the card of each page, the problems.
    private func previews(_ output: String, site: String) throws -> (pages: Int, cards: [String: String], problems: [String]) {
        let run = try runProcess("/usr/bin/env", ["python3", Self.tools + "/check_previews.py", output, site])
        XCTAssertEqual(run.status, 0, run.error)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], run.output + run.error)
        return (json["pages"] as? Int ?? 0, json["cards"] as? [String: String] ?? [:], json["problems"] as? [String] ?? ["no problems list"])
    }

    func testEveryPublishedPageHasPreviewTagsAParserReads() throws {
        try requirePython(["extruct"])
        let kit = try copy(Self.repositoryRoot)
        // Short links too: a short link is what a printed handout carries and what gets pasted.
        let site = kit + "/content/site.yml"
        try (String(contentsOfFile: site, encoding: .utf8) + "short_links: true\n").write(toFile: site, atomically: true, encoding: .utf8)
        let output = try build(kit)
        let found = try previews(output, site: "https://kits.northwind.example")
        XCTAssertEqual(found.problems, [])
        let html = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix(".html") && !$0.hasSuffix("email.html") }
        XCTAssertEqual(found.pages, html.count, "every page but the e-mail is read")
        XCTAssertGreaterThan(found.pages, 70)
        // A partner's pages show its own card; a customer's the business's in the customer's
        // language (Kestrel Design reads German); the directory and the business's posts the
        // business's in the site's language, a partner's post that partner's.
        XCTAssertEqual(found.cards["harbor-street-law/index.html"], "harbor-street-law/card.png")
        XCTAssertEqual(found.cards["harbor-street-law/library/year-end-checklist.html"], "harbor-street-law/card.png")
        XCTAssertEqual(found.cards["brightside-coworking/share.html"], "brightside-coworking/card.png")
        XCTAssertEqual(found.cards["kestrel-design/index.html"], "assets/cards/de.png")
        XCTAssertEqual(found.cards["adas-bakery/offers/first-month-free.html"], "assets/cards/en.png")
        XCTAssertEqual(found.cards["index.html"], "assets/cards/en.png")
        XCTAssertEqual(found.cards["network/index.html"], "assets/cards/en.png")
        XCTAssertEqual(found.cards["network/2026-11-contracts-before-hiring.html"], "harbor-street-law/card.png")
        XCTAssertTrue(found.cards.keys.contains { $0.hasPrefix("r/") }, "the short links' pages have previews")
        // No customer gets a card of their own: only partners' folders have one.
        let cards = try FileManager.default.subpathsOfDirectory(atPath: output).filter { $0.hasSuffix("card.png") }.sorted()
        XCTAssertEqual(cards, ["brightside-coworking/card.png", "harbor-street-law/card.png", "maple-insurance/card.png"])
        let shared = try FileManager.default.contentsOfDirectory(atPath: output + "/assets/cards").sorted()
        XCTAssertEqual(shared, ["de.png", "en.png"])
    }

    /// Each card read by OCR: the business's and the partner's names, whatever the partner's
    /// logo's shape (Harbor Street Law's is wide, Brightside's tall, Maple's a PNG), in Spanish,
    /// and in Arabic, right to left; a customer's card names the business only.
    func testEveryCardReadsBackWithBothNames() throws {
        let tesseract = try ExternalTool.tesseract.require()
        let output = try build(try copy(Self.repositoryRoot))
        func read(_ card: String) throws -> String {
            let run = try runProcess(tesseract, [output + "/" + card, "-", "-l", "eng"])
            XCTAssertEqual(run.status, 0, run.error)
            return run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        for (card, partner, headline) in [("harbor-street-law/card.png", "Harbor Street Law", "Referral kit"),
                                          ("brightside-coworking/card.png", "Brightside Coworking", "Kit de recomendaci"),
                                          ("maple-insurance/card.png", "Maple", "Referral kit")] {
            let text = try read(card)
            XCTAssertTrue(text.contains(partner), "\(card): \(text)")
            XCTAssertTrue(text.contains("Northwind Bookkeeping"), "\(card): \(text)")
            XCTAssertTrue(text.contains(headline), "\(card): \(text)")
        }
        let german = try read("assets/cards/de.png")
        XCTAssertTrue(german.contains("Northwind Bookkeeping") && german.contains("Empfehlungsmappe"), german)
        for customer in ["Kestrel", "Ada", "Ridgeway"] { XCTAssertFalse(german.contains(customer), german) }

        let arabic = try build(try copy(CLITests.fixtures + "/kits/arabic"))
        let run = try runProcess(tesseract, [arabic + "/pharmacy/card.png", "-", "-l", "ara"])
        XCTAssertEqual(run.status, 0, run.error)
        for name in ["صيدلية الشفاء", "عيادة النور", "حقيبة الإحالة"] { XCTAssertTrue(run.output.contains(name), "\(name) in \(run.output)") }
    }

    /// A rebuild after one partner's edit draws that partner's card only; after a customer's edit
    /// none (every other card is the very file the first build wrote).
    func testARebuildDrawsOnlyTheCardWhoseInputsChanged() throws {
        let kit = try copy(Self.repositoryRoot)
        let output = try build(kit)
        func identities() throws -> [String: String] {
            var identities: [String: String] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: output) where path.hasSuffix(".png") && path.contains("card") {
                let attributes = try FileManager.default.attributesOfItem(atPath: output + "/" + path)
                identities[path] = "\(attributes[.systemFileNumber] ?? 0)"
            }
            return identities
        }
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let path = kit + "/content/sources/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains(old))
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }
        let first = try identities()
        XCTAssertEqual(first.count, 5)
        try edit("harbor-street-law.yml", "name: Harbor Street Law", "name: Harbour Street Law")
        var rebuilt = try runRefkit(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue(rebuilt.stdout.contains("(1 rendered"), rebuilt.stdout)
        let second = try identities()
        XCTAssertEqual(second.keys.sorted(), first.keys.sorted())
        XCTAssertEqual(second.filter { first[$0.key] != $0.value }.keys.sorted(), ["harbor-street-law/card.png"])
        let text = try runProcess(try ExternalTool.tesseract.require(), [output + "/harbor-street-law/card.png", "-", "-l", "eng"]).output
        XCTAssertTrue(text.contains("Harbour Street Law"), text)

        try edit("kestrel-design.yml", "name: Kestrel Design Studio", "name: Kestrel Design Studio GmbH")
        rebuilt = try runRefkit(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue(rebuilt.stdout.contains("(1 rendered"), rebuilt.stdout)
        XCTAssertEqual(try identities(), second, "a customer's edit draws no card")

        // An edited kit page makes a whole build, which draws no card either: each is read back
        // from the kit's store (`.refkit-cache/cards/`, which keeps the e-mail's three PNG logos
        // too, that librsvg read the three SVG logos: `KEY.read`, and the helper's hash by its
        // identity: `helper`), none written there again.
        let store = kit + "/.refkit-cache/cards"
        func stored() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: store).map { name in
                (name, "\(try FileManager.default.attributesOfItem(atPath: store + "/" + name)[.systemFileNumber] ?? 0)")
            })
        }
        let before = try stored()
        XCTAssertEqual(before.count, 6 + 3 + 3 + 1, "the five cards, and Harbor Street Law's before its edit (a partial build keeps it); the logos; their readings; the helper's hash")
        XCTAssertEqual(before.keys.filter { $0.hasSuffix(".read") }.count, 3)
        let page = kit + "/content/kit/03-how-to-refer.md"
        try (String(contentsOfFile: page, encoding: .utf8) + "\nOne more line.\n").write(toFile: page, atomically: true, encoding: .utf8)
        rebuilt = try runRefkit(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertFalse(rebuilt.stdout.contains("rendered"), "a whole build: \(rebuilt.stdout)")
        let after = try stored()
        XCTAssertEqual(after.count, 5 + 3 + 3 + 1, "a whole build keeps the cards, logos and readings it used, and only those")
        for (name, identity) in after { XCTAssertEqual(before[name], identity, "\(name) was not drawn again") }
        // The e-mail's logos are the ones the store holds: none drawn by this build.
        for logo in try FileManager.default.contentsOfDirectory(atPath: kit + "/output/assets/email") {
            let png = try Data(contentsOf: URL(fileURLWithPath: kit + "/output/assets/email/" + logo))
            XCTAssertTrue(try after.keys.contains { try Data(contentsOf: URL(fileURLWithPath: store + "/" + $0)) == png }, logo)
        }
        XCTAssertEqual(try identities().count, 5)
    }

    /// An awkward logo: a photograph-like PNG (noise, 1000 × 1000, which no compression shrinks)
    /// still gives a card under WhatsApp's 300 KB, 1200 × 630.
    func testAPhotographForALogoStillGivesACardUnder300KB() throws {
        let kit = try basicKitCopy("preview-photo")
        // A PNG of random pixels, written by Python's zlib (stored, not compressed).
        let script = """
            import os, struct, sys, zlib
            w = h = 1000
            raw = b"".join(b"\\x00" + os.urandom(w * 3) for _ in range(h))
            def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
            sys.stdout.buffer.write(b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                                    + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b""))
            """
        let python = Process(), pipe = Pipe()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        python.standardOutput = pipe
        try python.run()
        let photo = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        XCTAssertGreaterThan(photo.count, 3_000_000)
        try photo.write(to: URL(fileURLWithPath: kit + "/content/assets/photo.png"))
        let source = kit + "/content/sources/bolt-partners.yml"
        try String(contentsOfFile: source, encoding: .utf8).replacingOccurrences(of: "logo: assets/bolt.svg", with: "logo: assets/photo.png")
            .write(toFile: source, atomically: true, encoding: .utf8)
        let built = try runRefkit(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(built.status, 0, built.stderr)
        let card = try Data(contentsOf: URL(fileURLWithPath: kit + "/output/bolt-partners/card.png"))
        XCTAssertLessThan(card.count, 300 * 1024)
        XCTAssertEqual(Array(card[16..<24]), [0, 0, 0x04, 0xB0, 0, 0, 0x02, 0x76], "1200 × 630")
    }
}
