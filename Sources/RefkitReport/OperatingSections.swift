import Foundation
import RefkitI18n
import RefkitLedger
import RefkitModel

/// The report's sections on operating referrals (FORMAT.md, "Operating the referral process"):
/// whom to ask for introductions, what is held up and by whom, the process map, give and get per
/// source, and what a better referral looks like.
extension ReportPage {
    /// The third card of "this week": results reviews past due, or due in the next 30 days.
    static func askForIntroductions(_ data: ReportData, site: Site) -> String {
        var html = "<div class=\"card\">\n<h2>\(t("ask_intro"))</h2>\n"
        let due = data.flow.dueReviews
        guard !due.isEmpty else {
            html += "<p>\(t("no_review"))</p>\n"
            if let next = data.flow.nextReview {
                html += "<p class=\"muted\">\(t("next_review", ["prospect": isolated(next.prospect), "date": Formatting.day(next.day)]))</p>\n"
            }
            return html + "</div>\n"
        }
        html += "<p class=\"muted\">\(t("reviews_lead", ["days": Formatting.plural(site.askAfterDays, "days")]))</p>\n<ol class=\"todo\">\n"
        for review in due {
            let item = t("review_item", ["date": Formatting.day(review.deal), "source": isolated(review.source.name)])
            let when = review.day < data.today
                ? "<strong class=\"overdue\">\(t("review_overdue", ["date": Formatting.day(review.day)]))</strong>" : Formatting.day(review.day)
            html += "<li><strong>\(isolated(review.prospect))</strong> — \(when) <span class=\"muted\">\(item)</span></li>\n"
        }
        html += "</ol>\n"
        if data.flow.olderOverdue > 0 {
            html += "<p class=\"muted\">\(t("older_overdue", ["count": Formatting.count(data.flow.olderOverdue)]))</p>\n"
        }
        return html + "</div>\n"
    }

