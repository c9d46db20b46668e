import Foundation
import RefkitModel
import RefkitTemplates

/// Each live offer the source gets, `S/offers/ID.html`.
extension SiteRenderer {
    /// `S/offers/ID.html`: a coupon or gift certificate with the source's code and QR code.
    func offerJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        for (offer, offerView) in zip(context.offers, context.offerViews[1]!) {
            var view = baseView(context, depth: 2, currentPage: nil)
            view["offer"] = .object(offerView)
            view["content"] = .text(offerBodies[offer.id]!.fill(context.values))
            jobs.append(Job(template: "offer", path: "\(context.folder)/offers/\(offer.id).html", view: view))
        }
        return jobs
    }

    func offerView(_ offer: Offer, values: [String: String], language: String, urlPrefix: String) -> ViewObject {
        var view: ViewObject = [
            "id": offer.id, "title": Placeholder.fill(offer.title, with: values), "kind": offer.kind.rawValue,
            "is_coupon": offer.kind == .coupon, "is_gift_certificate": offer.kind == .giftCertificate,
            "value": Placeholder.fill(offer.value, with: values), "code": Placeholder.fill(offer.code, with: values),
            "url": urlPrefix + "offers/\(offer.id).html",
        ]
        if let terms = offer.terms { view["terms"] = .text(Placeholder.fill(terms, with: values)) }
        if let expires = offer.expires {
            view["expires"] = .text(expires.description)
            view["expires_text"] = dayTexts[language]?[expires].map(ViewValue.text)
        }
        if let starts = offer.starts {
            view["starts"] = .text(starts.description)
            view["starts_text"] = dayTexts[language]?[starts].map(ViewValue.text)
        }
        switch (view["starts_text"], view["expires_text"]) {
        case let (.text(starts)?, .text(expires)?): view["validity_text"] = .text("Valid from \(starts) until \(expires)")
        case let (nil, .text(expires)?): view["validity_text"] = .text("Valid until \(expires)")
        case let (.text(starts)?, nil): view["validity_text"] = .text("Valid from \(starts)")
        default: break
        }
        return view
    }
}

/// Days written out for a language: `30 June 2027` (en-GB), `June 30, 2027` (en), `30. Juni 2027` (de).
enum DayFormatting {
    static func long(_ day: Day, language: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        var components = DateComponents()
        (components.year, components.month, components.day) = (day.year, day.month, day.day)
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components) else { return day.description }
        return formatter.string(from: date)
    }
}
