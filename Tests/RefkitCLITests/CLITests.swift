import Foundation
import RefkitBuild
import RefkitCLI
import RefkitTestTools
import XCTest

/// End-to-end: the real `refkit` binary, run as a user would, in a fresh folder.
final class CLITests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("RefkitBuildTests/Fixtures").path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built executable sits in the products folder, which holds (or is) the test bundle.
    var executable: URL { URL(fileURLWithPath: RefkitUnderTest.path) }

    func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func kitCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-cli-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    func testBuildInTheKitFolderWritesOutputAndOneSummaryLine() throws {
        let kit = try kitCopy()
        let result = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(result.stdout.hasPrefix("refkit: built 2 kits, 19 pages for 2026-11-23 in "), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(" s → output/\n"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/bolt-partners/offers/gift.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/index.html"))
    }

    func testARebuildSaysHowManyKitsItRenderedAndNothingChangedSaysSo() throws {
        let kit = try kitCopy()
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)
        let again = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue(again.stdout.hasPrefix("refkit: nothing changed since the last build (2 kits, 19 pages for 2026-11-23); checked in "),
                      again.stdout)
        try Data("name: Cara Renamed\nsegment: customer\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let one = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertTrue(one.stdout.hasPrefix("refkit: built 2 kits, 19 pages (1 rendered, the other 1 unchanged) for 2026-11-23 in "),
                      one.stdout)
        let page = try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("Cara Renamed"))
    }

    func testANothingChangedBuildShowsTheWarningsAgain() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: customer\nmesage: hi\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let warning = "content/sources/cara.yml:3:1: warning: unknown field 'mesage'; did you mean 'message'?\n"
        let first = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(first.stderr, warning)
        let again = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(again.stderr, warning, "the warning is still true: it is shown again")
        XCTAssertTrue(again.stdout.hasPrefix("refkit: nothing changed since the last build"), again.stdout)
        XCTAssertTrue(again.stdout.hasSuffix(" s (1 warning, as last time)\n"), again.stdout)
    }

    func testCheckCountsTheSourcesOfABrokenKit() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: [customer\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let check = try run(["check", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.hasSuffix("refkit: checked 2 sources, 1 error, 0 warnings (for 2026-11-23)\n"), check.stdout)
    }

    func testServeWithoutItsHelperSaysWhatIsMissing() throws {
        let kit = try kitCopy()
        let alone = kit + "-bin"
        try FileManager.default.createDirectory(atPath: alone, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: alone) }
        try FileManager.default.copyItem(atPath: executable.path, toPath: alone + "/refkit")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: alone + "/refkit")
        process.arguments = ["serve", kit]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertEqual(stderr, "refkit: serve needs refkit-serve beside refkit (\(alone)/refkit-serve); run scripts/setup, which builds it\n")
    }

    func testBuildTakesKitDirAndOutputAndSourceDateEpoch() throws {
        let kit = try kitCopy()
        let elsewhere = FileManager.default.temporaryDirectory.path
        let output = kit + "-site"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: output) }
        let result = try run(["build", kit, "--output", output], in: elsewhere, environment: ["SOURCE_DATE_EPOCH": "1800000000"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(" for 2027-01-15 in "), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/cara/index.html"))
    }

    func testBrokenKitExitsOneWithEveryDiagnosticAndWritesNothing() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: client\ncode: x\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let result = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            content/sources/cara.yml:2:10: error: 'segment' must be one of partner, customer, not 'client'
            content/sources/cara.yml:3:7: error: 'code' must be 3 to 32 characters from A-Z, 0-9 and -, not 'x'
            refkit: the kit has 2 errors; nothing was written

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))
    }

    func testWarningsAreShownAndTheBuildSucceeds() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: customer\ncolour: blue\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let result = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stderr, "content/sources/cara.yml:3:1: warning: unknown field 'colour'\n")
        XCTAssertTrue(result.stdout.hasSuffix(" s → output/ (1 warning)\n"), result.stdout)
    }

    func testUsageErrorsExitTwo() throws {
        let kit = try kitCopy()
        let unknown = try run(["build", "--bogus"], in: kit)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("Unknown option '--bogus'"), unknown.stderr)
        let badDate = try run(["build", "--date", "2027-13-01"], in: kit)
        XCTAssertEqual(badDate.status, 2)
        XCTAssertEqual(badDate.stderr, "refkit: --date must be a day written YYYY-MM-DD, not '2027-13-01'\n")
        XCTAssertEqual(try run(["frobnicate"], in: kit).status, 2)
    }

    func testCheckReportsWithoutWritingAnything() throws {
        let kit = try kitCopy()
        let clean = try run(["check", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        XCTAssertEqual(clean.stdout, "refkit: checked 2 sources, 0 errors, 0 warnings (for 2026-11-23)\n")

        try Data("name: Cara\nsegment: customer\nmesage: hi\ncode: x\n".utf8)
            .write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let broken = try run(["check", kit, "--date", "2026-11-23"], in: NSTemporaryDirectory())
        XCTAssertEqual(broken.status, 1)
        XCTAssertEqual(broken.stdout, """
            content/sources/cara.yml:3:1: warning: unknown field 'mesage'; did you mean 'message'?
            content/sources/cara.yml:4:7: error: 'code' must be 3 to 32 characters from A-Z, 0-9 and -, not 'x'
            refkit: checked 2 sources, 1 error, 1 warning (for 2026-11-23)

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"), "check never writes")
    }

    func testCheckStrictAndJSON() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: customer\nmesage: hi\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        XCTAssertEqual(try run(["check", "--date", "2026-11-23"], in: kit).status, 0, "warnings alone pass")
        let strict = try run(["check", "--date", "2026-11-23", "--strict", "--format", "json"], in: kit)
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stdout, """
            {"column":1,"file":"content/sources/cara.yml","line":3,"message":"unknown field 'mesage'; did you mean 'message'?","severity":"error"}

            """)
        let object = try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["line"] as? Int, 3)
        XCTAssertEqual(try run(["check", "--format", "xml"], in: kit).status, 2)
        XCTAssertEqual(try run(["check", "--date", "tomorrow"], in: kit).status, 2)
    }

    func testListAsCSVForAMailMerge() throws {
        let kit = try kitCopy()
        try Data("name: \"Cara, \\\"the\\\" Customer\"\nsegment: customer\ncontact: { name: Cara, email: cara@c.example }\nlanguage: de\n".utf8)
            .write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let site = kit + "/content/site.yml"
        try (try String(contentsOfFile: site, encoding: .utf8) + "short_links: true\n").write(toFile: site, atomically: true, encoding: .utf8)
        let result = try run(["list", "--format", "csv", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(result.status, 0, result.stderr)
        // Read back with a real CSV parser.
        let csv = kit + "/sources.csv"
        try Data(result.stdout.utf8).write(to: URL(fileURLWithPath: csv))
        let parser = Process()
        parser.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        parser.arguments = ["python3", "-c", "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))", csv]
        let pipe = Pipe()
        parser.standardOutput = pipe
        try parser.run()
        let rows = try JSONSerialization.jsonObject(with: pipe.fileHandleForReading.readDataToEndOfFile()) as? [[String]]
        parser.waitUntilExit()
        XCTAssertEqual(rows?.first, ["slug", "name", "segment", "code", "contact_name", "contact_email", "offers", "referral_link", "kit_url",
                                     "language", "short_link"])
        XCTAssertEqual(rows?[2], ["cara", "Cara, \"the\" Customer", "customer", "CARA", "Cara", "cara@c.example", "coupon",
                                  "https://acme.example/start?lang=en&ref=CARA&utm_source=cara&utm_medium=referral&utm_campaign=spring%202026#book",
                                  "https://kits.acme.example/refer/cara/index.html", "de", "https://kits.acme.example/refer/r/CARA"])
        XCTAssertEqual(rows?.count, 3)
    }

    func testListAsJSONAndTable() throws {
        let kit = try kitCopy()
        let json = try run(["list", "--format", "json", "--date", "2026-11-23"], in: kit)
        let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        XCTAssertEqual(objects?.map { $0["code"] as? String ?? "" }, ["BOLT", "CARA"])
        XCTAssertEqual(objects?.first?["offers"] as? [String], ["coupon", "gift"], "offers are a list in JSON")
        XCTAssertEqual(objects?.last?["offers"] as? [String], ["coupon"])
        let table = try run(["list", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(table.stdout.split(separator: "\n").first.map(String.init),
                       "slug           segment   code  offers       referral_link")
        try Data("name: Cara\nsegment: nobody\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        let broken = try run(["list"], in: kit)
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stderr.contains("content/sources/cara.yml:2:10: error:"), broken.stderr)
    }

    func testInitWritesAKitThatBuildsAtOnceWithTemplatesEqualToTheBuiltIns() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        let created = try run(["init", "mykit"], in: parent)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("build it with: refkit build mykit\n"), created.stdout)
        let kit = parent + "/mykit"
        try FileManager.default.createDirectory(atPath: parent + "/here", withIntermediateDirectories: true)
        let here = try run(["init"], in: parent + "/here")
        XCTAssertTrue(here.stdout.contains("build it with: refkit build\n"), "no trailing space: \(here.stdout)")
        let built = try run(["build", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(built.status, 0, built.stderr)
        // It builds at once, and says which sample text is still to be replaced (one warning a file).
        XCTAssertEqual(built.stderr, """
            content/kit/01-who-to-refer.md:6:1: warning: the Markdown text still holds the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/02-what-to-listen-for.md:6:5: warning: 3 fields ('phrases[1]', 'phrases[2]', 'phrases[3]') and the Markdown text still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/03-how-to-refer.md:10:1: warning: the Markdown text still holds the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/04-what-happens-next.md:6:1: warning: the Markdown text still holds the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/05-about-us.md:5:1: warning: the Markdown text still holds the sample text refkit init or new wrote: write your own, or it is published as it is
            content/offers/welcome.md:4:8: warning: 2 fields ('value', 'terms') and the Markdown text still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            content/site.yml:2:7: warning: 6 fields ('name', 'contact.name', 'contact.email', 'contact.phone', 'rewards.partners', 'rewards.customers') still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            content/sources/example-partner.yml:6:10: warning: 'message' still holds the sample text refkit init or new wrote: write your own, or it is published as it is

            """)
        XCTAssertTrue(built.stdout.hasPrefix("refkit: built 2 kits, 23 pages"), built.stdout)
        // The private side works at once too: the empty ledger and the process map check clean.
        let reported = try run(["report", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(reported.status, 0, reported.stderr)
        XCTAssertFalse(reported.stderr.contains("error"), reported.stderr)
        let report = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        XCTAssertTrue(report.contains("<tr><th>Thank the source, call the prospect</th><td>Lead (<code>lead</code>)</td><td>Your Name</td>"), report)

        // The copied templates are the built-ins: without them the site is the same.
        try FileManager.default.moveItem(atPath: kit + "/templates", toPath: parent + "/templates-aside")
        let plain = try run(["build", "--date", "2026-11-23", "--output", parent + "/plain"], in: kit)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        func tree(_ root: String) throws -> [String: Data] {
            var files: [String: Data] = [:]
            for case let path as String in FileManager.default.enumerator(atPath: root)! where path != ".refkit-output" {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = FileManager.default.contents(atPath: root + "/" + path)
                }
            }
            return files
        }
        XCTAssertEqual(try tree(kit + "/output"), try tree(parent + "/plain"))

        // The newcomer's flow ends with deploy --dry-run, which must work in a fresh kit.
        try FileManager.default.moveItem(atPath: parent + "/templates-aside", toPath: kit + "/templates")
        let dry = try run(["deploy", "--dry-run", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("+ example-partner/index.html\n"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/published"), "a dry run publishes nothing")

        let again = try run(["init", "mykit"], in: parent)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("is not empty"), again.stderr)
    }

    /// A tag with a Unicode extension (`-u-nu-`, `-u-ca-`) passes `check`, so `build` and `report`
    /// must work with it too: they died with SIGILL and printed nothing (issue 29).
    func testTagsWithUnicodeExtensionsBuildAndReport() throws {
        for tag in ["ar-u-nu-arab", "hi-IN-u-nu-deva", "th-TH-u-nu-thai", "de-u-ca-buddhist"] {
            let kit = try kitCopy()
            let site = kit + "/content/site.yml"
            try Data((try String(contentsOfFile: site, encoding: .utf8) + "language: \(tag)\n").utf8).write(to: URL(fileURLWithPath: site))
            try Data("date,source,stage,value,note\n2026-03-02,cara,lead,,\n2026-03-20,cara,deal,4415.90,\n".utf8)
                .write(to: URL(fileURLWithPath: kit + "/content/ledger.csv"))
            for command in ["check", "build", "report"] {
                let result = try run([command, "--date", "2026-11-23"], in: kit)
                XCTAssertEqual(result.status, 0, "\(tag) \(command): \(result.stderr)")
            }
            XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/private/report/index.html"), tag)
        }
    }

    /// Issue 33: `init --language` writes its sample kit in that language, in each shipped one:
    /// the pages' titles and texts, the offer, the rewards, the example sources; `check` still
    /// knows every sample text (the same warnings as English's), and the kit builds with no
    /// English title on a page.
    func testInitWritesItsSampleKitInEachShippedLanguage() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        let english = StarterKitWords.of("en")
        var englishWarnings: [String]?
        for language in ["en", "ar", "de", "es", "fr", "it", "nl", "pl", "pt", "sv"] {
            XCTAssertEqual(try run(["init", language, "--language", language], in: parent).status, 0)
            let built = try run(["build", "--date", "2026-11-23"], in: parent + "/" + language)
            XCTAssertEqual(built.status, 0, built.stderr)
            // The same files and fields hold sample text, whatever the language.
            let warnings = built.stderr.split(separator: "\n").map { String($0.prefix { $0 != " " }) + String($0.split(separator: "warning: ").last ?? "").prefix(24) }
            XCTAssertEqual(warnings.count, 8, "\(language): \(built.stderr)")
            if let englishWarnings { XCTAssertEqual(warnings, englishWarnings, language) } else { englishWarnings = warnings }
            let words = StarterKitWords.of(language)
            let page = try String(contentsOfFile: parent + "/\(language)/output/example-partner/who-to-refer.html", encoding: .utf8)
            XCTAssertTrue(page.contains(">\(words.pages[0].title)</h1>"), "\(language): \(page)")
            let home = try String(contentsOfFile: parent + "/\(language)/output/example-partner/index.html", encoding: .utf8)
            XCTAssertTrue(home.contains(words.partnerName), language)
            guard language != "en" else { continue }
            for title in english.pages.map(\.title) + [english.offerTitle, english.partnerName] {
                XCTAssertFalse(home.contains(title) || page.contains(title), "\(language): \(title)")
            }
        }
    }

    /// `init --language` writes the language's whole table and a kit that speaks it.
    func testInitInALanguageWritesItsWordsAndBuildsInIt() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try run(["init", "kit", "--language", "de-AT"], in: parent).status, 0)
        let table = try String(contentsOfFile: parent + "/kit/templates/i18n/de-AT.yml", encoding: .utf8)
        XCTAssertTrue(table.contains("\nnav_home: \"Start\"\n"), table)
        XCTAssertTrue(table.hasSuffix("\n"), "a key appended with >> starts its own line")
        XCTAssertTrue(try String(contentsOfFile: parent + "/kit/content/site.yml", encoding: .utf8).contains("\nlanguage: de-AT "))
        let built = try run(["build", "--date", "2026-11-23"], in: parent + "/kit")
        XCTAssertEqual(built.status, 0, built.stderr)
        let home = try String(contentsOfFile: parent + "/kit/output/example-partner/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("<html lang=\"de-AT\" dir=\"ltr\">") && home.contains("<h1>Guten Tag, "), home)
        let bad = try run(["init", "other", "--language", "de_AT"], in: parent)
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "refkit: --language must be a BCP 47 tag such as en or pt-BR, not 'de_AT'\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: parent + "/other"), "nothing written")
    }

    func testNewWritesValidFilesAndNeverOverwrites() throws {
        let kit = try kitCopy()
        for arguments in [["source", "dora", "--segment", "partner", "--name", "Dora \"D\" Co"], ["offer", "spring", "--kind", "gift-certificate"],
                          ["page", "listen", "--kind", "trigger-phrases"], ["page", "steps", "--kind", "how-to-refer"], ["page", "faq"]] {
            let result = try run(["new"] + arguments, in: kit)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let check = try run(["check", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(check.stdout, """
            content/kit/faq.md:7:1: warning: the Markdown text still holds the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/listen.md:7:5: warning: 'phrases[1]' and the Markdown text still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            content/kit/steps.md:7:5: warning: 'steps[1]' and the Markdown text still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            content/offers/spring.md:4:8: warning: 'value' and the Markdown text still hold the sample text refkit init or new wrote: write your own, or it is published as it is
            refkit: checked 3 sources, 0 errors, 4 warnings (for 2026-11-23)

            """, "what new wrote as sample text is named until it is replaced")
        XCTAssertTrue(try String(contentsOfFile: kit + "/content/sources/dora.yml", encoding: .utf8).hasPrefix("name: \"Dora \\\"D\\\" Co\"\n"))

        let before = try Data(contentsOf: URL(fileURLWithPath: kit + "/content/kit/faq.md"))
        let again = try run(["new", "page", "faq", "--name", "Other"], in: kit)
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "refkit: content/kit/faq.md already exists; refkit new never overwrites\n")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: kit + "/content/kit/faq.md")), before)
        XCTAssertEqual(try run(["new", "page", "Bad Name"], in: kit).status, 2)
        XCTAssertEqual(try run(["new", "offer", "x1", "--kind", "voucher"], in: kit).status, 2)
    }

    /// Issue 31: `new` writes its sample text in the kit's language, makes library pieces and
    /// network posts, cuts an offer's code at a word, and `check` names every sample it wrote.
    func testNewSpeaksTheKitsLanguageAndMakesEveryKindOfFile() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-new-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: parent) }
        XCTAssertEqual(try run(["init", "kit", "--language", "pl"], in: parent).status, 0)
        let kit = parent + "/kit"
        for arguments in [["offer", "bon-swiateczny"], ["library", "wieczor", "--kind", "seminar"], ["library", "poradnik"],
                          ["post", "pierwszy-wpis", "--author", "example-partner"]] {
            let result = try run(["new"] + arguments, in: kit)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let offer = try String(contentsOfFile: kit + "/content/offers/bon-swiateczny.md", encoding: .utf8)
        XCTAssertTrue(offer.contains("value: \"Co otrzymuje polecona osoba\"\ncode: \"{{source.code}}-BON\"\n"), offer)
        XCTAssertTrue(offer.hasSuffix("---\nCzym jest oferta i jak z niej skorzystać.\n"), offer)
        let seminar = try String(contentsOfFile: kit + "/content/library/wieczor.md", encoding: .utf8)
        XCTAssertTrue(seminar.contains("kind: seminar\n") && seminar.contains("\nduration: 60") && seminar.contains("\nwhere: \"Gdzie"), seminar)
        let post = try String(contentsOfFile: kit + "/content/network/pierwszy-wpis.md", encoding: .utf8)
        XCTAssertTrue(post.contains("\nauthor: example-partner\n") && post.contains("\ndate: 20"), post)
        let check = try run(["check", "--date", "2026-12-06"], in: kit)
        XCTAssertEqual(check.status, 0, check.stderr)
        for (file, what) in [("content/library/poradnik.md:7:1", "the Markdown text still holds"),
                             ("content/library/wieczor.md:8:8", "'where' and the Markdown text still hold"),
                             ("content/network/pierwszy-wpis.md:7:1", "the Markdown text still holds"),
                             ("content/offers/bon-swiateczny.md:4:8", "'value' and the Markdown text still hold")] {
            XCTAssertTrue(check.stdout.contains("\(file): warning: \(what) the sample text refkit init or new wrote"), check.stdout)
        }
        // A post by someone who is not a partner is not kept.
        XCTAssertEqual(try run(["new", "post", "other", "--author", "nobody"], in: kit).status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/content/network/other.md"))
        XCTAssertEqual(try run(["new", "post", "third", "--kind", "guide"], in: kit).status, 2)
    }

    func testNewOnlyEverWritesFilesTheKitAccepts() throws {
        let kit = try kitCopy()
        let short = try run(["new", "source", "ab"], in: kit)
        XCTAssertEqual(short.status, 2)
        XCTAssertTrue(short.stderr.contains("a source whose slug is shorter than 3 characters needs --code"), short.stderr)
        XCTAssertEqual(try run(["new", "source", "ab", "--code", "AB-LAW"], in: kit).status, 0)
        XCTAssertEqual(try run(["new", "source", "xy", "--code", "ab"], in: kit).status, 2, "codes are capitals")

        let taken = try run(["new", "source", "carla", "--code", "CARA"], in: kit)
        XCTAssertEqual(taken.status, 1)
        XCTAssertEqual(taken.stderr, """
            content/sources/carla.yml:3:7: error: code 'CARA' is already used by content/sources/cara.yml; each source needs its own
            refkit: content/sources/carla.yml was not written: the kit would reject it

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/content/sources/carla.yml"))
        XCTAssertEqual(try run(["new", "source", "assets"], in: kit).status, 1, "a reserved slug")

        // The kit folder is an argument, as for every other command.
        let elsewhere = try run(["new", "source", "zed-works", kit], in: NSTemporaryDirectory())
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stderr)
        let written = try String(contentsOfFile: kit + "/content/sources/zed-works.yml", encoding: .utf8)
        for field in ["# reward:", "# offers:", "# language:", "# follow_up:", "# show_stats:"] {
            XCTAssertTrue(written.contains(field), "new source shows \(field)")
        }
        XCTAssertEqual(try run(["check", "--date", "2026-11-23"], in: kit).status, 0)
    }

    func testDiagnosticsAreColouredOnATerminalOnly() throws {
        let kit = try kitCopy()
        try Data("name: Cara\nsegment: customer\nmesage: hi\ncode: x\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/cara.yml"))
        for terminal in [true, false] {
            let captured = Captured()
            let environment = CLIEnvironment(
                variables: [:], currentDirectory: kit, now: { 1_795_000_000 },
                standardOutput: { captured.out($0) }, standardError: { captured.err($0) },
                errorIsTerminal: terminal, outputIsTerminal: terminal)
            XCTAssertEqual(RefkitCommand.run(["build"], in: environment), 1)
            let first = captured.stderr.split(separator: "\n").first.map(String.init) ?? ""
            if terminal {
                XCTAssertEqual(first, "\u{1B}[1mcontent/sources/cara.yml:3:1:\u{1B}[0m \u{1B}[1;33mwarning:\u{1B}[0m unknown field 'mesage'; did you mean 'message'?")
            } else {
                XCTAssertEqual(first, "content/sources/cara.yml:3:1: warning: unknown field 'mesage'; did you mean 'message'?")
            }
        }
    }

    private func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testADryRunDeployWritesNothingNotEvenOutput() throws {
        let kit = try kitCopy()
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try Data((site + "deploy: { directory: published }\n").utf8).write(to: URL(fileURLWithPath: kit + "/content/site.yml"))
        let scratch = kit + "-tmp"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: scratch) }
        let before = try FileManager.default.contentsOfDirectory(atPath: kit).sorted()
        let dry = try run(["deploy", "--dry-run", "--date", "2026-11-23"], in: kit, environment: ["TMPDIR": scratch])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("refkit: would deploy "), dry.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit).sorted(), before, "no output/, no published/")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch), [], "its own build folder is gone")
    }

    func testAFolderThatIsNotAKitSaysWhatItIs() throws {
        let kit = try kitCopy()
        for (arguments, message) in [
            (["build", kit + "/no-such-dir"], "refkit: there is no folder \(kit)/no-such-dir\n"),
            (["check", kit + "/content"], "refkit: \(kit)/content looks like a kit's content/ folder: give the kit folder that holds it, \(kit)\n"),
            (["list", kit + "/templates"], "refkit: \(kit)/templates is not a kit folder: it has no content/ (refkit init starts a kit)\n"),
            (["report", kit + "/content/site.yml"], "refkit: \(kit)/content/site.yml is a file, not a kit folder\n"),
        ] {
            let result = try run(arguments + ["--date", "2026-11-23"], in: kit)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stderr, message)
        }
    }

    func testDeployToAFolderMirrorsTheOutput() throws {
        let kit = try kitCopy()
        let target = kit + "-published"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: target) }
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try Data((site + "deploy: { directory: \(target) }\n").utf8).write(to: URL(fileURLWithPath: kit + "/content/site.yml"))
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)

        let published = try snapshot(kit + "/output").keys.filter { $0 != ".refkit-output" }.count
        let dry = try run(["deploy", "--dry-run", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.hasSuffix("refkit: would deploy \(published) added, 0 changed, 0 removed to \(target)\n"), dry.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target), "a dry run changes nothing")

        XCTAssertEqual(try run(["deploy", "--date", "2026-11-23"], in: kit).status, 0)
        XCTAssertEqual(try String(contentsOfFile: target + "/cara/index.html", encoding: .utf8),
                       try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8))
        XCTAssertTrue(try run(["deploy", "--date", "2026-11-23"], in: kit).stdout
            .hasSuffix("refkit: nothing to deploy: \(target) already has this output\n"))

        // deploy builds first: a removed page disappears from the target without a separate build.
        try FileManager.default.removeItem(atPath: kit + "/content/kit/partners-only.md")
        let update = try run(["deploy", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue(update.stdout.contains("- bolt-partners/partners-only.html\n"), update.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + "/bolt-partners/partners-only.html"))

        let foreign = kit + "-foreign"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: foreign) }
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: foreign + "/notes.txt"))
        try Data((site + "deploy: { directory: \(foreign) }\n").utf8).write(to: URL(fileURLWithPath: kit + "/content/site.yml"))
        let refused = try run(["deploy", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("refusing to deploy into \(foreign)"), refused.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: foreign), ["notes.txt"])
    }

    func testDeployToAGitBranchCommitsExactlyTheOutputDeterministically() throws {
        let kit = try kitCopy()
        let remote = kit + "-remote.git"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: remote) }
        _ = try git(["init", "-q", "--bare", remote], in: NSTemporaryDirectory())
        let site = try String(contentsOfFile: kit + "/content/site.yml", encoding: .utf8)
        try Data((site + "deploy: { git: \(remote), branch: pages }\n").utf8).write(to: URL(fileURLWithPath: kit + "/content/site.yml"))
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)

        let published = try snapshot(kit + "/output").keys.filter { $0 != ".refkit-output" }.count
        let dry = try run(["deploy", "--dry-run", "--date", "2026-11-23"], in: kit)
        XCTAssertTrue(dry.stdout.hasSuffix("refkit: would deploy \(published) added, 0 changed, 0 removed to \(remote) (branch pages)\n"), dry.stdout + dry.stderr)
        XCTAssertEqual(try git(["branch", "--list"], in: remote), "", "a dry run pushes nothing")

        XCTAssertEqual(try run(["deploy", "--date", "2026-11-23"], in: kit).status, 0)
        let files = try git(["ls-tree", "-r", "--name-only", "pages"], in: remote).split(separator: "\n").map(String.init)
        let expected = try snapshot(kit + "/output").keys.filter { $0 != ".refkit-output" }.sorted()
        XCTAssertEqual(files, expected)
        XCTAssertEqual(try git(["log", "-1", "--format=%an <%ae> %aI %s", "pages"], in: remote),
                       "refkit <refkit@localhost> 2026-11-23T00:00:00+00:00 refkit: publish the kits of 2026-11-23")
        // The same output and history give the same commit, so a second deploy pushes nothing.
        let head = try git(["rev-parse", "pages"], in: remote)
        XCTAssertTrue(try run(["deploy", "--date", "2026-11-23"], in: kit).stdout
            .hasSuffix("refkit: nothing to deploy: \(remote) (branch pages) already has this output\n"))
        XCTAssertEqual(try git(["rev-parse", "pages"], in: remote), head)
    }

    /// The help says what the files are as FORMAT.md does (issue 31): the ledger's sixth column,
    /// and where a relative deploy folder is.
    func testHelpDescribesTheLedgersColumnsAndTheDeployFolder() throws {
        let report = try run(["help", "report"], in: NSTemporaryDirectory())
        XCTAssertTrue(report.stdout.contains("date,source,stage,value,note,prospect"), report.stdout)
        let deploy = try run(["help", "deploy"], in: NSTemporaryDirectory())
        XCTAssertTrue(deploy.stdout.contains("deploy: { directory: published }     relative: KIT/published/"), deploy.stdout)
    }

    func testHelpAndVersion() throws {
        let help = try run(["build", "--help"], in: NSTemporaryDirectory())
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("refkit build mykit --date 2027-01-31"), help.stdout)
        let version = try run(["--version"], in: NSTemporaryDirectory())
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
    }

    func testInProcessRunUsesTheInjectedEnvironment() throws {
        let kit = try kitCopy()
        let captured = Captured()
        let environment = CLIEnvironment(
            variables: ["SOURCE_DATE_EPOCH": "1767225600"], currentDirectory: kit, now: { 0 },
            standardOutput: { captured.out($0) }, standardError: { captured.err($0) })
        XCTAssertEqual(RefkitCommand.run(["build"], in: environment), 0)
        XCTAssertTrue(captured.stdout.contains(" for 2026-01-01 in "), captured.stdout)
        XCTAssertEqual(captured.stderr, "")
    }
}

