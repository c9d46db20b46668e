import Foundation

/// One page to print: where it is published (its address under the site's URL, so relative links
/// print as the published kit's), on what paper, and what the site holds (the page itself, its
/// style sheet, its images), which is all Chromium may load.
public struct PrintJob: Sendable {
    /// The page's path under the site, e.g. `adas-bakery/handout.html`.
    public var path: String
    public var paper: (width: Double, height: Double)
    /// The bytes of a path under the site (the page's own, an asset's), or nil: not found.
    public var files: @Sendable (String) -> [UInt8]?

    public init(path: String, paper: (width: Double, height: Double), files: @escaping @Sendable (String) -> [UInt8]?) {
        self.path = path
        self.paper = paper
        self.files = files
    }
}

/// Prints pages into PDFs with one headless Chromium for a whole build, several pages at once
/// (one tab per core and one more, each in a browser context of its own, so each has its own
/// renderer process). Every request a page makes is answered from `PrintJob.files`: the network is
/// never used, and links resolve to the site's published address. Thread-safe: `print` may be
/// called from every render worker; pages queue for the next free tab.
public final class PDFPrinter: @unchecked Sendable {
    private let chromium: ChromiumProcess
    private let site: String
    private let lock = NSLock()
    private var idle: [Tab] = []
    private var queue: [(PrintJob, @Sendable (Result<PrintedPage, PrintFailure>) -> Void)] = []

    /// Starts Chromium with `tabs` tabs.
    /// - Parameter siteURL: the site's published address (`site.url`), which every page is printed at.
    public init(_ program: ChromiumProgram, siteURL: String, tabs: Int) throws(PrintFailure) {
        chromium = try ChromiumProcess(program)
        site = siteURL.hasSuffix("/") ? siteURL : siteURL + "/"
        do {
            for _ in 0..<max(1, tabs) { idle.append(try Tab(pipe: chromium.pipe, site: site)) }
        } catch {
            chromium.stop()
            throw error
        }
    }

    /// Prints `jobs` (in parallel with each other and with other callers') and waits for them:
    /// each PDF's bytes as Chromium made them and what the page did to fit (`PrintFit`), or why not.
    public func print(_ jobs: [PrintJob], timeout: Double = 120) -> [Result<PrintedPage, PrintFailure>] {
        let results = Results(count: jobs.count)
        for (index, job) in jobs.enumerated() {
            results.group.enter()
            submit(job) { result in
                results.set(index, result)
                results.group.leave()
            }
        }
        guard results.group.wait(timeout: .now() + timeout) == .success else {
            return jobs.map { .failure(.page($0.path, "Chromium did not print it in \(Int(timeout)) s")) }
        }
        return results.all
    }

    /// Closes Chromium and removes its profile.
    public func stop() { chromium.stop() }

    private func submit(_ job: PrintJob, _ done: @escaping @Sendable (Result<PrintedPage, PrintFailure>) -> Void) {
        lock.lock()
        guard let tab = idle.popLast() else {
            queue.append((job, done))
            return lock.unlock()
        }
        lock.unlock()
        start(job, on: tab, done)
    }

    private func start(_ job: PrintJob, on tab: Tab, _ done: @escaping @Sendable (Result<PrintedPage, PrintFailure>) -> Void) {
        tab.print(job) { [self] result in
            done(result)
            lock.lock()
            if queue.isEmpty {
                idle.append(tab)
                return lock.unlock()
            }
            let (next, nextDone) = queue.removeFirst()
            lock.unlock()
            start(next, on: tab, nextDone)
        }
    }
}

/// Results filled in by other threads.
private final class Results: @unchecked Sendable {
    let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [Result<PrintedPage, PrintFailure>?]

    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<PrintedPage, PrintFailure>) { lock.withLock { results[index] = result } }
    var all: [Result<PrintedPage, PrintFailure>] { lock.withLock { results.map { $0! } } }
}
