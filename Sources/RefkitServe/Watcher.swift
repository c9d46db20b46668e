import Foundation

/// Calls back when anything under some folders changes: Linux inotify on every folder below
/// them (new folders are watched as they appear), or, where inotify is not available, a scan of
/// every file's size and modification time twice a second. Changes are gathered until 20 ms pass
/// without one, so a save that writes several files (an editor's temporary file and rename, a
/// `git checkout` of hundreds) is one change, and a single save is acted on at once.
public final class Watcher: @unchecked Sendable {
    private let roots: [String]
    private let onChange: @Sendable () -> Void
    private var thread: Thread?

    public init(roots: [String], onChange: @escaping @Sendable () -> Void) {
        self.roots = roots
        self.onChange = onChange
    }

    /// How long no change must come before the changes gathered are acted on.
    static let quietMilliseconds: Int32 = 20

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
        var watched = Set<String>()
        func watchNewFolders() {
            for folder in folders() where !watched.contains(folder) {
                if inotify_add_watch(descriptor, folder, mask) >= 0 { watched.insert(folder) }
            }
        }
        watchNewFolders()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { if errno == EINTR { continue } else { return } }
            // Gather the rest of this save, then rebuild once.
            var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            while poll(&pending, 1, Self.quietMilliseconds) > 0 { _ = read(descriptor, &buffer, buffer.count) }
            watchNewFolders()
            onChange()
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
                onChange()
            }
        }
    }
}
