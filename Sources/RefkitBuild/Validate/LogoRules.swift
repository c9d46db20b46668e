import RefkitImages
import RefkitModel

/// The kit's asset files (kit-relative paths) and the images among them whose shape could be read
/// (by output path): what `logo` and `brand.logo` may name.
struct AssetIndex: Sendable, Equatable {
    var files: Set<String>
    var logos: [String: Logo]
    /// Image assets that cannot be a logo, by output path: the error a logo naming one gets.
    var unreadable: [String: String]

    /// How SVG logos are read by librsvg: `SVGRaster.read` by default; a build asks its card
    /// store first (`CardStore.readLogos`), which remembers the logos read in earlier builds.
    typealias LogoReader = @Sendable ([[UInt8]]) -> [SVGRaster.DrawFailure?]

    init(_ loaded: LoadedKit, readLogos: LogoReader? = nil) {
        files = Set(loaded.assets.map(\.file))
        var logos: [String: Logo] = [:], unreadable: [String: String] = [:]
        var svgs: [(path: String, bytes: [UInt8], size: ImageSize)] = []
        for (path, bytes) in loaded.images {
            guard let format = ImageSize.Format(fileName: path) else { continue }
            guard let size = ImageSize.read(bytes, format: format) else {
                unreadable[path] = format == .svg
                    ? "refkit cannot tell the shape of the logo content/\(path): give its <svg> element a viewBox (or a width and height in px)"
                    : "refkit cannot tell the shape of the logo content/\(path): it is not a \(format.rawValue.uppercased()) image refkit can read"
                continue
            }
            guard format == .svg else {
                logos[path] = Logo(path: path, width: size.width, height: size.height, bitmap: (bytes, "image/" + format.rawValue))
                continue
            }
            // The e-mail shows an SVG logo drawn into PNG: one that would take minutes to draw, or
            // that librsvg cannot read, would be missing there.
            if let problem = SVGRaster.costProblem(bytes) {
                unreadable[path] = "the logo content/\(path) \(problem)"
            } else {
                svgs.append((path, bytes, size))
            }
        }
        // Read by librsvg all at once (in its helper), checked once per file however many sources
        // name it; in serve, only what changed since the last check (`ContentMemo`).
        let readings = ContentMemo.shared.readLogos(svgs.map { ("content/" + $0.path, $0.bytes) }) { readLogos?($0) ?? SVGRaster.read($0) }
        for (svg, failure) in zip(svgs, readings) {
            if let failure {
                unreadable[svg.path] = Self.problem(failure, path: svg.path)
            } else {
                logos[svg.path] = Logo(path: svg.path, width: svg.size.width, height: svg.size.height, svg: svg.bytes,
                                       smallestText: SVGText.smallestFontSize(svg.bytes).map { $0 / svg.size.height })
            }
        }
        self.logos = logos
        self.unreadable = unreadable
    }

    /// Why librsvg could not read the logo at `path`.
    private static func problem(_ failure: SVGRaster.DrawFailure, path: String) -> String {
        switch failure {
        case .unreadable:
            "librsvg cannot read the logo content/\(path) (it draws it for the e-mail): check that it is well-formed SVG, or use a PNG logo"
        case .tooSlow(let limit):
            "librsvg took longer than \(limit.components.seconds) s to read the logo content/\(path), so it was stopped: simplify it, or use a PNG logo"
        case .noLibrary:
            "refkit needs librsvg to draw the logo content/\(path) for the e-mail: install Debian's librsvg2-2 (scripts/install-deps does)"
        case .noHelper(let helper):
            "refkit reads and draws SVG logos such as content/\(path) with \(SVGRaster.helperName), which it cannot start (\(helper)): run scripts/setup, which builds it beside refkit"
        }
    }
}

/// The rule of logos: a logo is an SVG, PNG, JPEG or GIF under content/assets/ whose shape refkit
/// can read, because it is placed by its shape.
extension KitValidator {
    static func logoPath(_ fields: FieldReader, _ key: String, assets: AssetIndex) -> String? {
        guard let path = assetPath(fields, key, assets: assets.files) else { return nil }
        guard assets.logos[path] == nil else { return path }
        let location = fields.location(of: key)
        if let problem = assets.unreadable[path] {
            fields.log.append(.error(problem, at: location))
        } else {
            fields.log.append(.error("'\(fields.qualified(key))' must be an SVG, PNG, JPEG or GIF image: content/\(path)", at: location))
        }
        return nil
    }
}
