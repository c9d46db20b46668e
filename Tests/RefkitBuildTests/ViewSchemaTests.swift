import Foundation
@testable import RefkitBuild
import RefkitModel
import RefkitTemplates
import XCTest

/// The schema `refkit check` uses must describe the views the renderer really builds: it is
/// derived from the typed views, so this fails only if a view is built around them.
final class ViewSchemaTests: XCTestCase {
    private func paths(of object: ViewObject, prefix: String) -> [String] {
        object.fields.flatMap { [prefix + $0.name] + paths(of: $0.value, prefix: prefix + $0.name + ".") }
    }

    private func paths(of value: ViewValue, prefix: String) -> [String] {
        switch value {
        case .object(let object): paths(of: object, prefix: prefix)
        case .shared(let shared): paths(of: shared.object, prefix: prefix)
        case .list(let list): list.flatMap { paths(of: $0, prefix: prefix) }
        case .text, .flag, .number: []
        }
    }

    private func inSchema(_ path: String) -> Bool {
        var node = SiteRenderer.viewSchema
        for segment in path.split(separator: ".").map(String.init) {
            if case .list(let element) = node { node = element }
            guard case .object(let object) = node, let next = object.fields[segment] else { return false }
            node = next
        }
        return true
    }

    func testEveryKeyTheRendererProducesIsInTheSchema() throws {
        let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.repositoryRoot).load()
        let validated = KitValidator.validate(loaded, on: Day(fixtureDate)!)
        let kit = try XCTUnwrap(validated.kit), templates = try XCTUnwrap(validated.templates)
        let renderer = SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!)
        var checked = Set<String>()
        for source in kit.sources {
            for job in renderer.jobs(for: source).jobs {
                for path in paths(of: job.view.viewObject, prefix: "") where checked.insert(path).inserted {
                    XCTAssertTrue(inSchema(path), "\(job.template) view has '\(path)', which ViewSchema lacks")
                }
            }
        }
        for path in paths(of: renderer.directoryView().viewObject, prefix: "") where checked.insert(path).inserted {
            XCTAssertTrue(inSchema(path), "directory view has '\(path)', which ViewSchema lacks")
        }
        XCTAssertGreaterThan(checked.count, 100)
    }
}
