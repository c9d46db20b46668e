import RefkitModel
import RefkitTemplates

/// The rules of a kit's templates (`templates/`): they compile over refkit's own, every name they
/// use is in the views, and a head of the kit's own still carries the link-preview tags.
extension KitValidator {
    /// The kit's templates compiled over refkit's own, and every name they use checked against the
    /// views' (only once they compile).
    static func compileTemplates(_ files: [TemplateFile], mode: RenderMode) -> CompiledTemplates {
        let (templates, diagnostics) = TemplateSet.compile(overrides: files, mode: mode)
        guard diagnostics.isEmpty else { return CompiledTemplates(templates: templates, diagnostics: diagnostics) }
        let fields = files.flatMap { file in
            FieldCheck.check(file, isPartial: !DefaultTemplates.rendered.contains(file.name), schema: SiteRenderer.viewSchema)
        }
        return CompiledTemplates(templates: templates, diagnostics: fields + files.compactMap(headWithoutPreview))
    }

    /// A kit's own `head` partial that neither includes `{{>preview}}` nor writes Open Graph tags
    /// itself (one made before format v3 added them): its pages would show no card when shared.
    static func headWithoutPreview(_ file: TemplateFile) -> Diagnostic? {
        guard file.name == "head", !DefaultTemplates.rendered.contains(file.name),
              file.text.firstMatch(of: /\{\{\s*>\s*preview\s*\}\}/) == nil, !file.text.contains("og:") else { return nil }
        return .warning("this head has no link-preview tags, so a shared link to these pages shows no card: "
                        + "add {{>preview}} inside <head>, as refkit's own head has it", at: SourceLocation(file: file.file, line: 1, column: 1))
    }
}
