import Foundation
import RefkitBuild
import RefkitModel
import RefkitTemplates
import XCTest

/// docs/FORMAT.md's generated parts are what the code has: the placeholder list from
/// `Placeholder.fields`, the template view from `SiteRenderer.viewSchema` (the typed views). REFKIT_UPDATE_DOCS=1 rewrites them.
final class DocsTests: XCTestCase {
    static let format = Fixtures.repositoryRoot + "/docs/FORMAT.md"

    func testTheGeneratedPartsOfTheKitReferenceMatchTheCode() throws {
        var text = try String(contentsOfFile: Self.format, encoding: .utf8)
        for (name, generated) in [("placeholders", Placeholder.documentation), ("view", SiteRenderer.viewSchema.documentation)] {
            guard let start = text.range(of: "<!-- \(name):"), let startLine = text[start.upperBound...].firstIndex(of: "\n"),
                  let end = text.range(of: "<!-- end \(name) -->") else {
                return XCTFail("docs/FORMAT.md has no <!-- \(name): … --> … <!-- end \(name) --> block")
            }
            let written = String(text[text.index(after: startLine)..<end.lowerBound])
            if ProcessInfo.processInfo.environment["REFKIT_UPDATE_DOCS"] == "1" {
                text.replaceSubrange(text.index(after: startLine)..<end.lowerBound, with: generated)
            } else {
                XCTAssertEqual(written, generated, "docs/FORMAT.md's \(name) list is not the code's: REFKIT_UPDATE_DOCS=1 swift test rewrites it")
            }
        }
        if ProcessInfo.processInfo.environment["REFKIT_UPDATE_DOCS"] == "1" {
            try Data(text.utf8).write(to: URL(fileURLWithPath: Self.format))
        }
    }
}