    static func heldUp(_ data: ReportData) -> String {
        var html = "<section>\n<h2>\(t("held_up"))</h2>\n"
        let flow = data.flow
        guard flow.referrals > 0 else {
            return html + "<p>\(t("no_prospects"))</p>\n</section>\n"
        }
        guard flow.process.isWritten, flow.process.steps.contains(where: { $0.withinDays != nil }) else {
            return html + "<p>\(t("map_process"))</p>\n</section>\n"
        }
        guard !flow.heldUp.isEmpty else {
            return html + "<p>\(t("nothing_held"))</p>\n</section>\n"
        }
        html += "<p class=\"muted\">\(t("held_lead", ["date": Formatting.day(data.to)]))</p>\n"
        var owner: String??
        for held in flow.heldUp {
            if owner != .some(held.step.owner) {
                if owner != nil { html += "</ol>\n" }
                owner = .some(held.step.owner)
                html += "<h3>\(held.step.owner.map(escape) ?? t("no_owner"))</h3>\n<ol class=\"todo\">\n"
            }
            let since = t("held_since", ["step": escape(Formatting.stepName(held.step)), "date": Formatting.day(held.since), "days": Formatting.plural(held.days, "days")])
            let within = t("within_count", ["count": Formatting.count(held.step.withinDays ?? 0)])
            html += "<li><strong>\(isolated(held.prospect))</strong> (\(isolated(held.source.name))) — \(since) <span class=\"muted\">(\(within))</span></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    static func process(_ data: ReportData) -> String {
        let flow = data.flow
        var html = "<section>\n<h2>\(t("your_process"))</h2>\n"
        let period = ["from": Formatting.day(data.from), "to": Formatting.day(data.to)]
        html += "<p class=\"muted\">\(Formatting.plural(flow.referralsInPeriod, flow.process.isWritten ? "process_written" : "process_stages", period))</p>\n"
        if flow.leadsWithoutProspect > 0 {
            html += "<p class=\"muted\">\(Formatting.plural(flow.leadsWithoutProspect, "no_prospect_leads"))</p>\n"
        }
        html += "<figure class=\"process\">\(Charts.process(flow.steps))</figure>\n"
        html += "<div class=\"scroll\" tabindex=\"0\"><table>\n<thead><tr><th>\(t("step"))</th><th>\(t("stage"))</th><th>\(t("owner"))</th>"
            + "<th class=\"n\">\(t("within"))</th><th class=\"n\">\(t("reached"))</th><th class=\"n\">\(t("on_to_next"))</th>"
            + "<th class=\"n\">\(t("median_days"))</th></tr></thead>\n<tbody>\n"
        for figures in flow.steps {
            let step = figures.step
            // The ledger's own word for the stage stays as written, beside the report's.
            html += "<tr><th>\(escape(Formatting.stepName(step)))</th><td>\(t("stage_\(step.stage.name)")) (<code>\(step.stage.name)</code>)</td><td>\(escape(step.owner ?? "–"))</td>"
            html += "<td class=\"n\">\(step.withinDays.map { Formatting.plural($0, "days") } ?? "–")</td>"
            html += "<td class=\"n\">\(Formatting.count(figures.reached))</td>"
            html += "<td class=\"n\">\(figures.onToNext.map { "\(Formatting.count($0)) (\(Self.percent($0, of: figures.reached)))" } ?? "–")</td>"
            html += "<td class=\"n\">\(figures.medianHalfDays.map(Formatting.halfDays) ?? "–")</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// "63%", rounded half up; "–" of nothing.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "–" : Formatting.percent((part * 100 + whole / 2) / whole)
    }

    /// Sources that sent or were given referrals in the period, those owed the most first.
    static func giveAndGetRows(_ data: ReportData) -> [ReportData.SourceRow] {
        data.sources.filter { $0.period[.lead] > 0 || $0.period[.given] > 0 }.sorted {
            ($1.period[.lead] - $1.period[.given], $1.period[.lead], $0.source.slug)
                < ($0.period[.lead] - $0.period[.given], $0.period[.lead], $1.source.slug)
        }
    }

    static func giveAndGet(_ data: ReportData) -> String {
        var html = "<section>\n<h2>\(t("give_and_get"))</h2>\n"
        let rows = giveAndGetRows(data)
        guard !rows.isEmpty else { return html + "<p>\(t("no_give_get"))</p>\n</section>\n" }
        let owed = rows.filter { $0.source.segment == .partner && $0.period[.lead] > $0.period[.given] }
        html += owed.isEmpty
            ? "<p>\(t("owe_none"))</p>\n"
            : "<p>\(t("owe_list", ["list": owed.map { "<strong>\(isolated($0.source.name))</strong> (\(Formatting.count($0.period[.lead] - $0.period[.given])))" }.joined(separator: ", ")]))</p>\n"
        html += "<div class=\"scroll\" tabindex=\"0\"><table>\n<thead><tr><th>\(t("source"))</th><th>\(t("segment"))</th>"
            + "<th class=\"n\">\(t("received"))</th><th class=\"n\">\(t("given"))</th><th class=\"n\">\(t("owed"))</th>"
            + "<th class=\"n\">\(t("lead_to_deal"))</th><th class=\"n\">\(t("value_per_referral"))</th></tr></thead>\n<tbody>\n"
        for row in rows {
            let received = row.period[.lead], given = row.period[.given]
            html += "<tr><th>\(isolated(row.source.name))</th><td>\(t(row.source.segment.rawValue))</td>"
            html += "<td class=\"n\">\(Formatting.count(received))</td><td class=\"n\">\(Formatting.count(given))</td>"
            html += "<td class=\"n\">\(received > given ? Formatting.count(received - given) : "–")</td>"
            html += "<td class=\"n\">\(Conversion(from: .lead, to: .deal, in: [row.period]).cell)</td>"
            let perReferral = received == 0 ? "–" : Formatting.amount((row.period.dealCents + Int64(received / 2)) / Int64(received))
            html += "<td class=\"n\">\(perReferral)</td></tr>\n"
        }
        let silent = data.sources.count - rows.count
        html += "</tbody>\n</table></div>\n"
        if silent > 0 {
            html += "<p class=\"muted\">\(Formatting.plural(silent, "silent_sources"))</p>\n"
        }
        return html + "</section>\n"
    }

    /// Per source that sent referrals in the period: a note the business can send, naming the
    /// kinds of referral that became clients.
    static func betterReferrals(_ data: ReportData, kitURL: (Source) -> String) -> String {
        let rows = giveAndGetRows(data).filter { $0.period[.lead] > 0 }
        guard !rows.isEmpty else { return "" }
        var html = "<section>\n<h2>\(t("better"))</h2>\n<p class=\"muted\">\(t("better_lead"))</p>\n<ul class=\"hints\">\n"
        for row in rows {
            // Written to be sent: in the source's language (marked, where it is not the page's).
            let language = row.source.language ?? Formatting.language
            let line = Formatting.$words.withValue(Formatting.words.inLanguage(language)) {
                hint(row, clients: data.flow.clients[row.source.slug] ?? [], kitURL: kitURL)
            }
            var mark = ""
            if language != Formatting.language {
                mark = " lang=\"\(escape(language))\""
                if Language.direction(of: language) != Language.direction(of: Formatting.language) { mark += " dir=\"\(Language.direction(of: language))\"" }
            }
            html += "<li\(mark)><strong>\(isolated(row.source.name))</strong>: \(escape(line))</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    static func hint(_ row: ReportData.SourceRow, clients: [(prospect: String, note: String?)], kitURL: (Source) -> String) -> String {
        let received = row.period[.lead], deals = row.period[.deal]
        let introductions = Formatting.plural(received, "introductions")
        guard !clients.isEmpty else {
            if deals > 0 { return Formatting.plural(deals, "hint_deals", ["introductions": introductions]) }
            return t("hint_none", ["introductions": introductions, "url": kitURL(row.source)])
        }
        let kinds = clients.prefix(3).map { client -> String in
            guard var note = client.note else { return client.prospect }
            if note.lowercased().hasPrefix(client.prospect.lowercased()) {
                note = String(note.dropFirst(client.prospect.count)).trimmingCharacters(in: CharacterSet(charactersIn: ", :-—"))
            }
            return note.isEmpty ? client.prospect : "\(client.prospect) (\(note))"
        }
        let list = kinds.count == 1 ? kinds[0] : kinds.dropLast().joined(separator: ", ") + " \(t("and")) " + kinds.last!
        return t("hint_like", ["introductions": introductions, "list": list])
    }
}
