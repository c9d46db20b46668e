import ArgumentParser
import Foundation
import RefkitBuild
import RefkitI18n

struct InitCommand: RefkitSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new referral kit that builds at once.",
        discussion: """
            Writes content/ (your business, a page of each kind with guidance in place of content, one \
            partner, one customer, one offer) and templates/ (refkit's built-in templates and style \
            sheet, to change if you like). Refuses a folder that is not empty.

            Examples:
              refkit init mykit && cd mykit && refkit build
            """)

    @Argument(help: "The folder to create (default: the current folder, if it is empty).")
    var directory: String = "."

    @Option(help: "The kit's language, a BCP 47 tag such as de or pt-BR: its words are written to templates/i18n/LANG.yml.")
    var language: String = "en"

    func execute(in environment: CLIEnvironment) -> Int32 {
        let root = environment.absolute(directory)
        let fileSystem = environment.fileSystem
        if fileSystem.kind(at: root) != nil {
            let entries = (try? fileSystem.contentsOfDirectory(at: root)) ?? ["?"]
            guard entries.isEmpty else {
                environment.standardError("refkit: \(root) is not empty; refkit init only writes into a new or empty folder\n")
                return ExitStatus.contentErrors
            }
        }
        guard Language.isWellFormed(language) else {
            environment.standardError("refkit: --language must be a BCP 47 tag such as en or pt-BR, not '\(language)'\n")
            return ExitStatus.usage
        }
        let files = StarterKit.files(language: language).merging(StarterKit.templateFiles(language: language), uniquingKeysWith: { a, _ in a })
        do {
            for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                let full = root + "/" + path
                try fileSystem.createDirectory(at: String(full[..<full.lastIndex(of: "/")!]))
                try fileSystem.writeFile(Array(text.utf8), to: full)
            }
        } catch {
            environment.standardError("refkit: cannot write the kit: \(error)\n")
            return ExitStatus.contentErrors
        }
        environment.standardOutput("""
            refkit: a new kit is in \(root)
              edit content/site.yml, then the pages in content/kit/ and the sources in content/sources/
              build it with: refkit build\(directory == "." ? "" : " " + directory)

            """)
        return ExitStatus.success
    }
}
