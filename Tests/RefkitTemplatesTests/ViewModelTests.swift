import RefkitTemplates
import XCTest

/// A typed view gives what templates see and its schema from one list of fields.
final class ViewModelTests: XCTestCase {
    private struct Person: ViewModel {
        var name: String
        var nickname: String?
        var tags: [String]
        var friends: [Friend]

        static let fields: [ViewField<Self>] = [
            .text("name") { $0.name }, .text("nickname") { $0.nickname }, .texts("tags") { $0.tags },
            .flag("has_tags") { !$0.tags.isEmpty }, .number("count") { $0.tags.count }, .list("friends") { $0.friends },
        ]
    }

    /// (A view cannot contain itself: its schema would be part of its own fields.)
    private struct Friend: ViewModel {
        var name: String
        var nickname: String?

        static let fields: [ViewField<Self>] = [.text("name") { $0.name }, .text("nickname") { $0.nickname }]
    }

    func testFieldsComeInTheirOrderAndNilOnesAreLeftOut() {
        let person = Person(name: "Ana", nickname: nil, tags: ["a"], friends: [Friend(name: "Bo", nickname: "B")])
        let object = person.viewObject
        XCTAssertEqual(object.fields.map(\.name), ["name", "tags", "has_tags", "count", "friends"])
        XCTAssertEqual(object["name"], .text("Ana"))
        XCTAssertEqual(object["tags"], .list([.text("a")]))
        XCTAssertEqual(object["count"], .number(1))
        guard case .list(let friends)? = object["friends"], let friend = friends.first?.object else {
            return XCTFail("friends is not a list of objects")
        }
        XCTAssertEqual(friend.fields.map(\.name), ["name", "nickname"])
        XCTAssertEqual(Built(person).object, object)
    }

    func testTheSchemaNamesEveryFieldNilOrNot() {
        XCTAssertEqual(Person.schema.documentation, """
            - `count`
            - `friends`: a list, each with:
              - `name`
              - `nickname`
            - `has_tags`
            - `name`
            - `nickname`
            - `tags`: a list of text

            """)
    }
}
