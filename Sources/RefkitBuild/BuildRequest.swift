import Foundation
import RefkitImages
import RefkitModel
import RefkitPrint
import RefkitTemplates

/// What a build was asked to do.
public struct BuildRequest: Sendable {
    /// Absolute path of the kit directory.
    public var kitDirectory: String
    /// Absolute path of the output directory; default `KIT_DIR/output`.
    public var outputDirectory: String?
    /// `--date YYYY-MM-DD`.
    public var date: String?
    /// `REFKIT_SECRET`: the key of an unlisted kit's folder names.
    public var secret: String?
    /// `--bundle`: also write `output/bundles/S.zip` for every source.
    public var bundle: Bool
    /// `--jobs N`: how many sources render at once (default: the machine's cores).
    public var jobs: Int?
    /// `--shard i/n`: build only this shard's sources.
    public var shard: Shard?
    /// `--pdf`: the Chromium that prints each source's handout and offers into PDFs; nil: no PDFs
    /// (unless site.yml declares `outputs: { pdf: true }`: then the build finds Chromium itself).
    public var pdf: ChromiumProgram?
    /// The environment Chromium is looked for in (`REFKIT_CHROMIUM`, `PATH`) when the kit declares PDFs.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    /// Check `content/ledger.csv` even when no source shows its numbers (`refkit check`).
    public var checkLedger = false
    /// Keep what this build draws and encodes in the kit's `.refkit-cache/` (cards and e-mail
    /// logos, QR codes; false: read what is there, write nothing there, as `refkit deploy
    /// --dry-run` changes nothing).
    public var keepsCards = true
    /// How templates render (`REFKIT_RENDER=direct`: every file through swift-mustache; same output).
    public var renderMode = RenderMode.shape
    /// Called after each source is written, with how many are done and how many there are (from
    /// the render workers, so it must be thread-safe).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(kitDirectory: String, outputDirectory: String? = nil, date: String? = nil, secret: String? = nil,
                bundle: Bool = false, jobs: Int? = nil, shard: Shard? = nil) {
        self.kitDirectory = kitDirectory
        self.outputDirectory = outputDirectory
        self.date = date
        self.secret = secret
        self.bundle = bundle
        self.jobs = jobs
        self.shard = shard
    }
}

/// What a finished build did.
public struct BuildSummary: Sendable, Equatable {
    /// Sources in the output (this shard's, with --shard).
    public var sources: Int
    /// HTML pages in the output (per-source pages and the directory).
    public var pages: Int
    public var output: String
    public var date: Day
    /// Sources rendered by this build: all of them, or only those whose file changed when nothing
    /// they share did.
    public var rendered: Int = 0
    /// Nothing had changed since the last build: nothing was read past the fingerprint, or written.
    public var upToDate = false
    /// The PDFs and zips the previous build wrote that this one did not (its options or the kit's
    /// `outputs:` no longer ask for them), by path.
    public var removedHandOuts: [String] = []

    /// Whether `path` (in the output) is a file only `--pdf` (`pdfs`) or `--bundle` (`bundles`)
    /// makes: a printed PDF, or a source's zip.
    public static func isHandOut(_ path: String, pdfs: Bool = true, bundles: Bool = true) -> Bool {
        (pdfs && path.hasSuffix(".pdf")) || (bundles && path.hasPrefix(OutputPlan.bundlesFolder + "/"))
    }

