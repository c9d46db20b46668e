import Foundation
import RefkitModel
import ZIPFoundation

/// `refkit build --bundle`: one zip per source, `output/bundles/S.zip`, holding the source's
/// folder and `assets/` side by side, so every relative link still works once unzipped.
/// The bytes are deterministic: entries sorted, one fixed date (the build date), fixed permissions.
enum Bundle {
    /// The shared files (`assets/…`) that a source's own files link to: a partner's bundle carries
    /// its logo and the business's, not every other partner's.
    static func referenced(_ shared: [OutputFile], by files: [OutputFile]) -> [OutputFile] {
        let texts = files.filter { $0.path.hasSuffix(".html") }.map { String(decoding: $0.contents, as: UTF8.self) }
        return shared.filter { asset in texts.contains { $0.contains(asset.path) } }
    }

    static func zip(_ files: [OutputFile], date: Day) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        // ZIP stores a date and time without a zone; ZIPFoundation writes a Date's fields in UTC
        // (gmtime). The build date at noon UTC: the same bytes in every time zone.
        let modified = Date(timeIntervalSince1970: TimeInterval(date.daysSince1970) * 86_400 + 12 * 3_600)
        for file in files.sorted(by: { $0.path < $1.path }) {
            let data = Data(file.contents)
            try archive.addEntry(with: file.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: modified,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }
}
