import RefkitLedger
import RefkitModel

/// `private/follow-up.ics`: one recurring all-day event per source (RFC 5545), with the source's
/// contact, its kit link and its numbers in the description, and one all-day event per results
/// review to come that is not yet done (`ReferralFlow.upcomingReviews`, however far ahead; those
/// past due are on the page). UIDs are made from the slug (and a review's prospect and deal
/// day) and the site's host, so importing the file again updates the events instead of adding copies.
enum FollowUpCalendar {
    static func ics(_ data: ReportData, site: Site, kitURL: (Source) -> String) -> String {
        let host = hostName(of: site.url)
        let stamp = compact(data.today) + "T000000Z"
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//refkit//referral follow-ups//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + text(Formatting.text("calendar_name", ["site": site.name])),
        ]
        for row in data.sources {
            let source = row.source
            var description: [String] = []
            let who = [source.contact.name, source.contact.email, source.contact.phone].compactMap { $0 }
            if !who.isEmpty { description.append(Formatting.text("contact", ["who": who.joined(separator: ", ")])) }
            description.append(Formatting.text("their_kit", ["url": kitURL(source)]))
            let year = row.year
            description.append(Formatting.text("this_year", [
                "year": String(data.to.year), "views": Formatting.plural(year[.view], "views_n"),
                "referrals": Formatting.plural(year[.lead], "referrals"), "appointments": Formatting.plural(year[.appointment], "appointments_n"),
                "clients": Formatting.plural(year[.deal], "new_clients_n"), "value": Formatting.amount(year.dealCents),
            ]))
            let referrals = ["referrals": Formatting.plural(row.leadsSinceThanks, "referrals")]
            if let thanked = row.lastThanked {
                description.append(Formatting.text("last_thanked_since", referrals.merging(["date": Formatting.day(thanked)]) { $1 }))
            } else {
                description.append(Formatting.text("never_thanked_so_far", referrals))
            }
            description.append(Formatting.text("last_activity", ["date": row.lastActivity.map(Formatting.day) ?? Formatting.text("none")]))
            description.append(Formatting.text("follow_up_every", ["cadence": cadence(row.cadence)]))

            let end = Day(daysSince1970: row.followUpStart.daysSince1970 + 1)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + text("follow-up-\(source.slug)@\(host)"),
                "DTSTAMP:" + stamp,
                // Every report is a newer revision: calendars that compare SEQUENCE take the update.
                "SEQUENCE:\(max(0, data.today.daysSince1970 - FollowUpSchedule.epoch.daysSince1970))",
                "DTSTART;VALUE=DATE:" + compact(row.followUpStart),
                "DTEND;VALUE=DATE:" + compact(end),
                "RRULE:" + row.cadence.rrule,
                "SUMMARY:" + text(Formatting.text("follow_up_with", ["name": source.contact.name.map { $0 == source.name ? $0 : "\($0) (\(source.name))" } ?? source.name])),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "URL:" + kitURL(source),
                "CATEGORIES:" + text(Formatting.text("category_referrals") + "," + Formatting.text(source.segment == .partner ? "category_partner" : "category_customer")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        let sequence = "SEQUENCE:\(max(0, data.today.daysSince1970 - FollowUpSchedule.epoch.daysSince1970))"
        for review in data.flow.upcomingReviews {
            let source = review.source
            let client = ["prospect": review.prospect, "date": Formatting.day(review.deal), "source": source.name]
            var description = [review.cents.map { Formatting.text("became_client_value", client.merging(["value": Formatting.amount($0)]) { $1 }) }
                ?? Formatting.text("became_client", client)]
            description.append(Formatting.text("review_ask"))
            description.append(Formatting.text("review_then", ["source": source.name, "url": kitURL(source)]))
            let end = Day(daysSince1970: review.day.daysSince1970 + 1)
            // The prospect as the ledger matches it (case and outer spaces aside), hashed: any text, a short UID.
            let prospect = String(FollowUpSchedule.stableHash(review.prospect.lowercased()), radix: 16)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + text("review-\(source.slug)-\(prospect)-\(compact(review.deal))@\(host)"),
                "DTSTAMP:" + stamp,
                sequence,
                "DTSTART;VALUE=DATE:" + compact(review.day),
                "DTEND;VALUE=DATE:" + compact(end),
                "SUMMARY:" + text(Formatting.text("review_summary", ["prospect": review.prospect])),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "CATEGORIES:" + text(Formatting.text("category_referrals") + "," + Formatting.text("category_review")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { ICalendar.compact(day) }
    static func text(_ value: String) -> String { ICalendar.text(value) }
    static func fold(_ line: String) -> String { ICalendar.fold(line) }
    static func hostName(of url: String) -> String { ICalendar.hostName(of: url) }

    /// A follow-up cadence in the report's words: "quarterly", "every 3 weeks".
    static func cadence(_ cadence: Cadence) -> String {
        switch cadence {
        case .weeks(1): Formatting.text("cadence_weekly")
        case .weeks(let n): Formatting.plural(n, "cadence_weeks")
        case .months(1): Formatting.text("cadence_monthly")
        case .months(3): Formatting.text("cadence_quarterly")
        case .months(let n): Formatting.plural(n, "cadence_months")
        case .years: Formatting.text("cadence_yearly")
        }
    }
}
