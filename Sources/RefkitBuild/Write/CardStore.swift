import Foundation
import RefkitImages
import RefkitModel

/// Drawn link-preview cards (and the e-mail's PNG logos, and which SVG logos librsvg reads) kept in the kit's cache folder (`KIT/.refkit-cache/cards/KEY.png`, as
/// Jekyll keeps `.jekyll-cache/` and Hugo `resources/_gen/`), by what was drawn (the card's SVG,
/// hashed): a memo around `refkit-draw`, so a card whose inputs did not change is not drawn again,
/// not by a whole build (an edited page, a new date), not into a new output folder. A card is
/// 1,200 × 630 pixels and costs milliseconds to draw and write; reading it back, microseconds. A
/// whole build keeps only the cards it used. Nothing here is published, and losing it loses
/// nothing: a card missing or unreadable is drawn.
final class CardStore: @unchecked Sendable {
    let directory: String
    private let fileSystem: FileSystem
    private let lock = NSLock()
    private var used: Set<String> = []

    /// The helper that draws, hashed: a card drawn by another `refkit-draw` (a new refkit, its
    /// PNG written differently) is not this one's, and one drawn by a copy of this one is.
    /// Hashing its 9 MB took a rebuild 4 ms, so the hash is kept in the store by the helper's
    /// identity (`helperFile`) and the file read only when that changes.
    private let drawer: [UInt8]

    /// Whether drawn cards are written to the store (else it is only read).
    private let keeps: Bool

    init(kitDirectory: String, fileSystem: FileSystem, keeps: Bool = true) {
        directory = kitDirectory + "/" + Self.folder
        self.fileSystem = fileSystem
        self.keeps = keeps
        let (hash, record) = Self.helperHash(in: directory, fileSystem: fileSystem)
        drawer = Array(hash.utf8)
        used.insert(Self.helperFile)
        if let record { store(record, at: directory + "/" + Self.helperFile) }
    }

    /// Where the store keeps the helper's identity and hash ("IDENTITY\nHASH\n").
    static let helperFile = "helper"

    /// The helper's hash: the one kept for its identity, else hashed now, with the record to keep.
    private static func helperHash(in directory: String, fileSystem: FileSystem) -> (hash: String, record: [UInt8]?) {
        guard let identity = InputScan.identity(ofFileAt: SVGRaster.helper) else { return ("no helper", nil) }
        let kept = (try? fileSystem.readFile(at: directory + "/" + helperFile)).map { String(decoding: $0, as: UTF8.self) }
        let lines = kept?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        if lines.count == 3, lines[0] == identity, lines[1].count == 32, lines[2].isEmpty { return (String(lines[1]), nil) }
        guard let binary = try? fileSystem.readFile(at: SVGRaster.helper) else { return ("no helper", nil) }
        let hash = Manifest.hash(binary)
        return (hash, Array("\(identity)\n\(hash)\n".utf8))
    }

    /// The store, under the kit's folder.
    static let folder = ".refkit-cache/cards"

    /// What a card is stored under: its SVG, its size and the helper drawing it, hashed.
    func key(_ svg: [UInt8]) -> String {
        key(svg, how: "\(PreviewCard.width)x\(PreviewCard.height)")
    }

    /// What any drawing is stored under (a card, an e-mail's PNG logo, a logo's reading): its
    /// SVG, how it is drawn (`how`: size, inset, background; "read") and the helper, hashed.
    func key(_ svg: [UInt8], how: String) -> String {
        Manifest.hash(svg + Array("\n\(how)\n".utf8) + drawer)
    }

    /// The card stored under `key`, if there is a whole PNG there.
    func card(_ key: String) -> [UInt8]? {
        lock.withLock { _ = used.insert(key) }
        guard let png = try? fileSystem.readFile(at: path(key)), png.count > 57, png.starts(with: [0x89, 0x50, 0x4E, 0x47]),
              png.suffix(8).elementsEqual([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]) else { return nil }
        return png
    }

