import Foundation
extension Source {
    /// The source's tracked referral link: the site's `referral_url` with `ref`, `utm_source`,
    /// `utm_medium` and `utm_campaign` added to its query. Parameters already in the query are kept,
    /// in order, except these four names, which refkit sets; a `#fragment` stays last.
    public func referralLink(in site: Site) -> String {
        var base = Substring(site.referralURL)
        var fragment: Substring = ""
        // (`#` and `?` found as bytes: by Character, the two searches were most of the link's cost.)
        if let hash = base.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = base[hash...]
            base = base[..<hash]
        }
        var query: [Substring] = []
        if let mark = base.utf8.firstIndex(of: UInt8(ascii: "?")) {
            query = base[base.index(after: mark)...].split(separator: "&")
            base = base[..<mark]
        }
        var link = String(base)
        // An empty path is "/", as every browser reads it: https://x.example → https://x.example/
        let bytes = Array(link.utf8), scheme = Array("://".utf8)
        if let at = bytes.indices.first(where: { bytes[$0...].starts(with: scheme) }),
           !bytes[(at + scheme.count)...].contains(UInt8(ascii: "/")) {
            link += "/"
        }
        let ours: KeyValuePairs = ["ref": code, "utm_source": slug, "utm_medium": "referral", "utm_campaign": site.campaign]
        query.removeAll { parameter in
            let name = parameter.split(separator: "=", maxSplits: 1).first ?? parameter
            return ours.contains { $0.key == name }
        }
        link += "?"
        for parameter in query { link += parameter + "&" }
        for (index, (name, value)) in ours.enumerated() {
            link += (index == 0 ? "" : "&") + name + "=" + percentEncodeQueryValue(value)
        }
        return link + fragment
    }
}

/// A value percent-encoded for a URL's query: everything but RFC 3986's unreserved characters.
public func percentEncodeQueryValue(_ value: String) -> String {
    var value = value
    // Straight into the new string's storage: the share page encodes each message five ways.
    return value.withUTF8 { input in
        String(unsafeUninitializedCapacity: input.count * 3) { output in
            var count = 0
            for byte in input {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                     UInt8(ascii: "_"), UInt8(ascii: "~"):
                    output[count] = byte
                    count += 1
                default:
                    output[count] = UInt8(ascii: "%")
                    output[count + 1] = uppercaseHexDigit(byte >> 4)
                    output[count + 2] = uppercaseHexDigit(byte & 0xF)
                    count += 3
                }
            }
            return count
        }
    }
}



extension Source {
    /// `site.url/r/CODE`: the short link that forwards to the referral link (`short_links: true`).
    public func shortLink(in site: Site) -> String {
        (site.url.hasSuffix("/") ? String(site.url.dropLast()) : site.url) + "/r/" + code
    }

    /// What printed things carry (the QR code, the handout, coupons): the short link when the site
    /// has them, else the referral link.
    public func printedLink(in site: Site) -> String {
        site.shortLinks ? shortLink(in: site) : referralLink(in: site)
    }
}
