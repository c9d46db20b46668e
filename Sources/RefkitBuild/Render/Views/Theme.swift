import RefkitTemplates

extension SiteRenderer {
    /// refkit's style sheet, unless the kit has its own `templates/assets/refkit.css` (an asset,
    /// copied as it is): what a build writes and the preview serves.
    func themeFiles() -> [OutputFile] {
        kit.assets.contains { $0.outputPath == DefaultTheme.path } ? [] : [OutputFile(path: DefaultTheme.path, text: DefaultTheme.css)]
    }
}