    /// Keeps a drawn card (written beside its place and moved there: a reader never sees half of
    /// one). A store that cannot be written is no failure: the card is drawn again next time.
    func keep(_ png: [UInt8], key: String) {
        store(png, at: path(key))
    }

    private func store(_ bytes: [UInt8], at path: String) {
        guard keeps else { return }
        if fileSystem.kind(at: directory) == nil {
            let cache = String(directory.dropLast("/cards".count))
            if fileSystem.kind(at: cache) == nil { try? fileSystem.createDirectory(at: cache) }
            try? fileSystem.createDirectory(at: directory)
        }
        // A name of its own (two builds of one kit may store the same card at once).
        try? fileSystem.replaceFile(at: path, with: bytes, temporary: path + ".\(getpid()).tmp")
    }

    /// librsvg's reading of these SVG logos (`SVGRaster.read`, a helper process): a logo read in
    /// an earlier build, in these bytes and by this helper, is not read again (its key is kept
    /// as an empty `KEY.read`; a logo that did not read is asked every time, and is an error).
    func readLogos(_ svgs: [[UInt8]]) -> [SVGRaster.DrawFailure?] {
        let keys = svgs.map { key($0, how: "read") }
        lock.withLock { used.formUnion(keys) }
        let asked = svgs.indices.filter { fileSystem.kind(at: directory + "/" + keys[$0] + ".read") == nil }
        var readings = [SVGRaster.DrawFailure?](repeating: nil, count: svgs.count)
        guard !asked.isEmpty else { return readings }
        for (index, failure) in zip(asked, SVGRaster.read(asked.map { svgs[$0] })) {
            readings[index] = failure
            if failure == nil { store([], at: directory + "/" + keys[index] + ".read") }
        }
        return readings
    }

    /// Removes the stored cards this build did not use.
    func prune() {
        guard keeps else { return }
        let used = lock.withLock { self.used }
        guard let names = try? fileSystem.contentsOfDirectory(at: directory) else { return }
        for name in names where !used.contains(String(name.prefix { $0 != "." })) {
            try? fileSystem.removeItem(at: directory + "/" + name)
        }
    }

    private func path(_ key: String) -> String { directory + "/" + key + ".png" }
}

/// The cards a build draws, in batches that run beside the sources: the partners' split evenly,
/// at least one batch a core and at most `batchSize` cards a batch (one `refkit-draw` process
/// each, for the cards the store does not have: a batch's PNGs are held until it is written), and
/// the business's.
struct CardBatches {
    let renderer: SiteRenderer
    let partners: [[Source]]
    let business: Bool
    let store: CardStore
    static let batchSize = 64

    init(renderer: SiteRenderer, partners: [Source], business: Bool, batches: Int, store: CardStore) {
        let count = min(max(1, batches, (partners.count + Self.batchSize - 1) / Self.batchSize), partners.count)
        self.partners = count == 0 ? [] : (0..<count).map { batch in stride(from: batch, to: partners.count, by: count).map { partners[$0] } }
        (self.renderer, self.business, self.store) = (renderer, business, store)
    }

    var jobs: Int { partners.count + (business ? 1 : 0) }

    /// Batch `job`'s cards: those stored read back, the rest drawn and stored.
    func draw(_ job: Int) throws(BuildFailure) -> [OutputFile] {
        try Self.files(job < partners.count ? renderer.partnerCardJobs(for: partners[job]) : renderer.businessCardJobs(), store: store)
    }

    /// `cards` as files: those `store` has read back, the rest drawn (one helper) and stored.
    static func files(_ cards: [SiteRenderer.CardJob], store: CardStore) throws(BuildFailure) -> [OutputFile] {
        let keys = cards.map { store.key($0.svg) }
        var files: [OutputFile] = [], missing: [(SiteRenderer.CardJob, String)] = []
        for (card, key) in zip(cards, keys) {
            if let png = store.card(key) { files.append(OutputFile(path: card.path, contents: png)) } else { missing.append((card, key)) }
        }
        let drawn = try SiteRenderer.draw(missing.map(\.0))
        for (file, (_, key)) in zip(drawn, missing) { store.keep(file.contents, key: key) }
        return files + drawn
    }
}
