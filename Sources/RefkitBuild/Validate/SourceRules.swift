import Foundation
import RefkitModel

/// The rules of `content/sources/*.yml`: each source on its own (on every core), then what needs
/// them all (a slug or code twice), and the names of files that did not make a source.
extension KitValidator {
    static func validateSources(_ documents: [(slug: String, document: YAMLDocument)], offers: [Offer],
                                assets: AssetIndex, log: DiagnosticLog) -> [Source] {
        let context = ContentMemo.SourceContext(offerIDs: offers.map(\.id), assets: assets)
        // Each source on its own, on every core (a roster may hold thousands); then, in file
        // order, what needs them all: the same slug or code twice. Diagnostics are sorted later,
        // so the result is the same as one by one.
        let offerIDs = context.offerIDs
        let remembered = ContentMemo.shared.beginSources(context)  // `refkit serve`: each file checked again only when its text changed
        let checked = ParallelResults<CheckedSource>(count: documents.count)
        parallelForEach(documents.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            let (slug, document) = documents[index]
            let check = { validateSource(slug: slug, document: document, offerIDs: offerIDs, assets: assets) }
            checked.set(index, remembered ? ContentMemo.shared.checkedSource(slug: slug, document, check) : check())
        }
        let rosterLog = DiagnosticLog()
        var sources: [Source] = []
        sources.reserveCapacity(documents.count)
        var slugs: [String: String] = [:]  // lowercased slug → file
        var codes: [String: (file: String, location: SourceLocation, code: String, reported: Bool)] = [:]  // uppercased code → first file
        let taken = Set(documents.map(\.slug))
        for ((slug, document), result) in zip(documents, checked.all) {
            // A file name that is not a slug: the name to give it, unless another file has it.
            if !Checks.isSlug(slug), let suggestion = Checks.slug(suggestedFor: slug), !taken.contains(suggestion) {
                rosterLog.append(contentsOf: result.diagnostics.map { diagnostic in
                    var diagnostic = diagnostic
                    if diagnostic.message == invalidSlugMessage(slug) { diagnostic.message += "; rename it \(suggestion).yml" }
                    return diagnostic
                })
            } else {
                rosterLog.append(contentsOf: result.diagnostics)
            }
            if let other = slugs.updateValue(document.file, forKey: slug.lowercased()) {
                rosterLog.append(.error("slug '\(slug)' is the same as \(other)'s, ignoring case", at: SourceLocation(file: document.file)))
            }
            // A code twice is reported at both files, each naming the other: the one the author
            // just edited may be either.
            if let (code, location) = result.code {
                if let first = codes[code.uppercased()] {
                    if !first.reported {
                        rosterLog.append(.error("code '\(first.code)' is also used by \(document.file); each source needs its own", at: first.location))
                        codes[code.uppercased()]?.reported = true
                    }
                    rosterLog.append(.error("code '\(code)' is already used by \(first.file); each source needs its own", at: location))
                } else {
                    codes[code.uppercased()] = (document.file, location, code, false)
                }
            }
            if let source = result.source { sources.append(source) }
        }
        sources.sort { $0.slug < $1.slug }
        log.append(contentsOf: rosterLog.entries)
        return sources
    }

    static func invalidSlugMessage(_ slug: String) -> String {
        "the file name '\(slug)' is not a valid slug: use lowercase letters, digits and - (at most 64 characters)"
    }

    /// What one source file makes: the source (nil if it has errors that leave it without a
    /// name, segment or code), its code and where it is written, and its own diagnostics.
    struct CheckedSource: Sendable {
        var source: Source?
        var code: (String, SourceLocation)?
        var diagnostics: [Diagnostic]
    }

