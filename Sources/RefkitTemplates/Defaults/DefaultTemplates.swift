/// refkit's built-in templates, compiled into the binary so a kit with no `templates/` builds.
/// A kit's `templates/NAME.mustache` (or `templates/partials/NAME.mustache`) replaces the one here
/// with the same name. The names refkit renders: `home`, `page`, `offer`, `share`, `refer`, `handout`,
/// `email`, `email-text`, `directory`, `library`, `network`, `post`.
public enum DefaultTemplates {
    public static let all: [String: String] = [
        "layout": layout,
        "home": home,
        "page": page,
        "offer": offer,
        "share": share,
        "refer": refer,
        "directory": directory,
        "handout": handout,
        "email": email,
        "email-text": emailText,
        "head": head,
        "preview": preview,
        "header": header,
        "nav": nav,
        "logos": logos,
        "footer": footer,
        "referral-box": referralBox,
        "library": library,
        "network": network,
        "post": post,
        "network-header": networkHeader,
    ]

    /// The templates refkit renders with the root view (and `layout`, which they inherit); any other
    /// template is a partial, which may be used in any scope.
    public static let rendered: Set<String> = ["layout", "home", "page", "offer", "share", "refer", "handout", "email", "email-text", "directory",
                                                "library", "network", "post"]

    /// Which defaults are partials (written to `templates/partials/` when copied into a kit).
    public static let partials: Set<String> = ["head", "preview", "header", "logos", "nav", "footer", "referral-box", "network-header"]
}
