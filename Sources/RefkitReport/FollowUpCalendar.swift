import RefkitLedger
import RefkitModel

/// `private/follow-up.ics`: one recurring all-day event per source (RFC 5545), with the source's
/// contact, its kit link and its numbers in the description, and one all-day event per results
/// review due in the next 30 days (`ReferralFlow.reviews`, as the page lists them). UIDs are made from the slug (and a review's prospect and deal
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
            "X-WR-CALNAME:" + text("Referral follow-ups · \(site.name)"),
        ]
        for row in data.sources {
            let source = row.source
            var description: [String] = []
            let who = [source.contact.name, source.contact.email, source.contact.phone].compactMap { $0 }
            if !who.isEmpty { description.append("Contact: " + who.joined(separator: ", ")) }
            description.append("Their kit: " + kitURL(source))
            let year = row.year
            description.append("This year (\(data.to.year)): \(Formatting.plural(year[.view], "view")), "
                + "\(Formatting.plural(year[.lead], "referral")), \(Formatting.plural(year[.appointment], "appointment")), "
                + "\(Formatting.plural(year[.deal], "new client")), value \(Formatting.amount(year.dealCents)).")
            if let thanked = row.lastThanked {
                description.append("Last thanked \(Formatting.day(thanked)); \(Formatting.plural(row.leadsSinceThanks, "referral")) since.")
            } else {
                description.append("Never thanked yet; \(Formatting.plural(row.leadsSinceThanks, "referral")) so far.")
            }
            description.append("Last activity: " + (row.lastActivity.map(Formatting.day) ?? "none") + ".")
            description.append("Follow up \(row.cadence) (set by follow_up in site.yml or the source's file).")

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
                "SUMMARY:" + text("Follow up with " + (source.contact.name.map { $0 == source.name ? $0 : "\($0) (\(source.name))" } ?? source.name)),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "URL:" + kitURL(source),
                "CATEGORIES:" + text("Referrals," + (source.segment == .partner ? "Partner" : "Customer")),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        let sequence = "SEQUENCE:\(max(0, data.today.daysSince1970 - FollowUpSchedule.epoch.daysSince1970))"
        for review in data.flow.reviews {
            let source = review.source
            var description = ["\(review.prospect) became a client on \(Formatting.day(review.deal))"
                + (review.cents.map { " (value \(Formatting.amount($0)))" } ?? "") + ", referred by \(source.name)."]
            description.append("Review the results with them, and ask whom they know who would benefit the same way.")
            description.append("Then tell \(source.name) how it went: their kit is \(kitURL(source))")
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
                "SUMMARY:" + text("Results review with \(review.prospect): ask for introductions"),
                "DESCRIPTION:" + text(description.joined(separator: "\n")),
                "CATEGORIES:" + text("Referrals,Results review"),
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
}