    static func validateSource(slug: String, document: YAMLDocument, offerIDs: [String], assets: AssetIndex) -> CheckedSource {
        let log = DiagnosticLog()  // this source's own: sources are checked on every core
        let top = SourceLocation(file: document.file)
        if !Checks.isSlug(slug) {
            log.append(.error(invalidSlugMessage(slug), at: top))
        } else if reservedSourceSlugs.contains(slug) {
            log.append(.error("the slug '\(slug)' is reserved: refkit writes output/\(slug)/ for every kit; rename the file", at: top))
        }

        checkStarterText(document, log: log)  // here, so serve's memo of each source's check holds it too
        let fields = FieldReader(document, node: document.root, knownKeys: sourceKeys, moved: sourceMoved, log: log)
        let name = fields.string("name", required: true)
        let segment = fields.choice("segment", Segment.self, required: true)

        var code: String?
        if let written = fields.string("code") {
            if Checks.isCode(written) {
                code = written
            } else {
                var message = "'code' must be 3 to 32 characters from A-Z, 0-9 and -, not '\(written)'"
                if Checks.isCode(written.uppercased()) { message += "; did you mean '\(written.uppercased())'?" }
                log.append(.error(message, at: fields.location(of: "code")))
            }
        } else {
            let derived = String(slug.uppercased().prefix(32))
            if Checks.isCode(derived) {
                code = derived
            } else if Checks.isSlug(slug) {
                log.append(.error("the code derived from the slug, '\(derived)', is shorter than 3 characters; set 'code'", at: fields.location))
            }
        }

        let contact = contact(fields, consent: true)
        var brand: Brand?
        if let reader = fields.mapping("brand", knownKeys: ["logo", "colors"]) {
            brand = Brand(logo: logoPath(reader, "logo", assets: assets),
                          colors: palette(reader))
            if segment == .customer {
                log.append(.warning("'brand' is ignored: only partners are co-branded", at: reader.location))
                brand = nil
            }
        }
        let message = fields.string("message")
        let reward = fields.string("reward")
        var chosenOffers: [String]?
        if let listed = fields.strings("offers") {
            chosenOffers = []
            for (id, location) in listed {
                if offerIDs.contains(id) {
                    chosenOffers!.append(id)
                } else {
                    var text = "unknown offer '\(id)': there is no content/offers/\(id).md"
                    if let suggestion = closest(to: id, among: offerIDs) { text += "; did you mean '\(suggestion)'?" }
                    log.append(.error(text, at: location))
                }
            }
        }
        let language = languageTag(fields)
        let followUp = cadence(fields, "follow_up")
        let showStats = fields.bool("show_stats") ?? false
        let listed = fields.bool("listed") ?? false
        let paper = paper(fields)
        let website = webURL(fields, "website", required: false)
        let codeAt = code.map { ($0, fields.value("code")?.location ?? top) }
        guard let name, let segment, let code else { return CheckedSource(source: nil, code: codeAt, diagnostics: log.entries) }
        var source = Source(slug: slug, name: name, segment: segment, code: code, contact: contact, brand: brand,
                            message: message, reward: reward, offerIDs: chosenOffers, language: language,
                            followUp: followUp, showStats: showStats)
        source.paper = paper
        source.website = website
        source.listed = listed
        return CheckedSource(source: source, code: codeAt, diagnostics: log.entries)
    }

    /// Names (slugs and codes) of source files that exist but did not make a source: a YAML error,
    /// a bad code. Their own errors are reported; rows naming them in the ledger are not reported
    /// again as unknown sources (one mistake, one error). The code is the one derived from the
    /// slug and the file's `code:` line as written, which may be what failed.
    static func brokenSourceNames(_ loaded: LoadedKit, valid: [Source]) -> [String] {
        let validSlugs = Set(valid.map(\.slug))
        let broken = loaded.sources.filter { !validSlugs.contains($0.slug) }.map { ($0.slug, Optional($0.document.text)) }
            + loaded.unparsedSources.map { ($0.slug, $0.text) }
        return broken.flatMap { slug, text -> [String] in
            let code = text?.split(separator: "\n").lazy.compactMap { line -> String? in
                guard line.hasPrefix("code:") else { return nil }
                let value = line.dropFirst(5).prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
                return value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).uppercased()
            }.first
            return [slug, String(slug.uppercased().prefix(32))] + (code.map { [$0] } ?? [])
        }
    }
}
