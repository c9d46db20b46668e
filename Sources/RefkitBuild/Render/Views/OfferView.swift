import Foundation
import RefkitI18n
import RefkitModel
import RefkitTemplates

/// Each live offer the source gets, `S/offers/ID.html`.
extension SiteRenderer {
    /// `S/offers/ID.html`: a coupon or gift certificate with the source's code and QR code.
    func offerJobs(_ context: SourceContext) -> [Job] {
        var jobs: [Job] = []
        for (offer, (offerView, shown)) in zip(context.offers, zip(context.builtOffers[1]!, context.offerViews[1]!)) {
            var view = baseView(context, depth: 2, currentPage: nil)
            view.offer = offerView
            view.content = offerBodies[offer.file]!.fill(values(of: offer, context.values, language: language(of: context.source)))
            jobs.append(job("offer", path: OutputPlan.SourceFile.offer(id: offer.id).path(in: context.folder), view: view,
                            title: shown.title + " · " + kit.site.name, description: shown.value, preview: context.preview))
        }
        return jobs
    }

    /// The placeholder values of one offer's texts: the source's, and the offer's amount written
    /// in the reader's language (as the site's currency when it has one).
    func values(of offer: Offer, _ values: [String: String], language: String) -> [String: String] {
        guard let cents = offer.amountCents else { return values }
        let formats = LocaleFormats.of(language)
        var values = values
        values[Placeholder.offerAmount] = kit.site.currency.map { formats.money(cents, currency: $0) }
            ?? formats.number(NSDecimalNumber(mantissa: UInt64(cents), exponent: -2, isNegative: false), fractionDigits: cents % 100 == 0 ? 0 : 2)
        return values
    }

    func offerView(_ offer: Offer, values: [String: String], language: String, urlPrefix: String) -> OfferView {
        let values = self.values(of: offer, values, language: language)
        let starts = offer.starts.map { text(of: $0, language: language) }
        let expires = offer.expires.map { text(of: $0, language: language) }
        let words = words(for: language)
        let validity: String? = switch (starts, expires) {
        case let (starts?, expires?): words.text("valid_from_until", ["start": starts, "end": expires])
        case let (nil, expires?): words.text("valid_until", ["end": expires])
        case let (starts?, nil): words.text("valid_from", ["start": starts])
        case (nil, nil): nil
        }
        return OfferView(
            id: offer.id, title: Placeholder.fill(offer.title, with: values), kind: offer.kind,
            value: Placeholder.fill(offer.value, with: values), code: Placeholder.fill(offer.code, with: values),
            url: urlPrefix + OutputPlan.SourceFile.offer(id: offer.id).path, terms: offer.terms.map { Placeholder.fill($0, with: values) },
            expires: offer.expires?.description, expiresText: expires,
            starts: offer.starts?.description, startsText: starts, validityText: validity,
            untilText: expires.map { words.text("offer_until", ["date": $0]) },
            langAttr: langAttribute(offer.language ?? kit.site.language, reader: language))
    }
}

/// `offer` and each of `offers`: a coupon or gift certificate, placeholders filled.
struct OfferView: ViewModel {
    var id: String
    var title: String
    var kind: OfferKind
    var value: String
    var code: String
    var url: String
    var terms: String?
    var expires: String?
    var expiresText: String?
    var starts: String?
    var startsText: String?
    var validityText: String?
    /// `until 31 December 2027`, for a list of offers.
    var untilText: String?
    /// ` lang="…"` when its text is not in the reader's language.
    var langAttr = ""

    static let fields: [ViewField<Self>] = [
        .text("id") { $0.id }, .text("title") { $0.title }, .text("kind") { $0.kind.rawValue },
        .flag("is_coupon") { $0.kind == .coupon }, .flag("is_gift_certificate") { $0.kind == .giftCertificate },
        .text("value") { $0.value }, .text("code") { $0.code }, .number("code_length") { $0.code.count }, .text("url") { $0.url }, .text("terms") { $0.terms },
        .text("expires") { $0.expires }, .text("expires_text") { $0.expiresText },
        .text("starts") { $0.starts }, .text("starts_text") { $0.startsText },
        .text("validity_text") { $0.validityText }, .text("until_text") { $0.untilText },
        .text("lang_attr") { $0.langAttr },
    ]

    static let about: [String: String] = [
        "id": "the offer's file name without `.md`",
        "title": "the offer's title",
        "kind": "`coupon` or `gift-certificate`",
        "is_coupon": "true for a coupon",
        "is_gift_certificate": "true for a gift certificate",
        "value": "what the referred person gets",
        "code": "the code to quote, the source's own",
        "code_length": "how many characters the code has",
        "url": "the offer's page, relative to this file",
        "terms": "the conditions",
        "expires": "the last day it is valid, `YYYY-MM-DD`",
        "expires_text": "that day, written the reader's way",
        "starts": "the first day it is valid, `YYYY-MM-DD`",
        "starts_text": "that day, written the reader's way",
        "validity_text": "the offer's validity as a sentence in the reader's language",
        "until_text": "\"valid until …\" in the reader's language",
        "lang_attr": "` lang=\"…\"` (and `dir`) when its text is not in the reader's language, else empty",
    ]
}

/// Days written out for a language: `30 June 2027` (en-GB), `June 30, 2027` (en), `30. Juni 2027` (de).
enum DayFormatting {
    static func long(_ day: Day, language: String) -> String {
        // Never broken across lines ("bis 30." / "Juni 2027"): its spaces are non-breaking.
        LocaleFormats.of(language).day(year: day.year, month: day.month, day: day.day, style: .long)
            .replacingEvery(" ", with: "\u{00A0}")
    }
}
