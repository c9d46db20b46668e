import ArgumentParser
import Foundation
import RefkitBuild
import RefkitI18n
import RefkitModel

struct NewCommand: RefkitSubcommand {
    enum What: String, ExpressibleByArgument, CaseIterable {
        case source, offer, page, library, post
    }

    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Add a source, an offer, a page, a library piece or a network post to a kit. Never overwrites.",
        discussion: """
            NAME is the new file's slug: lowercase letters, digits and -. The new file is checked with \
            the kit (refkit check) before it is kept: refkit new never leaves a file the kit rejects. \
            Its sample text is in the kit's language (site.yml's language), and refkit check names \
            it until you replace it.

            Examples:
              refkit new source harbor-street-law --segment partner --name "Harbor Street Law"
              refkit new source ab --code AB-LAW mykit
              refkit new offer spring-discount --kind coupon
              refkit new page faq --kind page
              refkit new page listen-for --kind trigger-phrases
              refkit new library tax-evening --kind seminar
              refkit new post 2027-01-tax-tips --author harbor-street-law
            """)

    @Argument(help: "What to add: source, offer, page, library or post.")
    var what: What

    @Argument(help: "The slug of the new file (its name without .yml or .md).")
    var slug: String

    @Argument(help: "The kit folder (default: the current folder).")
    var kitDirectory: String = "."

    @Option(name: .long, help: "For a source: partner or customer (default: customer).")
    var segment: String = "customer"

    @Option(name: .long, help: "The display name (a source's name, or the title).")
    var name: String?

    @Option(name: .long, help: "For an offer: coupon or gift-certificate. For a page: page, ideal-client, trigger-phrases, how-to-refer, what-happens-next. For a library piece: guide or seminar.")
    var kind: String?

    @Option(name: .long, help: "For a source: its referral code, 3 to 32 of A-Z, 0-9 and - (default: the slug in capitals).")
    var code: String?

    @Option(name: .long, help: "For a network post: the partner who wrote it, by slug (default: the business).")
    var author: String?

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
        if author != nil, what != .post { throw ValidationError("--author is for network posts") }
        if let kind {
            switch what {
            case .offer where OfferKind(rawValue: kind) == nil:
                throw ValidationError("--kind for an offer must be coupon or gift-certificate")
            case .page where PageKind(rawValue: kind) == nil:
                throw ValidationError("--kind for a page must be one of \(PageKind.allCases.map(\.rawValue).joined(separator: ", "))")
            case .library where LibraryKind(rawValue: kind) == nil:
                throw ValidationError("--kind for a library piece must be guide or seminar")
            case .source, .post:
                throw ValidationError("--kind is for offers, pages and library pieces")
            default: break
            }
        }
    }

    func execute(in environment: CLIEnvironment) -> Int32 {
        let kitFolder = environment.absolute(kit ?? kitDirectory)
        let fileSystem = environment.fileSystem
        let (path, text) = file(words: StarterWords.of(language(of: kitFolder, fileSystem: fileSystem)), environment: environment)
        let full = kitFolder + "/" + path
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

    /// The kit's language, as `site.yml` writes it (English when it cannot be read).
    private func language(of kitFolder: String, fileSystem: any FileSystem) -> String {
        let site = KitLoader(fileSystem: fileSystem, kitDirectory: kitFolder).loadSite()
        if case .scalar(let tag, _) = site?.root?["language"]?.value, Language.isWellFormed(tag) { return tag }
        return "en"
    }

    /// The new file's path in the kit and its text.
    private func file(words: StarterWords, environment: CLIEnvironment) -> (path: String, text: String) {
        let title = name ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        let quoted = Self.quoted(title)
        switch what {
        case .source:
            return ("content/sources/\(slug).yml", "name: \(quoted)\nsegment: \(segment)\n"
                + (code.map { "code: \($0)\n" } ?? "# code: \(slug.uppercased().prefix(32))        (derived from the file name when absent)\n")
                + "# contact: { name: , email:  }\n# message: \"A personal note shown on their kit's home page\"\n"
                + (segment == "partner" ? "# brand: { logo: assets/logo.png, colors: { primary: \"#5B2A86\" } }\n" : "")
                + "# reward: \"What they get for a referral (default: site.yml's rewards for the segment)\"\n"
                + "# offers: [first-month-free]    (default: every offer for the segment)\n"
                + "# language: en    (default: site.yml's language)\n"
                + "# follow_up: monthly    (monthly, quarterly, yearly or every N weeks; default: site.yml's follow_up)\n"
                + "# show_stats: true    (their kit home shows their referrals this year from the ledger)\n")
        case .offer:
            return ("content/offers/\(slug).md", "---\ntitle: \(quoted)\nkind: \(kind ?? "coupon")\nvalue: \(Self.quoted(words.offerValue))\n"
                + "code: \"{{source.code}}-\(Self.codeSuffix(slug))\"\naudience: all\n# expires: 2027-12-31\n# terms: \"Conditions\"\n---\n"
                + words.offerBody + "\n")
        case .page:
            let kind = PageKind(rawValue: kind ?? "page") ?? .page
            var frontMatter = "title: \(quoted)\nkind: \(kind.rawValue)\n# summary: One sentence for the kit's home page and the handout.\n# audience: all    (or partners, customers)\n"
            if kind == .triggerPhrases { frontMatter += "phrases:\n  - \(Self.quoted(words.phrase))\n" }
            if kind == .howToRefer { frontMatter += "steps:\n  - \(Self.quoted(words.step))\n" }
            return ("content/kit/\(slug).md", "---\n\(frontMatter)---\n\(words.pageBody)\n")
        case .library:
            let kind = LibraryKind(rawValue: kind ?? "guide") ?? .guide
            var frontMatter = "title: \(quoted)\nkind: \(kind.rawValue)\n# summary: One sentence for the partner's kit home.\n# audience: partners    (or customers, all)\n"
            if kind == .seminar {
                let day = Day(daysSince1970: today(environment).daysSince1970 + 30)
                frontMatter += "when: \(day)T18:00    # local time\nduration: 60    # minutes\nwhere: \(Self.quoted(words.seminarWhere))\n"
            }
            return ("content/library/\(slug).md", "---\n\(frontMatter)---\n\(words.libraryBody)\n")
        case .post:
            let author = author.map { "author: \($0)\n" } ?? "# author: a-partner-slug    (default: the business)\n"
            return ("content/network/\(slug).md",
                    "---\ntitle: \(quoted)\ndate: \(today(environment))\n\(author)# summary: One sentence for the blog's index and feed.\n---\n\(words.postBody)\n")
        }
    }

    private func today(_ environment: CLIEnvironment) -> Day {
        (try? BuildDateResolver(environment: environment.variables, now: environment.now).resolve(option: nil))
            ?? Day(daysSince1970: Int(environment.now() / 86_400))
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// An offer's code after the source's: the slug's words in capitals, as many whole words as
    /// fit in 12 characters (`bon-swiateczny` gives `BON`, not `BON-SWIATECZ`).
    static func codeSuffix(_ slug: String) -> String {
        var suffix = ""
        for word in slug.uppercased().split(separator: "-") {
            let longer = suffix.isEmpty ? String(word) : suffix + "-" + word
            guard longer.count <= 12 else { break }
            suffix = longer
        }
        return suffix.isEmpty ? String(slug.uppercased().prefix(12)) : suffix
    }
}
