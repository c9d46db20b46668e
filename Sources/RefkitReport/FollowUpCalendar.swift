import RefkitLedger
import RefkitModel

/// `private/follow-up.ics`: one recurring all-day event per source (RFC 5545), with the source's
/// contact, its kit link and its numbers in the description. UIDs are made from the slug and the
/// site's host, so importing the file again updates the events instead of adding copies.
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
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ day: Day) -> String { ICalendar.compact(day) }
    static func text(_ value: String) -> String { ICalendar.text(value) }
    static func fold(_ line: String) -> String { ICalendar.fold(line) }
    static func hostName(of url: String) -> String { ICalendar.hostName(of: url) }
}
