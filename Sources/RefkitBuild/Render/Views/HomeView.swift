import RefkitLedger
import RefkitModel
import RefkitTemplates

/// The kit's home, `S/index.html`.
extension SiteRenderer {
    /// `S/index.html`: greeting, message, reward, pages, offers, link and QR code, and the stats line.
    func homeJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        var home = baseView(context, depth: 1, currentPage: nil)
        home.isHome = true
        home.stats = statsView(context.source)
        home.library = libraryEntries(context)
        // A partner's home lists its posts on the network blog.
        home.posts = kit.posts(by: context.source).map { postView($0, toBlog: "../network/", reader: language(of: context.source)) }
        let reader = language(of: context.source)
        jobs.append(job("home", path: OutputPlan.SourceFile.home.path(in: context.folder), view: home,
                        title: words(for: reader).text("kit_title", context.wordValues), description: nil, preview: context.preview))
        return jobs
    }

    /// "You sent us 3 referrals this year, 2 became clients — thank you!": only with `show_stats:
    /// true`, and only once the source has sent a referral this year.
    func statsView(_ source: Source) -> StatsView? {
        guard let tally = stats[source.slug], tally[.lead] > 0 else { return nil }
        let referrals = tally[.lead], clients = tally[.deal]
        let words = words(for: language(of: source))
        let sent = words.plural("stats_referrals", count: referrals)
        let text = clients > 0
            ? words.text("stats_line", ["referrals": sent, "clients": words.plural("stats_clients", count: clients)])
            : words.text("stats_line_no_clients", ["referrals": sent])
        return StatsView(year: date.year, referrals: referrals, clients: clients, text: text)
    }
}

/// `stats`: this year's referrals and clients from the source (with `show_stats: true`).
struct StatsView: ViewModel {
    var year: Int
    var referrals: Int
    var clients: Int
    var text: String

    static let fields: [ViewField<Self>] = [
        .number("year") { $0.year }, .number("referrals") { $0.referrals }, .number("clients") { $0.clients },
        .text("text") { $0.text },
    ]

    static let about: [String: String] = [
        "year": "the build date's year",
        "referrals": "the leads the source sent this year",
        "clients": "how many became deals",
        "text": "the sentence saying so, in the reader's language",
    ]
}
