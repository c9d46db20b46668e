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
        static let about = ["name": "their name", "tags": "what they like", "friends": "whom they know"]
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

    /// The docs' tables: each field's type and meaning, in the view's order; a list of objects
    /// links to its own table; a field with no meaning is reported as undocumented.
    func testTheSchemaDocumentsEveryFieldWithItsTypeAndMeaning() {
        XCTAssertEqual(Person.schema.documentation, """
            | Field | Type | What it holds |
            |---|---|---|
            | `name` | text | their name |
            | `nickname` | text |  |
            | `tags` | list of text | what they like |
            | `has_tags` | yes/no |  |
            | `count` | number |  |
            | `friends` | list of [`friends[]`](#view-friends) | whom they know |

            <a id="view-friends"></a>
            #### `friends[]`

            | Field | Type | What it holds |
            |---|---|---|
            | `name` | text |  |
            | `nickname` | text |  |

            """)
        XCTAssertEqual(Person.schema.undocumented, ["nickname", "has_tags", "count", "friends[].name", "friends[].nickname"])
    }
}