    /// What to tell the user when a build removed PDFs or zips; nil when it removed none.
    public var removalNote: String? {
        guard !removedHandOuts.isEmpty else { return nil }
        let pdfs = removedHandOuts.filter { $0.hasSuffix(".pdf") }.count, zips = removedHandOuts.count - pdfs
        let what = [pdfs > 0 ? "\(pdfs) PDF\(pdfs == 1 ? "" : "s")" : nil, zips > 0 ? "\(zips) zip\(zips == 1 ? "" : "s")" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        return "removed \(what) an earlier build made: this build was not asked for them; to keep them in every build "
            + "(and in refkit deploy), add outputs: { pdf: true, bundles: true } to content/site.yml, or pass --pdf / --bundle"
    }
}

/// Why a build wrote nothing. Every case leaves the output folder as it was.
public enum BuildFailure: Error, Equatable, CustomStringConvertible {
    /// The kit has errors; all of them are in the build's diagnostics.
    case invalidKit(errors: Int)
    /// The folder given is not a kit (`KitFolder`).
    case notAKit(String)
    case badDate(BuildDateResolver.Failure)
    case output(OutputWriter.Failure)
    /// `--pdf` could not print a page.
    case print(PrintFailure)
    /// An SVG logo (a path under content/) could not be drawn into the e-mail's PNG.
    case logo(path: String, SVGRaster.DrawFailure)
    /// A link-preview card (a path under output/, with the logos it carries) could not be drawn.
    case card(path: String, logos: [String], SVGRaster.DrawFailure)

    public var description: String {
        switch self {
        case .invalidKit(let errors): "the kit has \(errors) error\(errors == 1 ? "" : "s"); nothing was written"
        case .notAKit(let problem): problem
        case .badDate(let failure): failure.description
        case .output(let failure): failure.description
        case .print(let failure): failure.description
        case .logo(let path, .unreadable):
            "content/\(path): librsvg could not draw this logo into the e-mail's PNG (it failed or crashed on it): simplify it, or use a PNG logo"
        case .logo(let path, .tooSlow(let limit)):
            "content/\(path): drawing this logo into the e-mail's PNG took longer than \(limit.components.seconds) s, so it was stopped: simplify it (fewer filters, gradients and elements), or use a PNG logo"
        case .logo(let path, .noLibrary):
            "content/\(path): refkit needs librsvg to draw this logo for the e-mail: install Debian's librsvg2-2 (scripts/install-deps does)"
        case .logo(let path, .noHelper(let helper)):
            "content/\(path): refkit draws SVG logos for the e-mail with \(SVGRaster.helperName), which it cannot start (\(helper)): run scripts/setup, which builds it beside refkit"
        case .card(let path, let logos, let failure):
            "output/\(path): the link-preview card could not be drawn\(Self.carrying(logos)): " + Self.cardProblem(failure, logos: logos.count)
        }
    }

    /// " with the logo content/A" or " with the logos content/A and content/B".
    private static func carrying(_ logos: [String]) -> String {
        logos.isEmpty ? "" : " with the logo\(logos.count == 1 ? "" : "s") " + logos.map { "content/\($0)" }.joined(separator: " and ")
    }

    private static func cardProblem(_ failure: SVGRaster.DrawFailure, logos: Int) -> String {
        let logo = logos > 1 ? "the logo at fault" : "the logo"
        return switch failure {
        case .unreadable: "librsvg failed or crashed on it; simplify \(logo), or use a PNG logo"
        case .tooSlow(let limit): "it took longer than \(limit.components.seconds) s; simplify \(logo) (fewer filters, gradients and elements), or use a PNG logo"
        case .noLibrary: "refkit needs librsvg and libpng: install Debian's librsvg2-2 (scripts/install-deps does)"
        case .noHelper(let helper): "refkit draws cards with \(SVGRaster.helperName), which it cannot start (\(helper)): run scripts/setup, which builds it beside refkit"
        }
    }
}

extension BuildFailure {
    /// What a thrown error means for the build: the writer's and the printer's failures as such,
    /// anything else (from making a zip) a bundle that could not be made.
    init(_ error: any Error) {
        switch error {
        case let failure as BuildFailure: self = failure
        case let failure as OutputWriter.Failure: self = .output(failure)
        case let failure as PrintFailure: self = .print(failure)
        default: self = .output(.bundle("\(error)"))
        }
    }
}

/// The outcome of `refkit build`: diagnostics (warnings even on success) and a summary or failure.
public struct BuildOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var result: Result<BuildSummary, BuildFailure>
}
