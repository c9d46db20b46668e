/// Where the refer-someone form sends what a source fills in (FORMAT.md, "Measuring from real signals").
public enum Intake: Sendable, Hashable {
    /// `intake: { action: URL }`: a form back-end that takes a POST (Formspree, Basin, one's own).
    case action(String)
    /// `intake: { netlify: true }`: Netlify Forms (`data-netlify`, `form-name`, its honeypot).
    case netlify
    /// No `intake`: the reader's mail program, a `mailto:` form to this address.
    case mail(String)
}

public enum DeployTarget: Sendable, Hashable {
    case directory(String)
    case git(remote: String, branch: String)
}
