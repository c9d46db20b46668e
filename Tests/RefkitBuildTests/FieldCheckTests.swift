import RefkitBuild
import RefkitModel
import RefkitTemplates
import XCTest

final class FieldCheckTests: XCTestCase {
    func testTheBuiltInTemplatesUseOnlyFieldsOfTheView() {
        for (name, text) in DefaultTemplates.all.sorted(by: { $0.key < $1.key }) {
            let file = TemplateFile(name: name, file: "built-in/\(name)", text: text)
            XCTAssertEqual(FieldCheck.check(file, isPartial: !DefaultTemplates.rendered.contains(name), schema: SiteRenderer.viewSchema), [], name)
        }
    }

    func testUnknownFieldsAreReportedWithTheirPositionAndScope() {
        let text = """
            <h1>{{source.nmae}}</h1>
            {{#pages}}<a href="{{url}}">{{titel}}</a>{{#current}}{{site.name}}{{/current}}{{/pages}}
            {{#offer.is_coupon}}{{offer.value}}{{/offer.is_coupon}}{{^has_offers}}{{nothing}}{{/has_offers}}
            {{! comments {{are}} fine }}{{{content}}}{{url}}
            """
        let diagnostics = FieldCheck.check(TemplateFile(name: "page", file: "templates/page.mustache", text: text), isPartial: false, schema: SiteRenderer.viewSchema)
        XCTAssertEqual(diagnostics.map(\.description), [
            "templates/page.mustache:1:5: warning: template field 'source.nmae' is not in the view: it would render as nothing; did you mean 'source.name'?",
            "templates/page.mustache:2:29: warning: template field 'titel' is not in the view: it would render as nothing; did you mean 'title'?",
            "templates/page.mustache:3:71: warning: template field 'nothing' is not in the view: it would render as nothing",
            "templates/page.mustache:4:42: warning: template field 'url' is not in the view: it would render as nothing",
        ])
    }

    func testPartialsMayUseFieldsOfAnyScope() {
        let file = TemplateFile(name: "card", file: "templates/partials/card.mustache",
                                text: "{{title}} {{url}} {{titel}} {{source.nmae}} {{brand.site.primary}}")
        XCTAssertEqual(FieldCheck.check(file, isPartial: true, schema: SiteRenderer.viewSchema).map(\.description), [
            "templates/partials/card.mustache:1:19: warning: template field 'titel' is not in the view: it would render as nothing; did you mean 'title'?",
            "templates/partials/card.mustache:1:29: warning: template field 'source.nmae' is not in the view: it would render as nothing; did you mean 'source.name'?",
        ])
    }
}
