import Foundation
import RefkitModel

/// How `KitLoader` reads the roster, which may hold ten thousand files.
extension KitLoader {
    /// `content/sources/*.yml` (or .yaml, as Hugo and Jekyll read both; not both for one slug).
    func loadSources(into kit: inout LoadedKit) {
        var sourceNames = listFiles("content/sources", extension: ".yml", also: ".yaml", required: true, into: &kit)
        var seen: [String: String] = [:]
        sourceNames = sourceNames?.filter { name in
            let slug = Self.sourceSlug(name)
            if let other = seen[slug] {
                for (file, twin) in [(other, name), (name, other)] {
                    kit.diagnostics.append(.error("content/sources/\(twin) is the same source, \(slug); keep one of the two files",
                                                  at: SourceLocation(file: "content/sources/" + file)))
                }
                return false
            }
            seen[slug] = name
            return true
        }
        if sourceNames?.isEmpty == true {
            kit.diagnostics.append(.error("no referral sources: add at least one content/sources/SLUG.yml",
                                          at: SourceLocation(file: "content/sources")))
        }
        // A roster may hold thousands of files: they are read and parsed on every core, and their
        // documents and diagnostics kept in file order, so the result is the same as one by one.
        let names = sourceNames ?? []
        let parsed = ParallelResults<(text: String?, document: YAMLDocument?, diagnostics: [Diagnostic])>(count: names.count)
        parallelForEach(names.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { [self] index in
            var one = LoadedKit()
            let file = "content/sources/\(names[index])"
            let text = readText(file, required: true, into: &one)
            let document = text.flatMap { parseYAML($0, file: file, into: &one) }
            parsed.set(index, (text, document, one.diagnostics))
        }
        for (name, result) in zip(names, parsed.all) {
            kit.diagnostics += result.diagnostics
            let slug = Self.sourceSlug(name)
            if let document = result.document {
                kit.sources.append((slug: slug, document: document))
            } else {
                kit.unparsedSources.append((slug: slug, text: result.text))
            }
        }
    }
}
