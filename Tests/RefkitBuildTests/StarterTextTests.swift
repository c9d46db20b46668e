@testable import RefkitBuild
import XCTest

final class StarterTextTests: XCTestCase {
    /// The sample kit's words: every language has each part, English's placeholders and no
    /// others, and nothing YAML would need escaped (they are written between `"`).
    func testEveryLanguagesSampleKitIsComplete() {
        let english = StarterKitWords.of("en")
        func placeholders(_ text: String) -> Set<String> { Set(text.matches(of: /\{\{[a-z.]+\}\}/).map { String($0.output) }) }
        for (language, words) in StarterKitWords.byLanguage {
            XCTAssertEqual([words.pages.count, words.phrases.count, words.steps.count, words.processSteps.count], [5, 3, 3, 3], language)
            let texts = [words.business, words.contactName, words.partnerReward, words.customerReward, words.offerTitle, words.offerValue,
                         words.offerTerms, words.offerBody, words.partnerName, words.customerName, words.theirName, words.partnerMessage]
                + words.pages.flatMap { [$0.title, $0.summary, $0.body] } + words.phrases + words.steps + words.processSteps
            for text in texts { XCTAssertFalse(text.contains("\"") || text.contains("\\"), "\(language): \(text)") }
            for (page, reference) in zip(words.pages, english.pages) {
                XCTAssertTrue(placeholders(page.body).isSubset(of: placeholders(reference.body)), "\(language): \(page.body)")
            }
            for (step, reference) in zip(words.steps, english.steps) {
                XCTAssertEqual(placeholders(step), placeholders(reference), "\(language): \(step)")
            }
        }
    }

    /// Polish declines names: the sample kit puts one only where no case ending is asked for.
    func testThePolishSampleKitPutsNamesWhereTheyNeedNoCase() {
        let polish = StarterKitWords.of("pl")
        for text in polish.pages.flatMap({ [$0.title, $0.summary, $0.body] }) + polish.steps + [StarterWords.of("pl").pageBody, StarterWords.of("pl").libraryBody] {
            XCTAssertNil(text.firstMatch(of: /\b(z|do|dla|przez|od|klientów|polecić|wspomnieć o) \{\{(site|source)\.name\}\}/), text)
        }
    }
}
