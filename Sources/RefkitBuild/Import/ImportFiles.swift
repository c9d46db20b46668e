import Foundation
import ZIPFoundation

/// Reading an imported file's lines: a block at a time (a log of any length takes the memory of
/// a block), a gzip file through `gzip -dc` as it streams, a zip's entry as it unpacks.
extension Importer {
    /// Calls `body` with each line, numbered from 1, of what `produce` feeds the splitter.
    static func lines(_ body: (Int, UnsafeBufferPointer<UInt8>) -> Void,
                      from produce: (inout LineSplitter) throws(Failure) -> Void) throws(Failure) {
        try withoutActuallyEscaping(body) { (body) throws(Failure) in
            var splitter = LineSplitter(body)
            try produce(&splitter)
            splitter.finish()
        }
    }

    /// Each line of `file` (gzip or plain).
    func readLines(_ file: String, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) {
        try Self.lines(body) { (lines) throws(Failure) in
            var isGzip: Bool?
            do {
                _ = try fileSystem.readBlocks(at: file) { block in
                    if isGzip == nil { isGzip = block.starts(with: [0x1F, 0x8B]) }
                    guard isGzip == false else { return false }
                    lines.feed(block)
                    return true
                }
            } catch {
                throw .unreadable(file, "\(error)")
            }
            if isGzip == true {
                guard Self.gunzip(file, into: { lines.feed($0) }) else { throw .unreadable(file, "it is not a gzip file gzip can read") }
            }
        }
    }

    /// Each line of a zip's entry.
    static func readLines(of entry: Entry, in archive: Archive, file: String, _ body: (Int, UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) {
        try lines(body) { (lines) throws(Failure) in
            do {
                _ = try archive.extract(entry) { data in lines.feed([UInt8](data)) }
            } catch {
                throw .unreadable(file, "\(entry.path) cannot be unpacked: \(error)")
            }
        }
    }

    /// Streams what `gzip -dc` makes of `file` to `body`; false when gzip fails.
    static func gunzip(_ file: String, into body: ([UInt8]) -> Void) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", "--", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        while true {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            body([UInt8](data))
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
