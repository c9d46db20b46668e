import Foundation
import RefkitTestTools
import XCTest

/// Issue 34: `refkit import` of the business's other services' exports, each written from its
/// documentation's column list: GoatCounter's CSV export (goatcounter.com/help/export and the
/// header its export code writes), Plausible's export (plausible.io/docs/csv-import, the zip and
/// its `imported_sources_….csv`), and the refer-someone form's submissions as Netlify Forms and
/// Formspree export them (a column per form field, and when it was sent).
final class ImportExportTests: XCTestCase {
    private func kitCopy() throws -> String { try basicKitCopy("export") }

    private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try runRefkit(arguments, in: directory)
    }

    private func ledger(_ kit: String) throws -> String { try String(contentsOfFile: kit + "/content/ledger.csv", encoding: .utf8) }

    /// GoatCounter's export, version 2, gzipped as GoatCounter sends it: one row per pageview.
    static let goatCounter = """
        2Path,Title,Event,UserAgent,Browser,System,Session,Bot,Referrer,Referrer scheme,Screen size,Location,FirstVisit,Date
        /start?lang=en&ref=CARA&utm_source=cara&utm_medium=referral,Start,false,,Firefox 133,Linux,1,0,,,"1920,1080,1",DE-BY,true,2026-11-20T10:00:00Z
        /start?utm_source=cara,Start,false,,Safari 18,iOS 18,2,0,,,"390,844,3",DE,true,2026-11-20T18:30:00Z
        /start?utm_source=cara,Start,false,,Chrome 130,Linux,3,7,,,,,true,2026-11-20T19:00:00Z
        /start,Start,false,,Safari 18,macOS,4,0,BOLT,c,"1440,900,2",NL,true,2026-11-21T09:00:00Z
        /pricing?utm_source=newsletter,Pricing,false,,Firefox 133,Linux,5,0,,,,,true,2026-11-21T10:00:00Z
        /start?ref=bolt,Start,false,,Firefox 133,Linux,6,0,,,,,true,yesterday

        """

    func testAGoatCounterExportBecomesViewsPerSourceAndDay() throws {
        let kit = try kitCopy()
        try Self.goatCounter.write(toFile: kit + "/goatcounter.csv", atomically: true, encoding: .utf8)
        _ = try runProcess("/bin/gzip", [kit + "/goatcounter.csv"])
        let imported = try run(["import", "goatcounter.csv.gz", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stderr, "\(kit)/goatcounter.csv.gz:7:1: warning: its Date is not a date: 'yesterday': left out\n")
        XCTAssertEqual(imported.stdout, "refkit: imported 1 file: 0 'opened', 0 printed-link 'view', 2 analytics 'view' and 0 'lead' rows added to content/ledger.csv\n")
        // Two people's visits to cara's link on the 20th (a bot's left out), BOLT's campaign on the 21st.
        XCTAssertEqual(try ledger(kit), """
            date,source,stage,value,note,prospect
            2026-11-20,cara,view,2,GoatCounter,
            2026-11-21,bolt-partners,view,1,GoatCounter,

            """)
        XCTAssertEqual(try run(["import", "goatcounter.csv.gz"], in: kit).stdout.contains("0 'opened' and 0 printed-link 'view' rows added"), true)
    }

    /// Plausible's export is a zip of CSV files, one per report; the visits by source are read.
    func testAPlausibleExportBecomesViewsPerSourceAndDay() throws {
        let kit = try kitCopy()
        let sources = """
            "date","source","referrer","utm_source","utm_medium","utm_campaign","utm_content","utm_term","pageviews","visitors","visits","visit_duration","bounces"
            "2026-11-21","cara","","cara","referral","spring 2026","","",5,3,4,100,1
            "2026-11-21","BOLT","","","","","","",2,1,1,0,0
            "2026-11-21","Google","google.com","","","","","",70,23,25,8249,13
            "2026-11-22","bolt-partners","","bolt-partners","referral","spring 2026","","",9,6,7,310,2

            """
        let visitors = "\"date\",\"visitors\",\"pageviews\",\"bounces\",\"visits\",\"visit_duration\"\n\"2026-11-21\",119,304,77,134,21070\n"
        let zip = kit + "/plausible.zip"
        let script = "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
            + "    z.writestr('imported_sources_20261101_20261130.csv', sys.argv[2])\n    z.writestr('imported_visitors_20261101_20261130.csv', sys.argv[3])\n"
        XCTAssertEqual(try runProcess("/usr/bin/python3", ["-c", script, zip, sources, visitors]).status, 0)
        let imported = try run(["import", zip, "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stderr, "")
        XCTAssertEqual(try ledger(kit), """
            date,source,stage,value,note,prospect
            2026-11-21,bolt-partners,view,1,Plausible,
            2026-11-21,cara,view,4,Plausible,
            2026-11-22,bolt-partners,view,7,Plausible,

            """)
        // The CSV file on its own reads the same, and adds nothing now.
        try sources.write(toFile: kit + "/imported_sources_20261101_20261130.csv", atomically: true, encoding: .utf8)
        let again = try run(["import", "imported_sources_20261101_20261130.csv"], in: kit)
        XCTAssertTrue(again.stdout.contains(": 0 'opened' and 0 printed-link 'view' rows added"), again.stdout + again.stderr)
    }

    /// The refer-someone form's submissions: a lead row each, with the prospect's name only.
    func testIntakeFormSubmissionsBecomeLeadsWithoutAnyContactDetail() throws {
        let kit = try kitCopy()
        // Netlify's export: the form's fields (form-name and the honeypot among them) and created_at.
        let netlify = """
            code,prospect,contact,need,consent,_gotcha,form-name,created_at
            CARA,Omar Haddad,omar@haddad.example,"Payroll, from January",yes,,refer,2026-11-22T14:03:11.000Z
            CARA,Spam Bot,spam@bot.example,buy now,yes,http://spam.example,refer,2026-11-22T15:00:00.000Z
            bolt,Lena Ortiz,+49 30 1234567,,yes,,refer,2026-11-23T09:12:00.000Z
            BOLT,Tom Becker,tom@becker.example,,,,refer,2026-11-23T10:00:00.000Z
            NOPE,Ida Nord,ida@nord.example,,yes,,refer,2026-11-23T11:00:00.000Z
            CARA,someone@else.example,,,yes,,refer,2026-11-23T12:00:00.000Z

            """
        // Formspree's export of the same form: `_date`, and the subject it was sent under.
        let formspree = """
            _date,code,prospect,contact,need,consent,_subject
            2026-11-24 08:00:00 UTC,CARA,omar haddad,omar@haddad.example,,yes,Referral from Cara Customer (CARA)
            2026-11-24 09:00:00 UTC,CARA,"Müller, Jana",jana@mueller.example,,yes,Referral from Cara Customer (CARA)

            """
        try netlify.write(toFile: kit + "/netlify.csv", atomically: true, encoding: .utf8)
        try formspree.write(toFile: kit + "/formspree.csv", atomically: true, encoding: .utf8)
        let imported = try run(["import", "netlify.csv", "formspree.csv", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stderr, """
            \(kit)/netlify.csv:5:1: warning: its consent box is not ticked: the prospect did not agree to be contacted: left out
            \(kit)/netlify.csv:6:1: warning: 'NOPE' is no source's code: left out
            \(kit)/netlify.csv:7:1: warning: its prospect is an e-mail address, which refkit never writes to the ledger; add the row by hand with the prospect's name: left out

            """)
        XCTAssertEqual(imported.stdout, "refkit: imported 2 files: 0 'opened', 0 printed-link 'view', 0 analytics 'view' and 3 'lead' rows added to content/ledger.csv\n")
        // Omar's second submission (another case) is the same referral; no e-mail or phone is kept.
        let after = try ledger(kit)
        XCTAssertEqual(after, """
            date,source,stage,value,note,prospect
            2026-11-22,cara,lead,,intake form,Omar Haddad
            2026-11-23,bolt-partners,lead,,intake form,Lena Ortiz
            2026-11-24,cara,lead,,intake form,"Müller, Jana"

            """)
        XCTAssertFalse(after.contains("@") || after.contains("+49"))
        XCTAssertEqual(try run(["import", "netlify.csv", "formspree.csv"], in: kit).stdout,
                       "refkit: imported 2 files: 0 'opened' and 0 printed-link 'view' rows added to content/ledger.csv\n")
        XCTAssertEqual(try ledger(kit), after)
        // The report reads the imported leads as the ledger's own.
        let report = try run(["report", "--date", "2026-11-25"], in: kit)
        XCTAssertEqual(report.status, 0, report.stderr)
        XCTAssertFalse(report.stderr.contains("ledger.csv"), report.stderr)
    }

    /// A five-column ledger has nowhere to name a lead's prospect: nothing is imported.
    func testLeadsNeedTheProspectColumn() throws {
        let kit = try kitCopy()
        let ledger = "date,source,stage,value,note\n2026-11-01,cara,view,,\n"
        try ledger.write(toFile: kit + "/content/ledger.csv", atomically: true, encoding: .utf8)
        try "created_at,code,prospect,consent\n2026-11-22,CARA,Omar Haddad,yes\n".write(toFile: kit + "/form.csv", atomically: true, encoding: .utf8)
        let refused = try run(["import", "form.csv"], in: kit)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "refkit: cannot write content/ledger.csv: its first line has no 'prospect' column for the intake form's leads: "
                       + "add ',prospect' to it and import again; it is as it was\n")
        XCTAssertEqual(try self.ledger(kit), ledger)
    }
}
