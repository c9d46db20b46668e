import Foundation

/// Calls back when anything under some folders changes, with the paths that changed: Linux
/// inotify on every folder below them (new folders are watched as they appear), or, where inotify
/// is not available, a scan of every file's size and modification time twice a second. Changes
/// are gathered until 20 ms pass without one, so a save that writes several files (an editor's
/// temporary file and rename) is one change and a single save is acted on at once; once a burst
/// has named more than 20 files or a folder (a `git checkout` of hundreds, a copy), until 100 ms
/// pass without one, as its writer may pause between files.
public final class Watcher: @unchecked Sendable {
    private let roots: [String]
    private let onChange: @Sendable (Set<String>?) -> Void
    private var thread: Thread?

    /// - Parameter onChange: called with the files that changed (absolute paths), or nil when that
    ///   is not known (a folder came or went, events were lost, or the watcher polls).
    public init(roots: [String], onChange: @escaping @Sendable (Set<String>?) -> Void) {
        self.roots = roots
        self.onChange = onChange
    }

    /// How long no change must come before the changes gathered so far are acted on.
    static func quietMilliseconds(after changed: Set<String>?) -> Int32 {
        (changed?.count ?? .max) > 20 ? 100 : 20
    }

    /// How it watches: "inotify" or "polling".
    public private(set) var method = "inotify"

    public func start() {
        let descriptor = inotify_init1(Int32(IN_CLOEXEC))
        if descriptor < 0 { method = "polling" }
        let thread = Thread { [self] in
            if descriptor >= 0 { watchWithInotify(descriptor) } else { watchByPolling() }
        }
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    private func folders() -> [String] {
        roots.flatMap { root -> [String] in
            var found = [root]
            let enumerator = FileManager.default.enumerator(atPath: root)
            while let relative = enumerator?.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue {
                    found.append(root + "/" + relative)
                }
            }
            return found.filter { FileManager.default.fileExists(atPath: $0) }
        }
    }

    private func watchWithInotify(_ descriptor: Int32) {
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)
        var watched: [Int32: String] = [:]  // watch → folder
        func watchNewFolders() {
            let known = Set(watched.values)
            for folder in folders() where !known.contains(folder) {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { watched[watch] = folder }
            }
        }
        watchNewFolders()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { if errno == EINTR { continue } else { return } }
            // Gather the rest of this save, then act once. The tree is listed again only when a
            // folder came or went (listing 10,000 files after every save would cost more than it).
            var changed: Set<String>? = []
            Self.gather(buffer, count: count, folders: watched, into: &changed)
            var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&pending, 1, Self.quietMilliseconds(after: changed)) > 0 {
                count = read(descriptor, &buffer, buffer.count)
                if count > 0 { Self.gather(buffer, count: count, folders: watched, into: &changed) }
            }
            if changed == nil { watchNewFolders() }
            onChange(changed)
        }
    }

    /// Adds the files the inotify events in `buffer` name to `changed`; sets it to nil when an
    /// event is about a folder, or events were lost (an overflow): then anything may have changed.
    static func gather(_ buffer: [UInt8], count: Int, folders: [Int32: String], into changed: inout Set<String>?) {
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            offset += header + length
            if mask & UInt32(IN_IGNORED) != 0 { continue }  // a watch removed: its folder went, told by its parent
            if mask & UInt32(IN_Q_OVERFLOW | IN_ISDIR) != 0 { changed = nil; continue }
            guard let folder = folders[watch], !nameBytes.isEmpty else { continue }
            changed?.insert(folder + "/" + String(decoding: nameBytes, as: UTF8.self))
        }
    }

    private func watchByPolling() {
        func state() -> [String: String] {
            var files: [String: String] = [:]
            for root in roots {
                let enumerator = FileManager.default.enumerator(atPath: root)
                while let relative = enumerator?.nextObject() as? String {
                    if let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + relative) {
                        files[root + "/" + relative] = "\(attributes[.size] ?? 0) \(attributes[.modificationDate] ?? 0)"
                    }
                }
            }
            return files
        }
        var last = state()
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = state()
            if now != last {
                last = now
                onChange(nil)
            }
        }
    }
}
