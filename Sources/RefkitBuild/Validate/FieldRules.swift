import RefkitModel

/// The rules for fields that several documents share (URLs, asset paths, colours, contacts,
/// languages, dates) and for placeholders in kit pages and offers.
extension KitValidator {
    // MARK: - Shared fields

    static func webURL(_ fields: FieldReader, _ key: String, required: Bool, diagnostics: inout [Diagnostic]) -> String? {
        guard let text = fields.string(key, required: required, diagnostics: &diagnostics) else { return nil }
        if let problem = Checks.webURLProblem(text) {
            diagnostics.append(.error("'\(fields.qualified(key))' \(problem)", at: fields.location(of: key)))
            return nil
        }
        return text
    }

    static func assetPath(_ fields: FieldReader, _ key: String, assets: Set<String>, diagnostics: inout [Diagnostic]) -> String? {
        guard let path = fields.string(key, diagnostics: &diagnostics) else { return nil }
        let location = fields.location(of: key)
        if let problem = Checks.pathProblem(path) {
            diagnostics.append(.error("'\(fields.qualified(key))' \(problem): '\(path)'", at: location))
            return nil
        }
        guard path.hasPrefix("assets/") else {
            diagnostics.append(.error("'\(fields.qualified(key))' must name a file under content/assets/, e.g. assets/logo.svg", at: location))
            return nil
        }
        guard assets.contains("content/" + path) else {
            diagnostics.append(.error("'\(fields.qualified(key))' names a file that does not exist: content/\(path)", at: location))
            return nil
        }
        return path
    }

    static func palette(_ fields: FieldReader, diagnostics: inout [Diagnostic]) -> Palette {
        guard let reader = fields.mapping("colors", knownKeys: colorKeys, diagnostics: &diagnostics) else { return Palette() }
        return Palette(primary: reader.color("primary", diagnostics: &diagnostics),
                       accent: reader.color("accent", diagnostics: &diagnostics))
    }

    static func contact(_ fields: FieldReader, diagnostics: inout [Diagnostic]) -> Contact {
        guard let reader = fields.mapping("contact", knownKeys: contactKeys, diagnostics: &diagnostics) else { return Contact() }
        var email = reader.string("email", diagnostics: &diagnostics)
        if let address = email, !Checks.isEmail(address) {
            diagnostics.append(.error("'\(reader.qualified("email"))' is not an e-mail address: '\(address)'",
                                      at: reader.location(of: "email")))
            email = nil
        }
        return Contact(name: reader.string("name", diagnostics: &diagnostics), email: email,
                       phone: reader.string("phone", diagnostics: &diagnostics))
    }

    static func languageTag(_ fields: FieldReader, diagnostics: inout [Diagnostic]) -> String? {
        guard let tag = fields.string("language", diagnostics: &diagnostics) else { return nil }
        guard Checks.isLanguageTag(tag) else {
            diagnostics.append(.error("'language' must be a BCP 47 tag such as en or en-GB, not '\(tag)'",
                                      at: fields.location(of: "language")))
            return nil
        }
        return tag
    }

    static func day(_ fields: FieldReader, _ key: String, diagnostics: inout [Diagnostic]) -> Day? {
        guard let text = fields.string(key, diagnostics: &diagnostics) else { return nil }
        guard let day = Day(text) else {
            diagnostics.append(.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: fields.location(of: key)))
            return nil
        }
        return day
    }

    // MARK: - Placeholders

    static func checkPlaceholders(in body: MarkdownBody, file: String, diagnostics: inout [Diagnostic]) {
        if let (scalar, line, column) = ControlCharacters.first(in: body.text) {
            diagnostics.append(.error("the text contains \(ControlCharacters.describe(scalar)), which kit text may not hold; remove it",
                                      at: SourceLocation(file: file, line: body.firstLine + line, column: column + 1)))
        }
        for occurrence in Placeholder.scan(body.text) {
            report(occurrence, at: SourceLocation(file: file, line: body.firstLine + occurrence.lineOffset,
                                                  column: occurrence.column + 1), diagnostics: &diagnostics)
        }
    }

    static func checkPlaceholders(in fields: FieldReader, keys: [String], diagnostics: inout [Diagnostic]) {
        for key in keys {
            guard let node = fields.value(key) else { continue }
            let scalars: [YAMLNode]
            switch node.value {
            case .scalar: scalars = [node]
            case .sequence(let items): scalars = items
            case .mapping: scalars = []
            }
            for scalar in scalars {
                guard case .scalar(let text, let plain) = scalar.value else { continue }
                for occurrence in Placeholder.scan(text) {
                    let column = occurrence.lineOffset == 0 ? scalar.location.column + (plain ? 0 : 1) + occurrence.column : 1
                    report(occurrence, at: SourceLocation(file: scalar.location.file,
                                                          line: scalar.location.line + occurrence.lineOffset,
                                                          column: column), diagnostics: &diagnostics)
                }
            }
        }
    }

    static func report(_ occurrence: Placeholder.Occurrence, at location: SourceLocation, diagnostics: inout [Diagnostic]) {
        guard !Placeholder.fields.contains(occurrence.name) else { return }
        var message = "unknown placeholder {{\(occurrence.name)}}"
        if let suggestion = Placeholder.suggestion(for: occurrence.name) { message += "; did you mean {{\(suggestion)}}?" }
        diagnostics.append(.error(message, at: location))
    }
}
