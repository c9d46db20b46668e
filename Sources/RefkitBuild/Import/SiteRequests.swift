import Foundation
import RefkitModel

/// What the imported files come to, before the ledger has them: days a kit was opened, views
/// per source and day (by what counted them: `printed link`, `GoatCounter`, `Plausible`), and the
/// intake form's leads.
struct ImportedRows {
    struct Key: Hashable, Comparable {
        var day: Day
        var slug: String
        static func < (a: Key, b: Key) -> Bool { (a.day, a.slug) < (b.day, b.slug) }
    }
    struct ViewKey: Hashable, Comparable {
        var key: Key
        var note: String
        static func < (a: ViewKey, b: ViewKey) -> Bool { (a.key, a.note) < (b.key, b.note) }
    }
    struct Lead: Hashable {
        var key: Key
        var prospect: String
    }
    var opened: Set<Key> = []
    var views: [ViewKey: Int] = [:]
    /// In the order the files hold them; one per source and prospect.
    var leads: [Lead] = []
    private var leadNames: Set<String> = []

    mutating func addLead(_ lead: Lead) {
        guard leadNames.insert(Self.leadName(slug: lead.key.slug, prospect: lead.prospect)).inserted else { return }
        leads.append(lead)
    }

    /// A lead's identity in the ledger: its source and prospect, as the ledger matches them
    /// (ignoring case and surrounding spaces).
    static func leadName(slug: String, prospect: String) -> String {
        slug + "," + prospect.trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// Which source a request, a visit or a form names: a request path on the published site (a
/// source's kit page or its printed link), an analytics visit's `utm_source` or `ref`, a code.
struct SiteRequests {
    enum Meaning: Equatable { case kitPage(String), printedLink(String) }
    let base: String
    let folders: [String: String]
    let codes: [String: String]
    let slugs: [String: String]

    init(kit: Kit, secret: String?) {
        // The site's own path (`https://host/kits/` → `/kits/`).
        let path = URLComponents(string: kit.site.url)?.path ?? "/"
        base = path.hasSuffix("/") ? path : path + "/"
        folders = Dictionary(kit.sources.map { ($0.folder(in: kit.site, secret: secret), $0.slug) }, uniquingKeysWith: { first, _ in first })
        codes = Dictionary(kit.sources.map { ($0.code.uppercased(), $0.slug) }, uniquingKeysWith: { first, _ in first })
        slugs = Dictionary(kit.sources.map { ($0.slug.lowercased(), $0.slug) }, uniquingKeysWith: { first, _ in first })
    }

    /// The source an analytics visit came from: `utm_source=S` (a slug), else `ref=CODE`.
    func source(utmSource: String, ref: String) -> String? {
        if !utmSource.isEmpty, let slug = slugs[utmSource.lowercased()] { return slug }
        if !ref.isEmpty, let slug = codes[ref.uppercased()] { return slug }
        return nil
    }

    /// The source whose code this is.
    func source(code: String) -> String? { codes[code.uppercased()] }

    func meaning(of requested: String) -> Meaning? {
        guard requested.hasPrefix(base) else { return nil }
        let path = (String(requested.dropFirst(base.count)).removingPercentEncoding ?? "")
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty else { return nil }
        if first == "r", parts.count >= 2, let slug = codes[parts[1].uppercased()] { return .printedLink(slug) }
        guard let slug = folders[String(first)] else { return nil }
        // A page of the kit (not its QR code, card or PDFs): an HTML file or the folder itself.
        let last = parts.count == 1 ? "" : parts.last!
        return last.isEmpty || last.hasSuffix(".html") ? .kitPage(slug) : nil
    }
}

/// Cuts blocks of bytes into lines, numbered from 1, a CR before the LF left out.
struct LineSplitter {
    private var carry: [UInt8] = []
    private var number = 0
    private let body: (Int, UnsafeBufferPointer<UInt8>) -> Void

    init(_ body: @escaping (Int, UnsafeBufferPointer<UInt8>) -> Void) { self.body = body }

    mutating func feed(_ block: [UInt8]) {
        carry += block
        var start = 0, lines: [Range<Int>] = []
        while let end = carry[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(start..<end)
            start = end + 1
        }
        emit(lines)
        carry.removeSubrange(..<start)
    }

    mutating func finish() {
        if !carry.isEmpty { emit([0..<carry.count]) }
        carry = []
    }

    private mutating func emit(_ lines: [Range<Int>]) {
        let body = body
        var number = number
        carry.withUnsafeBufferPointer { buffer in
            for range in lines {
                number += 1
                let end = range.upperBound > range.lowerBound && buffer[range.upperBound - 1] == UInt8(ascii: "\r") ? range.upperBound - 1 : range.upperBound
                body(number, UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<end]))
            }
        }
        self.number = number
    }
}
