import CSV
import Foundation
import RefkitModel

/// Adding the imported rows to `content/ledger.csv`: the rows it does not have yet, at its end,
/// as wide as its header says (five columns, or six with `prospect`).
extension Importer {
    func append(_ rows: ImportedRows, to path: String) throws(Failure) -> Summary {
        var existing: [UInt8] = []
        if fileSystem.kind(at: path) != nil {
            do { existing = try fileSystem.readFile(at: path) } catch { throw .write("\(error)") }
        }
        let known = Self.known(in: existing)
        let columns = existing.isEmpty ? 6 : known.columns
        if columns < 6, !rows.leads.isEmpty {
            throw .write("its first line has no 'prospect' column for the intake form's leads: add ',prospect' to it and import again")
        }
        let padding = columns == 6 ? "," : ""
        var text = "", summary = Summary()
        for key in rows.opened.sorted() where !known.rows.contains("\(key.day),\(key.slug),opened") {
            text += "\(key.day),\(key.slug),opened,,\(padding)\n"
            summary.opened += 1
        }
        for (view, count) in rows.views.sorted(by: { $0.key < $1.key })
        where !known.rows.contains("\(view.key.day),\(view.key.slug),view,\(view.note)") {
            text += "\(view.key.day),\(view.key.slug),view,\(count),\(view.note)\(padding)\n"
            if view.note == "printed link" { summary.printedLinkViews += 1 } else { summary.analyticsViews += 1 }
        }
        for lead in rows.leads where !known.leads.contains(ImportedRows.leadName(slug: lead.key.slug, prospect: lead.prospect)) {
            text += "\(lead.key.day),\(lead.key.slug),lead,,intake form,\(Self.csvField(lead.prospect))\n"
            summary.leads += 1
        }
        guard !text.isEmpty else { return summary }
        var bytes = existing.isEmpty ? Array("date,source,stage,value,note,prospect\n".utf8) : existing
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes += Array(text.utf8)
        do {
            try fileSystem.replaceFile(at: path, with: bytes, temporary: path + ".refkit-import")
        } catch {
            throw .write("\(error)")
        }
        return summary
    }

    /// What the ledger has that an import would add again: `DATE,SOURCE,opened` and
    /// `DATE,SOURCE,view,NOTE` rows, every lead by source and prospect; and its header's width.
    /// (Sources are matched as written: the import writes slugs.)
    static func known(in ledger: [UInt8]) -> (rows: Set<String>, leads: Set<String>, columns: Int) {
        var rows: Set<String> = [], leads: Set<String> = [], columns = 6
        guard !ledger.isEmpty, let reader = try? CSVReader(string: String(decoding: ledger, as: UTF8.self)) else { return (rows, leads, columns) }
        var first = true
        while let row = reader.next() {
            if first {
                (first, columns) = (false, row.count)
                continue
            }
            let field = { (index: Int) in index < row.count ? row[index].trimmingCharacters(in: .whitespaces) : "" }
            switch field(2) {
            case "opened": rows.insert("\(field(0)),\(field(1)),opened")
            case "view": rows.insert("\(field(0)),\(field(1)),view,\(field(4))")
            case "lead" where !field(5).isEmpty: leads.insert(ImportedRows.leadName(slug: field(1), prospect: field(5)))
            default: break
            }
        }
        return (rows, leads, columns)
    }

    /// A field as CSV writes it, on one line (a name typed over two lines is one name).
    static func csvField(_ text: String) -> String {
        RefkitModel.csvField(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
    }
}
