import Foundation
import XCTest

/// `refkit report` and `show_stats`, through the real binary on the basic fixture kit.
extension CLITests {
    func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func testReportWritesThePrivateFilesAndNothingElse() throws {
        let kit = try kitCopy()
        try write("date,source,stage,value,note\n2026-11-02,cara,lead,,\n2026-11-09,CARA,deal,1200,\n", kit + "/content/ledger.csv")
        let result = try run(["report", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "refkit: reported 2 ledger rows for 2 sources, 2025-12-01 to 2026-11-23 → private/report/index.html, private/follow-up.ics\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit + "/private").sorted(), ["follow-up.ics", "report"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: kit + "/private/report"), ["index.html"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/output"))

        // --private elsewhere; bad options are usage errors (2); a bad ledger is 1 and writes nothing.
        let elsewhere = kit + "-private"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: elsewhere) }
        XCTAssertEqual(try run(["report", "--date", "2026-11-23", "--private", elsewhere], in: kit).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere + "/follow-up.ics"))
        let badOption = try run(["report", "--from", "2026-02-30"], in: kit)
        XCTAssertEqual(badOption.status, 2)
        XCTAssertEqual(badOption.stderr, "refkit: --from must be a day written YYYY-MM-DD, not '2026-02-30'\n")
        try write("date,source,stage,value,note\n2026-11-02,cara,deal,1200,\n", kit + "/content/ledger.csv")
        try FileManager.default.removeItem(atPath: kit + "/private")
        let bad = try run(["report", "--date", "2026-11-23"], in: kit)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(bad.stderr, """
            content/ledger.csv:2:1: error: a deal with no lead: by 2026-11-02, cara has 1 deal and no lead; add the lead this deal came from
            refkit: the kit has 1 error; no report was written

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: kit + "/private"))
        // `check` reports the ledger too; `build` does not read it while no source shows its numbers.
        XCTAssertEqual(try run(["check", "--date", "2026-11-23"], in: kit).status, 1)
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)
    }

    func testShowStatsPutsOnlyTheCountsOnThatSourcesHome() throws {
        let kit = try kitCopy()
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)
        let before = try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8)

        // A ledger (with prospects, and a referral given) and a process map change nothing in
        // output/: nothing from them is published.
        try write("date,source,stage,value,note,prospect\n2025-12-30,cara,lead,,Last year's\n2026-03-02,cara,lead,,Dora Private,Dora Zed\n2026-03-09,cara,lead,,Eve Private,Eve Zed\n2026-03-10,cara,given,,we sent one,Gus Zed\n2026-04-01,cara,deal,4800,Dora signed,Dora Zed\n2026-02-01,bolt-partners,lead,,\n",
                  kit + "/content/ledger.csv")
        try write("steps:\n  - { stage: lead, name: Call them, owner: Olga Owner, within_days: 2 }\n", kit + "/content/process.yml")
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)
        XCTAssertEqual(try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8), before)

        // Opted in: this year's referrals and clients, and nothing else from the ledger.
        let cara = try String(contentsOfFile: kit + "/content/sources/cara.yml", encoding: .utf8)
        try write(cara + "show_stats: true\n", kit + "/content/sources/cara.yml")
        XCTAssertEqual(try run(["build", "--date", "2026-11-23"], in: kit).status, 0)
        let home = try String(contentsOfFile: kit + "/output/cara/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("<p class=\"stats\"><strong>You sent us 2 referrals this year, 1 became a client — thank you!</strong></p>"), home)
        let bolt = try String(contentsOfFile: kit + "/output/bolt-partners/index.html", encoding: .utf8)
        XCTAssertFalse(bolt.contains("class=\"stats\""), "bolt-partners did not opt in")
        let everything = try FileManager.default.subpathsOfDirectory(atPath: kit + "/output").compactMap {
            try? String(contentsOfFile: kit + "/output/" + $0, encoding: .utf8)
        }.joined()
        for secret in ["Private", "4800", "4,800", "Dora", "Zed", "Olga", "Call them"] { XCTAssertFalse(everything.contains(secret), secret) }
        // ...while the report shows them.
        XCTAssertEqual(try run(["report", "--date", "2026-11-23"], in: kit).status, 0)
        let report = try String(contentsOfFile: kit + "/private/report/index.html", encoding: .utf8)
        for shown in ["Dora Zed", "Olga Owner", "Call them"] { XCTAssertTrue(report.contains(shown), shown) }
    }
}
