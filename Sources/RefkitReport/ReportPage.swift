import RefkitI18n
import RefkitLedger
import RefkitModel

/// `private/report/index.html`: one self-contained page (inline CSS and SVG, no script, nothing
/// fetched), laid out for a screen and for print.
enum ReportPage {
    static func html(_ data: ReportData, site: Site, kitURL: (Source) -> String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(escape(site.language))" dir="\(Language.direction(of: site.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>\(t("title", ["site": escape(site.name)]))</title>
        <style>\(css)</style>
        </head>
        <body>
        <a class="skip" href="#main">\(t("skip"))</a>
        <header>
        <h1>\(t("title", ["site": isolated(site.name)]))</h1>
        <p class="muted">\(t("made", ["from": Formatting.day(data.from), "to": Formatting.day(data.to), "today": Formatting.day(data.today)]))</p>
        </header>
        <main id="main">

        """
        html += thisWeek(data, site: site)
        html += outbox(data)
        html += summary(data)
        html += heldUp(data)
        html += process(data)
        html += """
        <section>
        <h2>\(t("funnel"))</h2>
        <p class="muted">\(t("funnel_lead"))</p>
        <figure class="scroll" tabindex="0" dir="ltr">\(Charts.funnel(data.overall, sources: data.tallies(nil), title: t("funnel_all")))</figure>
        <div class="grid">
        <figure class="scroll" tabindex="0" dir="ltr"><figcaption dir="auto">\(t("partners"))</figcaption>\(Charts.funnel(data.partners, sources: data.tallies(.partner), title: t("funnel_partners"), width: 420))</figure>
        <figure class="scroll" tabindex="0" dir="ltr"><figcaption dir="auto">\(t("customers"))</figcaption>\(Charts.funnel(data.customers, sources: data.tallies(.customer), title: t("funnel_customers"), width: 420))</figure>
        </div>
        \(segmentTable(data))
        </section>
        <section>
        <h2>\(t("month_by_month"))</h2>
        <figure class="wide scroll" tabindex="0" dir="ltr">\(Charts.months(data.months))</figure>
        </section>

        """
        html += giveAndGet(data)
        html += betterReferrals(data, kitURL: kitURL)
        html += quiet(data)
        html += neverOpened(data)
        html += sourceTable(data, kitURL: kitURL)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func thisWeek(_ data: ReportData, site: Site) -> String {
        var html = "<section class=\"grid\" aria-label=\"\(t("this_week"))\">\n<div class=\"card\">\n<h2>\(t("say_thank_you"))</h2>\n"
        let thanks = data.thankYou
        if thanks.isEmpty {
            html += "<p>\(t("all_thanked"))</p>\n"
        } else {
            html += "<p class=\"muted\">\(t("thanks_lead"))</p>\n<ol class=\"todo\">\n"
            for row in thanks {
                let since = row.lastThanked.map { t("last_thanked", ["date": Formatting.day($0)]) } ?? t("never_thanked")
                html += "<li><strong>\(isolated(row.source.name))</strong> — \(Formatting.plural(row.leadsSinceThanks, "referrals")) <span class=\"muted\">(\(since))</span></li>\n"
            }
            html += "</ol>\n"
        }
        html += "</div>\n<div class=\"card\">\n<h2>\(t("follow_up_week"))</h2>\n"
        let due = data.dueThisWeek
        let shown = due.isEmpty ? Array(data.upcoming.prefix(3)) : due
        if due.isEmpty {
            html += "<p>\(t("nothing_due"))</p>\n"
        } else {
            let to = Day(daysSince1970: data.today.daysSince1970 + 6)
            html += "<p class=\"muted\">\(t("due_lead", ["from": Formatting.day(data.today), "to": Formatting.day(to)]))</p>\n"
        }
        html += "<ol class=\"todo\">\n"
        for row in shown {
            let contact = [row.source.contact.name, row.source.contact.phone ?? row.source.contact.email].compactMap { $0 }
            html += "<li><strong>\(isolated(row.source.name))</strong> — \(Formatting.day(row.nextFollowUp))"
            if !contact.isEmpty { html += " <span class=\"muted\">\(escape(contact.joined(separator: ", ")))</span>" }
            html += "</li>\n"
        }
        html += "</ol>\n</div>\n"
        return html + askForIntroductions(data, site: site) + "</section>\n"
    }

    private static func summary(_ data: ReportData) -> String {
        let tally = data.overall
        let figures: [(String, String)] = [
            (t("leads"), Formatting.count(tally[.lead])),
            (t("deals"), Formatting.count(tally[.deal])),
            (t("lead_to_deal"), Conversion(from: .lead, to: .deal, in: data.tallies(nil)).cell),
            (t("value_closed"), Formatting.amount(tally.dealCents)),
        ]
        var html = "<section aria-label=\"\(t("summary"))\"><dl class=\"figures\">\n"
        for (label, value) in figures { html += "<div><dt>\(label)</dt><dd>\(value)</dd></div>\n" }
        return html + "</dl></section>\n"
    }

    /// `sources`: the per-source tallies that add up to `tally`, for the conversions.
    private static func tallyCells(_ tally: Tally, sources: [Tally]) -> String {
        [tally[.view], tally[.lead], tally[.appointment], tally[.deal], tally[.lost]]
            .map { "<td class=\"n\">\(Formatting.count($0))</td>" }.joined()
            + "<td class=\"n\">\(Conversion(from: .view, to: .lead, in: sources).cell)</td>"
            + "<td class=\"n\">\(Conversion(from: .lead, to: .deal, in: sources).cell)</td>"
            + "<td class=\"n\">\(Formatting.amount(tally.dealCents))</td>"
    }

    private static var tallyHeader: String {
        ["views", "leads", "appointments", "deals", "lost", "view_to_lead", "lead_to_deal", "value"]
            .map { "<th class=\"n\">\(t($0))</th>" }.joined()
    }

    private static func segmentTable(_ data: ReportData) -> String {
        """
        <div class="scroll" tabindex="0"><table>
        <thead><tr><th>\(t("segment"))</th>\(tallyHeader)</tr></thead>
        <tbody>
        <tr><th>\(t("partners"))</th>\(tallyCells(data.partners, sources: data.tallies(.partner)))</tr>
        <tr><th>\(t("customers"))</th>\(tallyCells(data.customers, sources: data.tallies(.customer)))</tr>
        <tr class="total"><th>\(t("all"))</th>\(tallyCells(data.overall, sources: data.tallies(nil)))</tr>
        </tbody>
        </table></div>

        """
    }

    private static func quiet(_ data: ReportData) -> String {
        let quiet = data.quiet
        let days = Formatting.count(ReportData.quietDays)
        var html = "<section>\n<h2>\(t("gone_quiet"))</h2>\n"
        guard !quiet.isEmpty else {
            return html + "<p>\(t("all_active", ["days": days]))</p>\n</section>\n"
        }
        html += "<p class=\"muted\">\(t("quiet_lead", ["days": days, "date": Formatting.day(data.to)]))</p>\n<ul class=\"quiet\">\n"
        for row in quiet {
            let last = row.lastActivity.map {
                t("last_active_ago", ["date": Formatting.day($0), "days": Formatting.plural(data.to.daysSince1970 - $0.daysSince1970, "days")])
            } ?? t("nothing_recorded")
            html += "<li><strong>\(isolated(row.source.name))</strong> <span class=\"muted\">\(t(row.source.segment.rawValue)) · \(last)</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// What `refkit outbox` writes for the next seven days (FORMAT.md, "Follow-up that runs itself").
    private static func outbox(_ data: ReportData) -> String {
        let touches = OutboxPlan.touches(data, days: OutboxPlan.defaultDays)
        var html = "<section>\n<h2>\(t("outbox"))</h2>\n"
        guard !touches.isEmpty else { return html + "<p>\(t("outbox_none"))</p>\n</section>\n" }
        html += "<p class=\"muted\">\(t("outbox_lead"))</p>\n<ul class=\"quiet\">\n"
        for touch in touches {
            let contact = touch.source.contact
            let skipped = !contact.consent ? " · " + t("not_written_consent") : contact.email == nil ? " · " + t("not_written_email") : ""
            let kind = t("touch_" + touch.kind.rawValue.replacingOccurrences(of: "-", with: "_"))
            html += "<li><strong>\(isolated(touch.source.name))</strong> <span class=\"muted\">\(Formatting.day(touch.day)) · \(kind)"
                + "\(touch.review.map { " · " + isolated($0.prospect) } ?? "")\(skipped)</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    /// The sources that never opened their kit: the ones to call first.
    private static func neverOpened(_ data: ReportData) -> String {
        var html = "<section>\n<h2>\(t("never_opened"))</h2>\n"
        guard data.opensAreRecorded else { return html + "<p class=\"muted\">\(t("opened_unknown"))</p>\n</section>\n" }
        let never = data.neverOpened
        guard !never.isEmpty else { return html + "<p>\(t("all_opened"))</p>\n</section>\n" }
        html += "<p class=\"muted\">\(t("never_opened_lead"))</p>\n<ul class=\"quiet\">\n"
        for row in never {
            html += "<li><strong>\(isolated(row.source.name))</strong> <span class=\"muted\">\(t(row.source.segment.rawValue))</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private static func sourceTable(_ data: ReportData, kitURL: (Source) -> String) -> String {
        let rows = data.sources.sorted {
            (-$0.period[.deal], -$0.period[.lead], $0.source.slug) < (-$1.period[.deal], -$1.period[.lead], $1.source.slug)
        }
        var html = "<section>\n<h2>\(t("every_source"))</h2>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"sources\">\n"
            + "<thead><tr><th>\(t("source"))</th><th>\(t("segment"))</th>\(tallyHeader)<th class=\"n\">\(t("printed_views"))</th><th>\(t("kit_opened"))</th>"
            + "<th>\(t("last_active"))</th><th>\(t("next_follow_up"))</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><th><a href=\"\(escape(kitURL(row.source)))\">\(isolated(row.source.name))</a></th><td>\(t(row.source.segment.rawValue))</td>\(tallyCells(row.period, sources: [row.period]))"
            html += "<td class=\"n\">\(Formatting.count(row.printedLinkViews))</td><td>\(row.lastOpened.map(Formatting.day) ?? (data.opensAreRecorded ? t("never") : "–"))</td>"
            html += "<td>\(row.lastActivity.map(Formatting.day) ?? "–")</td><td>\(Formatting.day(row.nextFollowUp))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    static let css = """
    .skip{position:absolute;left:.5rem;top:-4rem;padding:.5rem .75rem;background:#fff;color:#1F2937;border:2px solid #1F2937}
    .skip:focus{top:.5rem}
    body{margin:0;padding:1.5rem;overflow-wrap:break-word;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1F2937;background:#F9FAFB}
    header,main{max-width:1100px;margin:0 auto}
    h1{font-size:1.6rem;margin:0 0 .25rem}
    h2{font-size:1.2rem;margin:0 0 .5rem}
    h3{font-size:1rem;margin:.75rem 0 0}
    .hints{margin:.5rem 0 0;padding-left:1.2rem}
    .process svg{width:420px}
    .hints li{margin:.4rem 0}
    section{background:#fff;border:1px solid #E5E7EB;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
    section.grid{background:none;border:0;padding:0}
    .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,320px),1fr));gap:1rem}
    .card{background:#fff;border:1px solid #E5E7EB;border-radius:8px;padding:1rem 1.25rem}
    .muted{color:#4B5563;font-size:.9rem}
    .todo{margin:.5rem 0 0;padding-left:1.4rem}
    .todo li{margin:.2rem 0}
    .overdue{color:#B42318}
    .figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,9rem),1fr));gap:1rem;margin:0}
    .figures div{border-left:4px solid #2563EB;padding-left:.75rem}
    .figures dt{color:#4B5563;font-size:.9rem}
    .figures dd{margin:0;font-size:1.6rem;font-weight:700}
    figure{margin:.5rem 0}
    /* Wide tables and charts scroll inside their own box on a phone (the page never does), the
       charts at their own size so their labels stay readable. */
    .scroll{overflow-x:auto;max-width:100%}
    .scroll:focus-visible{outline:2px solid #1D4ED8;outline-offset:2px}
    @media (max-width:40rem){body{padding:1rem .75rem}.scroll svg{max-width:none}section{padding:1rem .75rem}}
    figcaption{font-weight:600;margin-bottom:.25rem}
    svg{max-width:100%;height:auto}
    table{border-collapse:collapse;width:100%;margin-top:.75rem;font-size:.9rem}
    th,td{padding:.3rem .5rem;border-bottom:1px solid #E5E7EB;text-align:left;vertical-align:top}
    thead th{border-bottom:2px solid #6B7280;font-size:.8rem;color:#374151}
    .n{text-align:right;font-variant-numeric:tabular-nums}
    tr.total th,tr.total td{font-weight:700;border-top:2px solid #6B7280}
    .quiet{columns:2 14rem;margin:.5rem 0 0}
    a{color:#1D4ED8}
    /* Right to left (ar, he, fa, ur): the same layout, mirrored. */
    [dir=rtl] .skip{left:auto;right:.5rem}
    [dir=rtl] .hints{padding-left:0;padding-right:1.2rem}
    [dir=rtl] .todo{padding-left:0;padding-right:1.4rem}
    [dir=rtl] .figures div{border-left:0;padding-left:0;border-right:4px solid #2563EB;padding-right:.75rem}
    [dir=rtl] th,[dir=rtl] td{text-align:right}
    [dir=rtl] .n{text-align:left}
    @media print{
      body{background:#fff;padding:0;font-size:11pt}
      section,.card{border:1px solid #9CA3AF}
      .card,figure,.figures,tr{break-inside:avoid}
      h2{break-after:avoid}
      a{color:inherit;text-decoration:none}
    }
    """

    /// The report's word `key` in the site's language (`Formatting.text`).
    static func t(_ key: String, _ values: [String: String] = [:]) -> String { Formatting.text(key, values) }
}
