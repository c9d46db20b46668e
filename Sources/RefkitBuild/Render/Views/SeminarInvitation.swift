import RefkitModel

/// A seminar's `S/library/ID.ics` (RFC 5545): one event at the seminar's local time, in the
/// site's `timezone` (with its `VTIMEZONE`), or floating when the site sets none, organised by the business and, for a partner, co-hosted by it (RFC
/// 5545 allows one `ORGANIZER`: the co-host is an `ATTENDEE` with `ROLE=CHAIR`), registration
/// through the source's referral link. The UID is the piece's id, the source's slug and the site's host:
/// the same every build, so importing it again updates the event.
struct SeminarInvitation {
    var uid: String
    var title: String
    var summary: String?
    var seminar: Seminar
    var place: String
    var link: String
    var business: Site
    var source: Source
    /// The build date: `DTSTAMP`.
    var stamp: Day

    var text: String {
        let start = seminar.day.daysSince1970 * 1440 + seminar.hour * 60 + seminar.minute
        let end = start + seminar.duration
        func local(_ minutes: Int) -> String {
            let day = Day(daysSince1970: minutes / 1440)
            let minute = minutes % 1440
            return ICalendar.compact(day) + "T" + two(minute / 60) + two(minute % 60) + "00"
        }
        // With the site's `timezone`, the times are in that zone (TZID, and its VTIMEZONE); without, they float.
        let zone = business.timeZone.map { ";TZID=" + $0 } ?? ""
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//refkit//seminar//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name = business.timeZone { lines += TimeZoneRules.component(name, around: start) }
        lines += [
            "BEGIN:VEVENT",
            "UID:" + ICalendar.text(uid),
            "DTSTAMP:" + ICalendar.compact(stamp) + "T000000Z",
            "DTSTART\(zone):" + local(start),
            "DTEND\(zone):" + local(end),
            "SUMMARY:" + ICalendar.text(title),
            "LOCATION:" + ICalendar.text(place),
            "DESCRIPTION:" + ICalendar.text(([summary].compactMap { $0 } + [link]).joined(separator: "\n")),
            "URL:" + link,
        ]
        lines.append("ORGANIZER;CN=\(ICalendar.parameter(business.name)):" + mailto(business.contact.email))
        if source.segment == .partner {
            lines.append("ATTENDEE;ROLE=CHAIR;PARTSTAT=ACCEPTED;CN=\(ICalendar.parameter(source.name)):" + mailto(source.contact.email))
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A CAL-ADDRESS: the e-mail address, or one at the site's host when there is none.
    private func mailto(_ email: String?) -> String {
        "mailto:" + (email ?? "noreply@" + ICalendar.hostName(of: business.url))
    }

    private func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
