import ArgumentParser
import Foundation
import RefkitBuild
import RefkitModel

struct NewCommand: RefkitSubcommand {
    enum What: String, ExpressibleByArgument, CaseIterable {
        case source, offer, page
    }

    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a source, an offer or a page to a kit, with valid front matter. Never overwrites.",
        discussion: """
            NAME is the new file's slug: lowercase letters, digits and -. The new file is checked with \
            the kit (refkit check) before it is kept: refkit new never leaves a file the kit rejects.

            Examples:
              refkit new source harbor-street-law --segment partner --name "Harbor Street Law"
              refkit new source ab --code AB-LAW mykit
              refkit new offer spring-discount --kind coupon
              refkit new page faq --kind page
              refkit new page listen-for --kind trigger-phrases
            """)

    @Argument(help: "What to add: source, offer or page.")
    var what: What

    @Argument(help: "The slug of the new source, offer or page.")
    var slug: String

    @Argument(help: "The kit folder (default: the current folder).")
    var kitDirectory: String = "."

    @Option(name: .long, help: "For a source: partner or customer (default: customer).")
    var segment: String = "customer"

    @Option(name: .long, help: "The display name (a source's name, an offer's or page's title).")
    var name: String?

    @Option(name: .long, help: "For an offer: coupon or gift-certificate. For a page: page, ideal-client, trigger-phrases, how-to-refer, what-happens-next.")
    var kind: String?

    @Option(name: .long, help: "For a source: its referral code, 3 to 32 of A-Z, 0-9 and - (default: the slug in capitals).")
    var code: String?

    /// The kit folder as an option, as `new` once took it; the argument is the way now.
    @Option(name: .long, help: .hidden)
    var kit: String?

    func validate() throws {
        guard slug.range(of: "^[a-z0-9][a-z0-9-]{0,63}$", options: .regularExpression) != nil else {
            throw ValidationError("NAME must be a slug: lowercase letters, digits and -, e.g. harbor-street-law")
        }
        guard Segment(rawValue: segment) != nil else { throw ValidationError("--segment must be partner or customer") }
        if let code {
            guard what == .source else { throw ValidationError("--code is for sources") }
            guard code.range(of: "^[A-Z0-9-]{3,32}$", options: .regularExpression) != nil else {
                throw ValidationError("--code must be 3 to 32 characters from A-Z, 0-9 and -, e.g. \(code.uppercased())")
            }
        } else if what == .source, slug.count < 3 {
            throw ValidationError("a source whose slug is shorter than 3 characters needs --code (its code is the slug in capitals, and codes have at least 3), e.g. --code \(slug.uppercased())-REF")
        }
        if let kind {
            switch what {
            case .offer where OfferKind(rawValue: kind) == nil:
                throw ValidationError("--kind for an offer must be coupon or gift-certificate")
            case .page where PageKind(rawValue: kind) == nil:
                throw ValidationError("--kind for a page must be one of \(PageKind.allCases.map(\.rawValue).joined(separator: ", "))")
            case .source:
                throw ValidationError("--kind is for offers and pages")
            default: break
            }
        }
    }

    func execute(in environment: CLIEnvironment) -> Int32 {
        let title = name ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let (path, text): (String, String)
        switch what {
        case .source:
            path = "content/sources/\(slug).yml"
            text = "name: \(quoted)\nsegment: \(segment)\n"
                + (code.map { "code: \($0)\n" } ?? "# code: \(slug.uppercased().prefix(32))        (derived from the file name when absent)\n")
                + "# contact: { name: , email:  }\n# message: \"A personal note shown on their kit's home page\"\n"
                + (segment == "partner" ? "# brand: { logo: assets/logo.png, colors: { primary: \"#5B2A86\" } }\n" : "")
                + "# reward: \"What they get for a referral (default: site.yml's rewards for the segment)\"\n"
                + "# offers: [first-month-free]    (default: every offer for the segment)\n"
                + "# language: en    (default: site.yml's language)\n"
                + "# follow_up: monthly    (monthly, quarterly, yearly or every N weeks; default: site.yml's follow_up)\n"
                + "# show_stats: true    (their kit home shows their referrals this year from the ledger)\n"
        case .offer:
            path = "content/offers/\(slug).md"
            text = "---\ntitle: \(quoted)\nkind: \(kind ?? "coupon")\nvalue: \"\(StarterText.offerValue)\"\ncode: \"{{source.code}}-\(slug.uppercased().prefix(12))\"\naudience: all\n# expires: 2027-12-31\n# terms: \"Conditions\"\n---\nWhat the offer is and how to use it.\n"
        case .page:
            path = "content/kit/\(slug).md"
            let kind = PageKind(rawValue: kind ?? "page") ?? .page
            var frontMatter = "title: \(quoted)\nkind: \(kind.rawValue)\n# summary: One sentence for the kit's home page and the handout.\n# audience: all    (or partners, customers)\n"
            if kind == .triggerPhrases { frontMatter += "phrases:\n  - \"\(StarterText.phrase)\"\n" }
            if kind == .howToRefer { frontMatter += "steps:\n  - \"The first step of an introduction\"\n" }
            text = "---\n\(frontMatter)---\nWrite the page in Markdown. {{source.name}} and {{referral.link}} are filled in for each source.\n"
        }
        let kitFolder = environment.absolute(kit ?? kitDirectory)
        let full = kitFolder + "/" + path
        let fileSystem = environment.fileSystem
        guard fileSystem.kind(at: full) == nil else {
            environment.standardError("refkit: \(path) already exists; refkit new never overwrites\n")
            return ExitStatus.contentErrors
        }
        do {
            try fileSystem.createDirectory(at: String(full[..<full.lastIndex(of: "/")!]))
            try fileSystem.writeFile(Array(text.utf8), to: full)
        } catch {
            environment.standardError("refkit: cannot write \(path): \(error)\n")
            return ExitStatus.contentErrors
        }
        // Keep the file only if the kit accepts it: what `check` would say of it (a code another
        // source has, a reserved slug) is said now, and the file goes again.
        let builder = Builder(fileSystem: fileSystem, dateResolver: BuildDateResolver(environment: environment.variables, now: environment.now))
        if case .success(let checked) = builder.check(BuildRequest(kitDirectory: kitFolder)) {
            let problems = checked.validated.diagnostics.filter { $0.severity == .error && $0.location.file == path }
            if !problems.isEmpty {
                try? fileSystem.removeItem(at: full)
                for problem in problems { environment.standardError(problem.formatted(forTerminal: environment.errorIsTerminal) + "\n") }
                environment.standardError("refkit: \(path) was not written: the kit would reject it\n")
                return ExitStatus.contentErrors
            }
        }
        environment.standardOutput("refkit: wrote \(path)\n")
        return ExitStatus.success
    }
}
