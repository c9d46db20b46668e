import RefkitModel

/// The business's contact card, `S/contact.vcf`: what a source forwards so the prospect can save
/// the business's contact, with the source's referral link and a note naming who referred.
extension SiteRenderer {
    func contactCard(_ context: SourceContext) -> OutputFile {
        let site = kit.site, contact = site.contact
        let note = words(for: language(of: context.source)).text("vcard_note", context.wordValues)
        let card = VCard(
            name: contact.name ?? site.name, organisation: site.name, isPerson: contact.name != nil,
            email: contact.email, phone: contact.phone, url: context.values["referral.link"]!, note: note,
            language: language(of: context.source))
        return OutputFile(path: OutputPlan.SourceFile.contactCard.path(in: context.folder), text: card.text)
    }
}

/// A vCard 4.0 (RFC 6350): CRLF line ends, text values escaped and lines folded at 75 octets by
/// `ContentLine`, as iCalendar's are. No date in it: the same input, the same bytes.
struct VCard {
    var name: String
    var organisation: String
    var isPerson: Bool
    var email: String?
    var phone: String?
    var url: String
    var note: String
    /// The source's language, in which the card is written (its note) and read: `LANG`, and the
    /// note's `LANGUAGE` (FORMAT.md v3: "`contact.vcf` carries the source's language").
    var language: String

    var text: String {
        var lines = ["BEGIN:VCARD", "VERSION:4.0", "PRODID:-//refkit//contact card//EN", "KIND:\(isPerson ? "individual" : "org")",
                     "LANG:\(language)", "FN:\(Self.escape(name))", "ORG:\(Self.escape(organisation))"]
        if let email { lines.append("EMAIL;TYPE=work:\(Self.escape(email))") }
        if let phone {
            // A tel: URI takes only the number: its digits and a leading +.
            let digits = phone.filter(\.isASCII).filter { $0.isNumber || $0 == "+" }
            if !digits.isEmpty { lines.append("TEL;VALUE=uri;TYPE=work,voice:tel:\(digits)") }
        }
        lines += ["URL:\(url)", "NOTE;LANGUAGE=\(language):\(Self.escape(note))", "END:VCARD"]
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    static func escape(_ value: String) -> String { ContentLine.text(value) }

    static func fold(_ line: String) -> String { ContentLine.fold(line) }
}
