import Foundation
import RefkitBuild
import RefkitModel

/// One fuzz input (scripts/fuzz builds this with -sanitize=fuzzer,address): the first byte
/// picks which file of a small valid kit the rest of the input replaces; the kit is loaded,
/// validated and, when valid, every source is rendered. Any crash, hang or sanitizer report is a bug.
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let slots = ["content/site.yml", "content/sources/fuzz.yml", "content/kit/01-fuzz.md", "content/offers/fuzz.md",
                 "templates/page.mustache"]
    let slot = slots[Int(data[0]) % slots.count]
    var files = FuzzKit.base
    files[slot] = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let fileSystem = MemoryFileSystem(files: files)

    let loaded = KitLoader(fileSystem: fileSystem, kitDirectory: "/kit").load()
    let validated = KitValidator.validate(loaded, on: Day("2026-11-23")!, secret: "fuzz")
    _ = validated.diagnostics.map(\.description)
    if let kit = validated.kit, let templates = validated.templates {
        let renderer = SiteRenderer(kit: kit, templates: templates, date: Day("2026-11-23")!, secret: "fuzz")
        for source in kit.sources { _ = renderer.render(source: source) }
        _ = renderer.renderDirectory()
    }
    return 0
}

enum FuzzKit {
    static let base: [String: [UInt8]] = [
        "content/site.yml": """
            name: Acme
            url: https://kits.acme.example
            referral_url: https://acme.example/start?x=1
            colors: { primary: "#123456" }
            contact: { name: Ann, email: ann@acme.example }
            """,
        "content/sources/fuzz.yml": "name: Fuzz & Co\nsegment: partner\ncode: FUZZ\nmessage: \"<b>hi</b> {{source.name}}\"\n",
        "content/sources/other.yml": "name: Other\nsegment: customer\n",
        "content/kit/01-fuzz.md": "---\ntitle: Who {{source.name}}\nkind: trigger-phrases\nphrases: [a, b]\n---\nHi [link]({{referral.link}}) *x*\n",
        "content/kit/02-how.md": "---\ntitle: How\nkind: how-to-refer\nsteps: [one]\n---\n| a |\n|---|\n| b |\n",
        "content/offers/fuzz.md": "---\ntitle: Offer\nkind: coupon\nvalue: Ten\ncode: \"{{source.code}}-X\"\nexpires: 2027-01-01\n---\nBody\n",
    ].mapValues { Array($0.utf8) }
}

/// A kit held in memory: files by path under /kit; folders are implied by the paths.
final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let files: [String: [UInt8]]

    init(files: [String: [UInt8]]) {
        self.files = Dictionary(uniqueKeysWithValues: files.map { ("/kit/" + $0.key, $0.value) })
    }

    private func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    func kind(at path: String) -> FileKind? {
        files[path] != nil ? .file : isDirectory(path) ? .directory : nil
    }

    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] {
        let names = files.keys.filter { $0.hasPrefix(path + "/") }.map { $0.dropFirst(path.count + 1).split(separator: "/").first.map(String.init) ?? "" }
        return Set(names).sorted()
    }

    func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        guard let bytes = files[path] else { throw FileSystemError(path: path, reason: "no such file") }
        return bytes
    }

    func realPath(_ path: String) -> String? { kind(at: path) == nil ? nil : path }
    func createDirectory(at path: String) throws(FileSystemError) { throw FileSystemError(path: path, reason: "read-only") }
    func writeFile(_ bytes: [UInt8], to path: String) throws(FileSystemError) { throw FileSystemError(path: path, reason: "read-only") }
    func copyFile(from source: String, to destination: String) throws(FileSystemError) { throw FileSystemError(path: destination, reason: "read-only") }
    func linkItem(from source: String, to destination: String) throws(FileSystemError) { throw FileSystemError(path: destination, reason: "read-only") }
    func moveItem(from source: String, to destination: String) throws(FileSystemError) { throw FileSystemError(path: destination, reason: "read-only") }
    func exchangeItems(_ a: String, _ b: String) throws(FileSystemError) { throw FileSystemError(path: b, reason: "read-only") }
    func removeItem(at path: String) throws(FileSystemError) { throw FileSystemError(path: path, reason: "read-only") }
    func lockExclusively(at path: String) throws(FileSystemError) -> FileLock? { FileLock(descriptor: -1) }
}
