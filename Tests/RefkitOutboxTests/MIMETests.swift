import RefkitModel
import XCTest

@testable import RefkitOutbox

/// The pieces of a message file, each against its RFC (the whole files are parsed back by
/// Python's `email` package in OutboxTests).
final class MIMETests: XCTestCase {
    func testHeaderTextIsEncodedWordsOfAtMost75CharactersNeverSplittingACharacter() {
        XCTAssertEqual(MIME.encoded("Thank you from Acme"), "Thank you from Acme")
        let polish = "Podziękowanie: Zakład Usług Księgowych Łódź – Ścieżka Żółwia Gęś"
        let words = MIME.encoded(polish).components(separatedBy: "\r\n ")
        XCTAssertGreaterThan(words.count, 1)
        var decoded: [UInt8] = []
        for word in words {
            XCTAssertLessThanOrEqual(word.count, 75, word)
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="), word)
            let bytes = Array(Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!)
            XCTAssertNotNil(String(validating: bytes, as: UTF8.self), "each word is whole characters")
            decoded += bytes
        }
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), polish)
        // Text that looks like an encoded word is encoded, so it is not read as one.
        XCTAssertTrue(MIME.encoded("=?x?=").hasPrefix("=?UTF-8?B?"))
    }

    func testMailboxesQuoteOrEncodeTheirNames() {
        XCTAssertEqual(MIME.mailbox(.init(name: "Dana Lee", address: "d@x.example")), "Dana Lee <d@x.example>")
        XCTAssertEqual(MIME.mailbox(.init(name: "Lee, Dana \"DL\"", address: "d@x.example")), #""Lee, Dana \"DL\"" <d@x.example>"#)
        XCTAssertTrue(MIME.mailbox(.init(name: "Zoë", address: "z@x.example")).hasSuffix("?= <z@x.example>"))
    }

    func testQuotedPrintableKeepsLinesShortAndEncodesWhatItMust() {
        let text = String(repeating: "Grüße = viele ", count: 20) + "\nend with a space \n"
        let encoded = MIME.quotedPrintable(text)
        for line in encoded.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.count, 76, line)
            XCTAssertFalse(line.hasSuffix(" "), "a space at a line's end is encoded")
        }
        XCTAssertTrue(encoded.contains("Gr=C3=BC=C3=9Fe =3D viele"))
        XCTAssertTrue(encoded.contains("end with a space=20"))
    }

    func testTheDateIsRFC5322sAt9UTC() {
        XCTAssertEqual(MIME.date(Day("2026-12-07")!), "Mon, 07 Dec 2026 09:00:00 +0000")
        XCTAssertEqual(MIME.date(Day("2027-01-01")!), "Fri, 01 Jan 2027 09:00:00 +0000")
    }

    func testLongHeadersAreFolded() {
        let header = MIME.header("Subject", String(repeating: "word ", count: 30))
        for line in header.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.count, 78) }
        XCTAssertTrue(header.contains("\r\n "))
    }
}
