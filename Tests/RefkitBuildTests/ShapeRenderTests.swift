import Foundation
@testable import RefkitBuild
import RefkitI18n
import RefkitModel
@testable import RefkitTemplates
import XCTest

/// The example kit renders by shape, and every file is what swift-mustache renders alone.
final class ShapeRenderTests: XCTestCase {
    func testEveryFileOfTheExampleKitIsFilledFromAMatchingSkeleton() throws {
        let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.repositoryRoot).load()
        let validated = KitValidator.validate(loaded, on: Day(fixtureDate)!)
        let kit = try XCTUnwrap(validated.kit), templates = try XCTUnwrap(validated.templates)
        let renderer = SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!)
        var files = 0
        // The example's sources differ in message, reward, logo and contact: most files have a
        // shape of their own. The first pass renders each directly, the second makes each
        // skeleton, the third fills them.
        for _ in 1...3 {
            for source in kit.sources {
                for job in renderer.jobs(for: source).jobs {
                    // (The typed view: its shape is read without building its object, and must be
                    // the object's, or no skeleton would match and every file be direct.)
                    let filled = String(decoding: templates.render(job.template, job.view), as: UTF8.self)
                    XCTAssertEqual(filled, templates.directText(job.template, job.view.viewObject), job.path)
                    files += 1
                }
            }
        }
        let statistics = try XCTUnwrap(templates.skeletonStatistics, "the built-in templates render by shape")
        // Every shape is rendered directly once; every other file is filled. (Two customers with a
        // message and no logo share their shapes, so fewer than a third are direct.)
        XCTAssertEqual(statistics.direct + statistics.filled, files)
        XCTAssertEqual(statistics.shapes, statistics.direct)
        XCTAssertGreaterThanOrEqual(statistics.filled, 2 * files / 3)
    }
}

/// The renderer of the example kit and of each fixture kit whose views are compared below (the
/// kits with the most kinds of sources, pages, languages and logos).
private func eachRenderer(_ body: (_ directory: String, _ kit: Kit, _ renderer: SiteRenderer) throws -> Void) throws {
    for directory in [Fixtures.repositoryRoot] + ["shapes", "network", "arabic", "awkward"].map(Fixtures.kit) {
        let validated = KitValidator.validate(KitLoader(fileSystem: DiskFileSystem(), kitDirectory: directory).load(), on: Day(fixtureDate)!)
        let kit = try XCTUnwrap(validated.kit, directory), templates = try XCTUnwrap(validated.templates)
        try body(directory, kit, SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!))
    }
}

/// A typed view's shape, read without building its object, is its object's, key and values, for
/// every file of the example and the fixture kits (else a skeleton would be filled wrongly, or
/// none would match).
final class TypedShapeTests: XCTestCase {
    func testEveryViewsShapeIsItsObjectsShape() throws {
        try eachRenderer { directory, kit, renderer in
            for source in kit.sources {
                for job in renderer.jobs(for: source).jobs {
                    var typed = Shape(), object = Shape()
                    job.view.addShape(to: &typed)
                    object.add(job.view.viewObject)
                    XCTAssertEqual(typed.key, object.key, "\(directory): \(job.path)")
                    XCTAssertEqual(typed.allValues, object.allValues, "\(directory): \(job.path)")
                }
            }
        }
    }
}

/// A source's words, made from its language's table (the site's name put in once, the shape not
/// read again, only the words that name the source filled), are the words filled in full.
final class WordsTableTests: XCTestCase {
    func testEverySourcesWordsAreItsWordsFilledInFull() throws {
        try eachRenderer { directory, kit, renderer in
            let readers = kit.sources.map { (Optional($0), renderer.language(of: $0)) } + [(nil, kit.site.language)]
            for (source, language) in readers {
                let values = renderer.wordValues(for: source, language: language)
                let full = Built(WordsView(renderer.words(for: language).parsedTexts(BuiltInWords.plainKeys), language: language, values: values))
                let made = renderer.wordsView(for: source, language: language)
                XCTAssertTrue(made.isFilledAlike(full), "\(directory): \(source?.slug ?? "no source")")
                XCTAssertEqual(made.object, full.object, "\(directory): \(source?.slug ?? "no source")")
            }
        }
    }
}

/// The site's, the business's brand and the links views made once for every source are each source's own.
final class SharedViewsTests: XCTestCase {
    func testEverySourcesSiteAndBrandAreItsOwn() throws {
        try eachRenderer { directory, kit, renderer in
            let places: [(String, LogoPlace)] = [("../", .header), ("../../", .header), ("../", .sheet), (renderer.emailRoot, .email)]
            for (root, _) in places {
                XCTAssertTrue(renderer.siteBuilt(root: root).isFilledAlike(Built(renderer.siteView(root: root))), root)
            }
            for depth in [1, 2] {
                XCTAssertTrue(try XCTUnwrap(renderer.shared.links(depth: depth)).isFilledAlike(Built(renderer.linksView(depth: depth))))
            }
            for source in kit.sources {
                for (root, place) in places {
                    let own = Built(Branding(site: kit.site, source: source, logos: kit.logos).view(root: root, place: place))
                    XCTAssertTrue(renderer.brandBuilt(of: source, root: root, place: place).isFilledAlike(own), "\(source.slug) \(root) \(place)")
                }
            }
        }
    }
}

/// Sources alike but for their values share skeletons: the third of a shape is filled, and every
/// file is still what swift-mustache renders alone; `REFKIT_RENDER=direct` renders none by shape.
final class SharedShapeTests: XCTestCase {
    func testSourcesAlikeAreFilledFromSkeletons() throws {
        for mode in RenderMode.allCases {
            let loaded = KitLoader(fileSystem: DiskFileSystem(), kitDirectory: Fixtures.kit("shapes")).load()
            let validated = KitValidator.validate(loaded, on: Day(fixtureDate)!, renderMode: mode)
            let kit = try XCTUnwrap(validated.kit), templates = try XCTUnwrap(validated.templates)
            let renderer = SiteRenderer(kit: kit, templates: templates, date: Day(fixtureDate)!)
            for source in kit.sources {
                for job in renderer.jobs(for: source).jobs {
                    XCTAssertEqual(templates.render(job.template, job.view), templates.renderDirectly(job.template, job.view.viewObject), job.path)
                }
            }
            if mode == .direct {
                XCTAssertNil(templates.skeletonStatistics, "direct renders nothing by shape")
            } else {
                let statistics = try XCTUnwrap(templates.skeletonStatistics)
                XCTAssertGreaterThan(statistics.filled, 0, "\(statistics)")
            }
        }
    }
}

extension TemplateSet {
    /// `renderDirectly`'s bytes as text, to compare with what a test expects.
    func directText(_ name: String, _ view: ViewObject) -> String { String(decoding: renderDirectly(name, view), as: UTF8.self) }
}
