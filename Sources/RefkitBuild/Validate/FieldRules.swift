import RefkitI18n
import RefkitModel

/// The rules for fields that several documents share (URLs, asset paths, colours, contacts,
/// languages, dates) and for placeholders in kit pages and offers.
extension KitValidator {
    // MARK: - Shared fields

    static func webURL(_ fields: FieldReader, _ key: String, required: Bool) -> String? {
        let log = fields.log
        guard let text = fields.string(key, required: required) else { return nil }
        if let problem = Checks.webURLProblem(text) {
            log.append(.error("'\(fields.qualified(key))' \(problem)", at: fields.location(of: key)))
            return nil
        }
        return text
    }

    static func assetPath(_ fields: FieldReader, _ key: String, assets: Set<String>) -> String? {
        let log = fields.log
        guard let path = fields.string(key) else { return nil }
        let location = fields.location(of: key)
        if let problem = Checks.pathProblem(path) {
            log.append(.error("'\(fields.qualified(key))' \(problem): '\(path)'", at: location))
            return nil
        }
        guard path.hasPrefix("assets/") else {
            log.append(.error("'\(fields.qualified(key))' must name a file under content/assets/, e.g. assets/logo.svg", at: location))
            return nil
        }
        guard assets.contains("content/" + path) else {
            log.append(.error("'\(fields.qualified(key))' names a file that does not exist: content/\(path)", at: location))
            return nil
        }
        return path
    }

    static func palette(_ fields: FieldReader) -> Palette {
        guard let reader = fields.mapping("colors", knownKeys: colorKeys) else { return Palette() }
        return Palette(primary: reader.color("primary"),
                       accent: reader.color("accent"))
    }

    /// `contact:`; a source's may say `consent: false` (no messages from `refkit outbox`).
    static func contact(_ fields: FieldReader, consent: Bool = false) -> Contact {
        let log = fields.log
        guard let reader = fields.mapping("contact", knownKeys: contactKeys + (consent ? ["consent"] : [])) else { return Contact() }
        var email = reader.string("email")
        if let address = email, !Checks.isEmail(address) {
            log.append(.error("'\(reader.qualified("email"))' is not an e-mail address: '\(address)'",
                                      at: reader.location(of: "email")))
            email = nil
        }
        return Contact(name: reader.string("name"), email: email,
                       phone: reader.string("phone"), consent: consent ? reader.bool("consent") ?? true : true)
    }

    static func languageTag(_ fields: FieldReader) -> String? {
        let log = fields.log
        guard let tag = fields.string("language") else { return nil }
        guard Language.isWellFormed(tag) else {
            log.append(.error("'language' must be a BCP 47 tag such as en or en-GB, not '\(tag)'",
                                      at: fields.location(of: "language")))
            return nil
        }
        return tag
    }

    static func day(_ fields: FieldReader, _ key: String) -> Day? {
        let log = fields.log
        guard let text = fields.string(key) else { return nil }
        guard let day = Day(text) else {
            log.append(.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: fields.location(of: key)))
            return nil
        }
        return day
    }

    // MARK: - Placeholders

    static func checkPlaceholders(in body: MarkdownBody, file: String, also own: Set<String> = [], log: DiagnosticLog) {
        // A control character in a body cannot reach here: the loader refuses the file (`TextDecoding`).
        for occurrence in Placeholder.scan(body.text) {
            report(occurrence, at: SourceLocation(file: file, line: body.firstLine + occurrence.lineOffset,
                                                  column: occurrence.column + 1), also: own, log: log)
        }
    }

    static func checkPlaceholders(in fields: FieldReader, keys: [String], also own: Set<String> = []) {
        let log = fields.log
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
                                                          column: column), also: own, log: log)
                }
            }
        }
    }

    /// - Parameter own: the placeholders this file has besides every file's (`offer.amount`).
    static func report(_ occurrence: Placeholder.Occurrence, at location: SourceLocation, also own: Set<String> = [], log: DiagnosticLog) {
        guard !Placeholder.fields.contains(occurrence.name), !own.contains(occurrence.name) else { return }
        if occurrence.name == Placeholder.offerAmount {
            log.append(.error("{{\(Placeholder.offerAmount)}} is an offer's amount: only an offer that sets 'amount' has it", at: location))
            return
        }
        var message = "unknown placeholder {{\(occurrence.name)}}"
        if let suggestion = Placeholder.suggestion(for: occurrence.name) { message += "; did you mean {{\(suggestion)}}?" }
        log.append(.error(message, at: location))
    }
}
