import Foundation
import RefkitLedger
import RefkitModel

/// The report's sections on operating referrals (FORMAT.md, "Operating the referral process"):
/// whom to ask for introductions, what is held up and by whom, the process map, give and get per
/// source, and what a better referral looks like.
extension ReportPage {
    /// The third card of "this week": results reviews due in the next 30 days.
    static func askForIntroductions(_ data: ReportData, site: Site) -> String {
        var html = "<div class=\"card\">\n<h2>Ask for introductions</h2>\n"
        let due = data.flow.reviews
        guard !due.isEmpty else {
            html += "<p>No results review falls due in the next 30 days.</p>\n"
            if let next = data.flow.nextReview {
                html += "<p class=\"muted\">Next: \(escape(next.prospect)), \(Formatting.day(next.day)).</p>\n"
            }
            return html + "</div>\n"
        }
        html += "<p class=\"muted\">Results reviews due in the next 30 days, \(Formatting.plural(site.askAfterDays, "day")) after each deal: ask the new client whom they know.</p>\n<ol class=\"todo\">\n"
        for review in due {
            html += "<li><strong>\(escape(review.prospect))</strong> — \(Formatting.day(review.day)) <span class=\"muted\">client since \(Formatting.day(review.deal)), referred by \(escape(review.source.name))</span></li>\n"
        }
        return html + "</ol>\n</div>\n"
    }

