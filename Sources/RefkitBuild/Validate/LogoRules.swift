import RefkitImages
import RefkitModel

/// The kit's asset files (kit-relative paths) and the images among them whose shape could be read
/// (by output path): what `logo` and `brand.logo` may name.
struct AssetIndex: Sendable, Equatable {
    var files: Set<String>
    var logos: [String: Logo]
    /// Image assets that cannot be a logo, by output path: the error a logo naming one gets.
    var unreadable: [String: String]

    init(_ loaded: LoadedKit) {
        files = Set(loaded.assets.map(\.file))
        var logos: [String: Logo] = [:], unreadable: [String: String] = [:]
        for (path, bytes) in loaded.images {
            guard let format = ImageSize.Format(fileName: path) else { continue }
            if let size = ImageSize.read(bytes, format: format) {
                // The e-mail shows an SVG logo drawn into PNG: one librsvg cannot draw would be
                // missing there. Checked once per file, however many sources name it.
                if format == .svg, !SVGRaster.isAvailable {
                    unreadable[path] = "refkit needs librsvg to draw the logo content/\(path) for the e-mail: install Debian's librsvg2-2 (scripts/install-deps does)"
                    continue
                }
                if format == .svg, let problem = SVGRaster.costProblem(bytes) {
                    unreadable[path] = "the logo content/\(path) \(problem)"
                    continue
                }
                if format == .svg, !SVGRaster.canRead(bytes) {
                    unreadable[path] = "librsvg cannot read the logo content/\(path) (it draws it for the e-mail): check that it is well-formed SVG"
                    continue
                }
                logos[path] = Logo(path: path, width: size.width, height: size.height, svg: format == .svg ? bytes : nil)
            } else if format == .svg {
                unreadable[path] = "refkit cannot tell the shape of the logo content/\(path): give its <svg> element a viewBox (or a width and height in px)"
            } else {
                unreadable[path] = "refkit cannot tell the shape of the logo content/\(path): it is not a \(format.rawValue.uppercased()) image refkit can read"
            }
        }
        self.logos = logos
        self.unreadable = unreadable
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