private final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var o = "", e = ""
    func out(_ s: String) { lock.withLock { o += s } }
    func err(_ s: String) { lock.withLock { e += s } }
    var stdout: String { lock.withLock { o } }
    var stderr: String { lock.withLock { e } }
}

/// `refkit serve` in a real browser: an edit shows without a manual reload, a broken edit shows an
/// overlay naming the file and line, and the page recovers (Fixtures/tools/serve_browser_check.py).
final class ServeBrowserTests: XCTestCase {
    func testEditsReloadAndErrorsOverlayInChromium() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("RefkitBuildTests/Fixtures").path
        let hasPlaywright = Process()
        hasPlaywright.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        hasPlaywright.arguments = ["python3", "-c", "import playwright"]
        hasPlaywright.standardError = FileHandle.nullDevice
        try hasPlaywright.run()
        hasPlaywright.waitUntilExit()
        let missing = hasPlaywright.terminationStatus != 0 || !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        if missing {
            let message = "needs Chromium and Playwright for Python: scripts/install-deps --test-tools installs them"
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(message) }
            throw XCTSkip(message)
        }
        let kit = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-serve-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: fixtures + "/kits/basic", toPath: kit)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: kit) }
        let refkit = RefkitUnderTest.path

        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", fixtures + "/tools/serve_browser_check.py", refkit, kit]
        let out = Pipe(), err = Pipe()
        check.standardOutput = out
        check.standardError = err
        try check.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        XCTAssertEqual(check.terminationStatus, 0, output + errors)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, output)
        XCTAssertTrue(lines.first?.hasPrefix("edit shown after") == true, output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"), "serve never writes the kit's output/")
    }
}

/// Every file below `directory`, by relative path, with its bytes.
func snapshot(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for case let path as String in FileManager.default.enumerator(atPath: directory)! {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = FileManager.default.contents(atPath: directory + "/" + path)
        }
    }
    return files
}