    static func heldUp(_ data: ReportData) -> String {
        var html = "<section>\n<h2>Held up</h2>\n"
        let flow = data.flow
        guard flow.referrals > 0 else {
            return html + "<p>No row of the ledger names a prospect, so no referral can be followed through the steps: write the prospect in the ledger's sixth column.</p>\n</section>\n"
        }
        guard flow.process.isWritten, flow.process.steps.contains(where: { $0.withinDays != nil }) else {
            return html + "<p>Map your process in <code>content/process.yml</code>, with the days each step may take (<code>within_days</code>), to see which referrals are held up and by whom.</p>\n</section>\n"
        }
        guard !flow.heldUp.isEmpty else {
            return html + "<p>Nothing is held up: every referral moved on within its step's days.</p>\n</section>\n"
        }
        html += "<p class=\"muted\">Referrals waiting at a step longer than its <code>within_days</code> on \(Formatting.day(data.to)), by owner, oldest first. Record a <code>lost</code> row when a referral ends.</p>\n"
        var owner: String??
        for held in flow.heldUp {
            if owner != .some(held.step.owner) {
                if owner != nil { html += "</ol>\n" }
                owner = .some(held.step.owner)
                html += "<h3>\(escape(held.step.owner ?? "No owner"))</h3>\n<ol class=\"todo\">\n"
            }
            html += "<li><strong>\(escape(held.prospect))</strong> (\(escape(held.source.name))) — \(escape(held.step.name)), since \(Formatting.day(held.since)): \(Formatting.plural(held.days, "day")) <span class=\"muted\">(within \(held.step.withinDays ?? 0))</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    static func process(_ data: ReportData) -> String {
        let flow = data.flow
        var html = "<section>\n<h2>Your referral process</h2>\n"
        html += flow.process.isWritten
            ? "<p class=\"muted\">From <code>content/process.yml</code>: the \(Formatting.plural(flow.referralsInPeriod, "referral")) that arrived from \(Formatting.day(data.from)) to \(Formatting.day(data.to)) (rows naming a prospect), step by step. A referral at a later step counts as having passed the earlier ones.</p>\n"
            : "<p class=\"muted\">The \(Formatting.plural(flow.referralsInPeriod, "referral")) that arrived from \(Formatting.day(data.from)) to \(Formatting.day(data.to)) (rows naming a prospect), by the ledger's stages. Map your own steps, with who owns each and how long it may take, in <code>content/process.yml</code>.</p>\n"
        if flow.leadsWithoutProspect > 0 {
            html += "<p class=\"muted\">\(Formatting.plural(flow.leadsWithoutProspect, "lead")) in the period name\(flow.leadsWithoutProspect == 1 ? "s" : "") no prospect and \(flow.leadsWithoutProspect == 1 ? "is" : "are") not in the map: write the prospect in the ledger's sixth column.</p>\n"
        }
        html += "<figure class=\"process\">\(Charts.process(flow.steps))</figure>\n"
        html += "<div class=\"scroll\" tabindex=\"0\"><table>\n<thead><tr><th>Step</th><th>Stage</th><th>Owner</th><th class=\"n\">Within</th><th class=\"n\">Reached</th><th class=\"n\">On to the next step</th><th class=\"n\">Median days</th></tr></thead>\n<tbody>\n"
        for figures in flow.steps {
            let step = figures.step
            html += "<tr><th>\(escape(step.name))</th><td>\(step.stage.name)</td><td>\(escape(step.owner ?? "–"))</td>"
            html += "<td class=\"n\">\(step.withinDays.map { Formatting.plural($0, "day") } ?? "–")</td>"
            html += "<td class=\"n\">\(Formatting.count(figures.reached))</td>"
            html += "<td class=\"n\">\(figures.onToNext.map { "\(Formatting.count($0)) (\(Self.percent($0, of: figures.reached)))" } ?? "–")</td>"
            html += "<td class=\"n\">\(figures.medianHalfDays.map(Formatting.halfDays) ?? "–")</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// "63%", rounded half up; "–" of nothing.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : "\((part * 100 + whole / 2) / whole)%"
    }

    /// Sources that sent or were given referrals in the period, those owed the most first.
    static func giveAndGetRows(_ data: ReportData) -> [ReportData.SourceRow] {
        data.sources.filter { $0.period[.lead] > 0 || $0.period[.given] > 0 }.sorted {
            ($1.period[.lead] - $1.period[.given], $1.period[.lead], $0.source.slug)
                < ($0.period[.lead] - $0.period[.given], $0.period[.lead], $1.source.slug)
        }
    }

    static func giveAndGet(_ data: ReportData) -> String {
        var html = "<section>\n<h2>Give and get</h2>\n"
        let rows = giveAndGetRows(data)
        guard !rows.isEmpty else { return html + "<p>No referral was received or given in the period.</p>\n</section>\n" }
        let owed = rows.filter { $0.source.segment == .partner && $0.period[.lead] > $0.period[.given] }
        html += owed.isEmpty
            ? "<p>You owe no partner a referral: each has been given as many as it sent.</p>\n"
            : "<p>Partners you owe a referral (they sent more than they were given; record one you give as a <code>given</code> row): "
                + owed.map { "<strong>\(escape($0.source.name))</strong> (\($0.period[.lead] - $0.period[.given]))" }.joined(separator: ", ") + ".</p>\n"
        html += "<div class=\"scroll\" tabindex=\"0\"><table>\n<thead><tr><th>Source</th><th>Segment</th><th class=\"n\">Received</th><th class=\"n\">Given</th><th class=\"n\">Owed</th><th class=\"n\">Lead → deal</th><th class=\"n\">Value per referral</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let received = row.period[.lead], given = row.period[.given]
            html += "<tr><th>\(escape(row.source.name))</th><td>\(row.source.segment.rawValue)</td>"
            html += "<td class=\"n\">\(Formatting.count(received))</td><td class=\"n\">\(Formatting.count(given))</td>"
            html += "<td class=\"n\">\(received > given ? Formatting.count(received - given) : "–")</td>"
            html += "<td class=\"n\">\(Conversion(from: .lead, to: .deal, in: [row.period]).cell)</td>"
            let perReferral = received == 0 ? "–" : Formatting.amount((row.period.dealCents + Int64(received / 2)) / Int64(received))
            html += "<td class=\"n\">\(perReferral)</td></tr>\n"
        }
        let silent = data.sources.count - rows.count
        html += "</tbody>\n</table></div>\n"
        if silent > 0 {
            html += "<p class=\"muted\">\(Formatting.plural(silent, "other source")) sent no referral and \(silent == 1 ? "was" : "were") given none in the period.</p>\n"
        }
        return html + "</section>\n"
    }

    /// Per source that sent referrals in the period: a note the business can send, naming the
    /// kinds of referral that became clients.
    static func betterReferrals(_ data: ReportData, kitURL: (Source) -> String) -> String {
        let rows = giveAndGetRows(data).filter { $0.period[.lead] > 0 }
        guard !rows.isEmpty else { return "" }
        var html = "<section>\n<h2>What better looks like</h2>\n<p class=\"muted\">A line to send each source with your thanks: the referrals of theirs that became clients in the period, from the ledger's prospects and notes.</p>\n<ul class=\"hints\">\n"
        for row in rows {
            html += "<li><strong>\(escape(row.source.name))</strong>: \(escape(hint(row, clients: data.flow.clients[row.source.slug] ?? [], kitURL: kitURL)))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    static func hint(_ row: ReportData.SourceRow, clients: [(prospect: String, note: String?)], kitURL: (Source) -> String) -> String {
        let received = row.period[.lead], deals = row.period[.deal]
        let introductions = Formatting.plural(received, "introduction")
        guard !clients.isEmpty else {
            if deals > 0 { return "Thank you for your \(introductions): \(Formatting.count(deals)) became clients. More like them, please." }
            return "Thank you for your \(introductions). None has become a client yet; the people we help best are in your kit: \(kitURL(row.source))"
        }
        let kinds = clients.prefix(3).map { client -> String in
            guard var note = client.note else { return client.prospect }
            if note.lowercased().hasPrefix(client.prospect.lowercased()) {
                note = String(note.dropFirst(client.prospect.count)).trimmingCharacters(in: CharacterSet(charactersIn: ", :-—"))
            }
            return note.isEmpty ? client.prospect : "\(client.prospect) (\(note))"
        }
        let list = kinds.count == 1 ? kinds[0] : kinds.dropLast().joined(separator: ", ") + " and " + kinds.last!
        return "Thank you for your \(introductions). The ones that became clients were like \(list): more like them, please."
    }
}
