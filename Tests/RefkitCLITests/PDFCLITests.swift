import Foundation
import RefkitTestTools
import XCTest

/// `refkit build --pdf`, run as users run it (the release binary in `scripts/test`'s second pass).
final class PDFCLITests: XCTestCase {
    private func kitCopy() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refkit-pdf-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: CLITests.fixtures + "/kits/basic", toPath: directory)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    /// Without Chromium on PATH, `--pdf` names the package to install and writes nothing.
    func testWithoutChromiumTheBuildNamesThePackage() throws {
        let kit = try kitCopy()
        let result = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--date", "2026-11-23"], in: kit,
                                    environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.error, "refkit: --pdf prints with headless Chromium, which is not installed: install Debian's package "
            + "chromium-headless-shell (sudo apt-get install chromium-headless-shell), or chromium, or set REFKIT_CHROMIUM to its program\n")
        XCTAssertEqual(result.output, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))
    }

    /// Every handout and offer gets its PDF, one page each, in the output and in the source's zip;
    /// the second build finds nothing changed.
    func testBuildPDFBundle() throws {
        let pdfinfo = try ExternalTool.pdfinfo.require()
        _ = try ExternalTool.chromium.require()
        let kit = try kitCopy()
        let environment = ["PATH": "/usr/bin:/bin"]
        let result = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--bundle", "--date", "2026-11-23"], in: kit,
                                    environment: environment)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("refkit: built 2 kits, 19 pages for 2026-11-23 in "), result.output)
        let output = kit + "/output"
        let files = try FileManager.default.subpathsOfDirectory(atPath: output)
        let printed = files.filter { $0.hasSuffix("/handout.html") || ($0.contains("/offers/") && $0.hasSuffix(".html")) }
        let pdfs = files.filter { $0.hasSuffix(".pdf") }
        XCTAssertEqual(Set(pdfs), Set(printed.map { $0.replacingOccurrences(of: ".html", with: ".pdf") }))
        XCTAssertGreaterThanOrEqual(pdfs.count, 4)
        for pdf in pdfs {
            let info = try runProcess(pdfinfo, [output + "/" + pdf])
            XCTAssertTrue(info.output.contains("\nPages:           1\n"), "\(pdf): \(info.output)")
        }
        for source in ["cara", "bolt-partners"] {
            let listing = try runProcess("/usr/bin/unzip", ["-Z1", "\(output)/bundles/\(source).zip"]).output.split(separator: "\n").map(String.init)
            XCTAssertEqual(Set(listing.filter { $0.hasSuffix(".pdf") }), Set(pdfs.filter { $0.hasPrefix(source + "/") }))
        }
        let again = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--bundle", "--date", "2026-11-23"], in: kit,
                                   environment: environment)
        XCTAssertTrue(again.output.hasPrefix("refkit: nothing changed since the last build"), again.output)
    }

    /// `build --pdf --bundle`, then `deploy`: a kit that declares `outputs: { pdf: true, bundles:
    /// true }` publishes its PDFs and zips, and a plain build keeps them; a kit that does not is
    /// told, by the build and the deploy, that they were removed (issue 29: deploy dropped 12 → 0).
    func testDeployPublishesWhatTheKitDeclaresAndSaysWhatItRemoved() throws {
        _ = try ExternalTool.chromium.require()
        let environment = ["PATH": "/usr/bin:/bin"]
        func run(_ arguments: [String], _ kit: String) throws -> (status: Int32, output: String, error: String) {
            let result = try runProcess(RefkitUnderTest.path, arguments + ["--date", "2026-11-23"], in: kit, environment: environment)
            XCTAssertEqual(result.status, 0, result.error)
            return result
        }
        func handOuts(_ folder: String) throws -> [String] {
            try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".zip") }.sorted()
        }
        // Declared: every build and every deploy has them.
        let declared = try kitCopy()
        let site = declared + "/content/site.yml"
        try Data((try String(contentsOfFile: site, encoding: .utf8) + "outputs: { pdf: true, bundles: true }\ndeploy: { directory: published }\n").utf8)
            .write(to: URL(fileURLWithPath: site))
        _ = try run(["build"], declared)
        let built = try handOuts(declared + "/output")
        XCTAssertGreaterThanOrEqual(built.count, 6, "\(built)")
        let deployed = try run(["deploy"], declared)
        XCTAssertFalse(deployed.output.contains("refkit: removed"), deployed.output)
        XCTAssertEqual(try handOuts(declared + "/published"), built)
        let again = try run(["build"], declared)
        XCTAssertTrue(again.output.hasPrefix("refkit: nothing changed since the last build"), again.output)
        XCTAssertEqual(try handOuts(declared + "/output"), built)

        // Not declared: --pdf --bundle makes them for one build; the next build (the deploy's
        // own) removes them and says so, and the dry run says so before anything is published.
        let plain = try kitCopy()
        try Data((try String(contentsOfFile: plain + "/content/site.yml", encoding: .utf8) + "deploy: { directory: published }\n").utf8)
            .write(to: URL(fileURLWithPath: plain + "/content/site.yml"))
        _ = try run(["build", "--pdf", "--bundle"], plain)
        let pdfs = try handOuts(plain + "/output").filter { $0.hasSuffix(".pdf") }.count
        let zips = try handOuts(plain + "/output").count - pdfs
        let note = "refkit: removed \(pdfs) PDFs and \(zips) zips an earlier build made: this build was not asked for them; to keep them "
            + "in every build (and in refkit deploy), add outputs: { pdf: true, bundles: true } to content/site.yml, or pass --pdf / --bundle\n"
        let dry = try run(["deploy", "--dry-run"], plain)
        XCTAssertTrue(dry.output.contains(note), dry.output)
        let published = try run(["deploy"], plain)
        XCTAssertTrue(published.output.contains(note), published.output)
        XCTAssertEqual(try handOuts(plain + "/output"), [])
    }

    /// A printed page may not reach the network, whatever its HTML asks (issue 29: a page's script
    /// opened a window that made a real GET, and WebRTC sent STUN and mDNS): an offer with raw HTML
    /// holding script in an <object> (the tag filter keeps it), window.open, fetch, WebRTC and an
    /// image on a listening local server is printed under strace: nothing connects or sends to an Internet address, and
    /// the server hears nothing.
    func testPrintingReachesNoNetwork() throws {
        _ = try ExternalTool.chromium.require()
        let strace = try ExternalTool.strace.require()
        let kit = try kitCopy()
        let listener = try runProcess("/usr/bin/env", ["python3", "-c", """
            import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])
            """])
        let port = Int(listener.output.trimmingCharacters(in: .whitespacesAndNewlines))! + 1
        let heard = kit + "/heard.txt"
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", \(port)))
            s.listen(8); s.settimeout(60)
            while True:
                try: c, _ = s.accept()
                except OSError: break
                open(sys.argv[1], "a").write(c.recv(200).decode("latin-1") + "\\n")
            """, heard]
        try server.run()
        defer { server.terminate() }
        let script = """
            <script>window.open("http://127.0.0.1:\(port)/popup"); fetch("http://127.0.0.1:\(port)/fetch");
            var c = new RTCPeerConnection({iceServers: [{urls: "stun:127.0.0.1:\(port)"}, {urls: "stun:8.8.8.8:3478"}]});
            c.createDataChannel("x"); c.createOffer().then(function (o) { c.setLocalDescription(o); });</script>
            """
        let site = kit + "/content/site.yml"
        try Data((try String(contentsOfFile: site, encoding: .utf8) + "unsafe_html: true\n").utf8).write(to: URL(fileURLWithPath: site))
        try Data("""
            ---
            title: Ten percent off
            kind: coupon
            value: "10% off"
            code: "{{source.code}}-10"
            ---
            <object data="data:text/html;base64,\(Data(script.utf8).base64EncodedString())" width="10" height="10"></object>
            <img src="http://127.0.0.1:\(port)/image.png" alt="">

            """.utf8).write(to: URL(fileURLWithPath: kit + "/content/offers/coupon.md"))
        let log = kit + "/strace.txt"
        let result = try runProcess(strace, ["-f", "-qq", "-e", "trace=connect,sendto,sendmsg,sendmmsg", "-o", log, RefkitUnderTest.path,
                                             "build", "--pdf", "--date", "2026-11-23"], in: kit, environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kit + "/output/cara/offers/coupon.pdf"))
        Thread.sleep(forTimeInterval: 1)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        // A socket made only to ask the system about its addresses sends nothing: what counts is a
        // connection or a datagram to an Internet address.
        let internet = calls.filter { $0.contains("sa_family=AF_INET") }
        XCTAssertEqual(internet, [], "Internet traffic while printing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: heard), (try? String(contentsOfFile: heard, encoding: .utf8)) ?? "")
    }

    /// Chromium's profile (a megabyte) is removed on Ctrl-C, SIGTERM and SIGHUP, and one left by a
    /// build killed outright is removed by the next build that prints (issue 29).
    func testChromiumsProfileNeverOutlivesTheBuild() throws {
        _ = try ExternalTool.chromium.require()
        let kit = try kitCopy()
        // Forty sources: printing takes seconds, so every signal comes while Chromium prints.
        for n in 0..<40 {
            try Data("name: Customer \(n)\nsegment: customer\n".utf8).write(to: URL(fileURLWithPath: kit + "/content/sources/customer-\(n).yml"))
        }
        let temporary = kit + "/tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        func profiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).filter { $0.hasPrefix("refkit-chromium-") }
        }
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGKILL] {
            try? FileManager.default.removeItem(atPath: kit + "/output")
            let build = Process()
            build.executableURL = URL(fileURLWithPath: RefkitUnderTest.path)
            build.arguments = ["build", "--pdf", "--date", "2026-11-23"]
            build.currentDirectoryURL = URL(fileURLWithPath: kit)
            build.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": temporary]
            build.standardOutput = FileHandle.nullDevice
            build.standardError = FileHandle.nullDevice
            try build.run()
            let deadline = Date().addingTimeInterval(20)
            // Chromium has started once it has made its profile's Default folder.
            while !(profiles().first.map { FileManager.default.fileExists(atPath: temporary + "/" + $0 + "/Default") } ?? false),
                  build.isRunning, Date() < deadline { usleep(2_000) }
            usleep(100_000)
            XCTAssertFalse(profiles().isEmpty, "signal \(signal): Chromium was started")
            kill(build.processIdentifier, signal)
            build.waitUntilExit()
            XCTAssertTrue(build.terminationReason == .uncaughtSignal || build.terminationStatus != 0,
                          "signal \(signal) stopped the build")
            if signal == SIGKILL {
                XCTAssertEqual(profiles().count, 1, "nothing can run on SIGKILL")
            } else {
                usleep(200_000)
                XCTAssertEqual(profiles(), [], "signal \(signal)")
            }
        }
        let next = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--date", "2026-11-23"], in: kit,
                                  environment: ["PATH": "/usr/bin:/bin", "TMPDIR": temporary])
        XCTAssertEqual(next.status, 0, next.error)
        XCTAssertEqual(profiles(), [], "the next build removed the killed build's profile, and its own")
    }

    /// Every `site.url` that `check` accepts prints: an upper-case host, `:443`, dot segments, a
    /// query and a fragment failed with ERR_BLOCKED_BY_CLIENT or printed on two pages (issue 29).
    /// The address is written one way (`SiteAddress`) for the printer and every link.
    func testAnAwkwardSiteURLPrintsOnePageEach() throws {
        let pdfinfo = try ExternalTool.pdfinfo.require()
        _ = try ExternalTool.chromium.require()
        let kit = try kitCopy()
        let site = kit + "/content/site.yml"
        let text = try String(contentsOfFile: site, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("url:") })
        try Data(text.replacingOccurrences(of: String(line), with: "url: HTTPS://Kits.Acme.EXAMPLE:443/a/./b/../refer?utm=x#top").utf8)
            .write(to: URL(fileURLWithPath: site))
        let result = try runProcess(RefkitUnderTest.path, ["build", "--pdf", "--date", "2026-11-23"], in: kit,
                                    environment: ["PATH": "/usr/bin:/bin"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.contains("warning: 'url' is where output/ is published: its '?utm=x#top' is left out, and links are made under https://kits.acme.example/a/refer"),
                      result.error)
        let pdfs = try FileManager.default.subpathsOfDirectory(atPath: kit + "/output").filter { $0.hasSuffix(".pdf") }
        XCTAssertGreaterThanOrEqual(pdfs.count, 4)
        for pdf in pdfs {
            let info = try runProcess(pdfinfo, [kit + "/output/" + pdf])
            XCTAssertTrue(info.output.contains("\nPages:           1\n"), "\(pdf): \(info.output)")
        }
        let email = try String(contentsOfFile: kit + "/output/cara/email.html", encoding: .utf8)
        XCTAssertTrue(email.contains("https://kits.acme.example/a/refer/"), "the e-mail's links are under the address as written one way")
    }
}
