/// `site.url` written one way, so the printer (which answers only requests under it) and every
/// absolute link agree: scheme and host in lower case, no default port (`:443` on https, `:80` on
/// http), the path's dot segments resolved and no trailing slash, no query and no fragment (a base
/// address has neither: what a page's path is appended to must stay a path).
public enum SiteAddress {
    public struct Normalised: Equatable {
        public var url: String
        /// The query or fragment that was left out (`?x=1`, `#top`), for a warning.
        public var leftOut: String?
        public init(url: String, leftOut: String?) {
            (self.url, self.leftOut) = (url, leftOut)
        }
    }

    /// `url` must already be a plain http(s) URL (validation says so).
    public static func normalise(_ url: String) -> Normalised {
        let schemeEnd = url.range(of: "://")!
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var rest = Substring(url[schemeEnd.upperBound...])
        var leftOut: String?
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            leftOut = String(rest[cut...])
            rest = rest[..<cut]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd].lowercased()
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if authority.hasSuffix(defaultPort) {
            authority = String(authority.dropLast(defaultPort.count))
        }
        var segments: [Substring] = []
        for segment in rest[authorityEnd...].split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        let path = segments.isEmpty ? "" : "/" + segments.joined(separator: "/")
        return Normalised(url: scheme + "://" + authority + path, leftOut: leftOut)
    }
}
