import RefkitModel

extension Source {
    /// The source's folder under output/: its slug, or for an unlisted kit the slug and 12 hex
    /// digits of HMAC-SHA256(REFKIT_SECRET, slug).
    public func folder(in site: Site, secret: String?) -> String {
        guard site.unlisted, let secret else { return slug }
        return UnlistedName.folder(for: slug, secret: secret)
    }

    /// Where the source's kit home is published: under `site.url`.
    public func kitURL(in site: Site, secret: String?) -> String {
        (site.url.hasSuffix("/") ? site.url : site.url + "/") + folder(in: site, secret: secret) + "/index.html"
    }
}
