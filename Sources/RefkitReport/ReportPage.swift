import RefkitLedger
import RefkitModel

/// `private/report/index.html`: one self-contained page (inline CSS and SVG, no script, nothing
/// fetched), laid out for a screen and for print.
enum ReportPage {
    static func html(_ data: ReportData, site: Site, kitURL: (Source) -> String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="\(escape(site.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>Referral report · \(escape(site.name))</title>
        <style>\(css)</style>
        </head>
        <body>
        <a class="skip" href="#main">Skip to the report</a>
        <header>
        <h1>Referral report · \(escape(site.name))</h1>
        <p class="muted">\(Formatting.day(data.from)) – \(Formatting.day(data.to)) · made \(Formatting.day(data.today)) by <code>refkit report</code> from content/ledger.csv. Private: not part of the published kits.</p>
        </header>
        <main id="main">

        """
        html += thisWeek(data, site: site)
        html += summary(data)
        html += heldUp(data)
        html += process(data)
        html += """
        <section>
        <h2>Funnel</h2>
        <p class="muted">Every row dated in the period: kit views, the leads they sent, appointments and deals.</p>
        <figure class="scroll" tabindex="0">\(Charts.funnel(data.overall, sources: data.tallies(nil), title: "Funnel, all sources"))</figure>
        <div class="grid">
        <figure class="scroll" tabindex="0"><figcaption>Partners</figcaption>\(Charts.funnel(data.partners, sources: data.tallies(.partner), title: "Funnel, partners", width: 420))</figure>
        <figure class="scroll" tabindex="0"><figcaption>Customers</figcaption>\(Charts.funnel(data.customers, sources: data.tallies(.customer), title: "Funnel, customers", width: 420))</figure>
        </div>
        \(segmentTable(data))
        </section>
        <section>
        <h2>Month by month</h2>
        <figure class="wide scroll" tabindex="0">\(Charts.months(data.months))</figure>
        </section>

        """
        html += giveAndGet(data)
        html += betterReferrals(data, kitURL: kitURL)
        html += quiet(data)
        html += sourceTable(data, kitURL: kitURL)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func thisWeek(_ data: ReportData, site: Site) -> String {
        var html = "<section class=\"grid\" aria-label=\"This week\">\n<div class=\"card\">\n<h2>Say thank you</h2>\n"
        let thanks = data.thankYou
        if thanks.isEmpty {
            html += "<p>Everyone has been thanked for every referral they sent.</p>\n"
        } else {
            html += "<p class=\"muted\">Referrals received since the last thank-you (record one as a <code>thanked</code> row).</p>\n<ol class=\"todo\">\n"
            for row in thanks {
                let since = row.lastThanked.map { "last thanked \(Formatting.day($0))" } ?? "never thanked"
                html += "<li><strong>\(escape(row.source.name))</strong> — \(Formatting.plural(row.leadsSinceThanks, "referral")) <span class=\"muted\">(\(since))</span></li>\n"
            }
            html += "</ol>\n"
        }
        html += "</div>\n<div class=\"card\">\n<h2>Follow up this week</h2>\n"
        let due = data.dueThisWeek
        let shown = due.isEmpty ? Array(data.upcoming.prefix(3)) : due
        if due.isEmpty {
            html += "<p>Nothing falls due in the next seven days. Coming up:</p>\n"
        } else {
            html += "<p class=\"muted\">From the follow-up calendar (private/follow-up.ics), \(Formatting.day(data.today)) to \(Formatting.day(Day(daysSince1970: data.today.daysSince1970 + 6))).</p>\n"
        }
        html += "<ol class=\"todo\">\n"
        for row in shown {
            let contact = [row.source.contact.name, row.source.contact.phone ?? row.source.contact.email].compactMap { $0 }
            html += "<li><strong>\(escape(row.source.name))</strong> — \(Formatting.day(row.nextFollowUp))"
            if !contact.isEmpty { html += " <span class=\"muted\">\(escape(contact.joined(separator: ", ")))</span>" }
            html += "</li>\n"
        }
        html += "</ol>\n</div>\n"
        return html + askForIntroductions(data, site: site) + "</section>\n"
    }

    private static func summary(_ data: ReportData) -> String {
        let tally = data.overall
        let figures: [(String, String)] = [
            ("Leads", Formatting.count(tally[.lead])),
            ("Deals", Formatting.count(tally[.deal])),
            ("Lead → deal", Conversion(from: .lead, to: .deal, in: data.tallies(nil)).cell),
            ("Value closed", Formatting.amount(tally.dealCents)),
        ]
        var html = "<section aria-label=\"Summary\"><dl class=\"figures\">\n"
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

    private static let tallyHeader = ["Views", "Leads", "Appointments", "Deals", "Lost", "View → lead", "Lead → deal", "Value"]
        .map { "<th class=\"n\">\($0)</th>" }.joined()

    private static func segmentTable(_ data: ReportData) -> String {
        """
        <div class="scroll" tabindex="0"><table>
        <thead><tr><th>Segment</th>\(tallyHeader)</tr></thead>
        <tbody>
        <tr><th>Partners</th>\(tallyCells(data.partners, sources: data.tallies(.partner)))</tr>
        <tr><th>Customers</th>\(tallyCells(data.customers, sources: data.tallies(.customer)))</tr>
        <tr class="total"><th>All</th>\(tallyCells(data.overall, sources: data.tallies(nil)))</tr>
        </tbody>
        </table></div>

        """
    }

    private static func quiet(_ data: ReportData) -> String {
        let quiet = data.quiet
        var html = "<section>\n<h2>Gone quiet</h2>\n"
        guard !quiet.isEmpty else {
            return html + "<p>Every source has been active in the last \(ReportData.quietDays) days.</p>\n</section>\n"
        }
        html += "<p class=\"muted\">No view, lead or deal in the \(ReportData.quietDays) days up to \(Formatting.day(data.to)).</p>\n<ul class=\"quiet\">\n"
        for row in quiet {
            let last = row.lastActivity.map { "last active \(Formatting.day($0)), \(Formatting.plural(data.to.daysSince1970 - $0.daysSince1970, "day")) ago" }
                ?? "nothing recorded yet"
            html += "<li><strong>\(escape(row.source.name))</strong> <span class=\"muted\">\(row.source.segment.rawValue) · \(last)</span></li>\n"
        }
        return html + "</ul>\n</section>\n"
    }

    private static func sourceTable(_ data: ReportData, kitURL: (Source) -> String) -> String {
        let rows = data.sources.sorted {
            (-$0.period[.deal], -$0.period[.lead], $0.source.slug) < (-$1.period[.deal], -$1.period[.lead], $1.source.slug)
        }
        var html = "<section>\n<h2>Every source</h2>\n<div class=\"scroll\" tabindex=\"0\"><table class=\"sources\">\n<thead><tr><th>Source</th><th>Segment</th>\(tallyHeader)<th>Last active</th><th>Next follow-up</th></tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr><th><a href=\"\(escape(kitURL(row.source)))\">\(escape(row.source.name))</a></th><td>\(row.source.segment.rawValue)</td>\(tallyCells(row.period, sources: [row.period]))"
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
    @media print{
      body{background:#fff;padding:0;font-size:11pt}
      section,.card{border:1px solid #9CA3AF}
      .card,figure,.figures,tr{break-inside:avoid}
      h2{break-after:avoid}
      a{color:inherit;text-decoration:none}
    }
    """
}
