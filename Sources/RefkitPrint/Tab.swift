import Foundation
import RefkitModel

/// One Chromium tab that prints a page at a time: navigate to the page's address, answer every
/// request it makes from the site's files, wait for its load event, print.
final class Tab: @unchecked Sendable {
    private let pipe: DevToolsPipe
    private let site: String
    private let session: String
    private let lock = NSLock()
    private var job: PrintJob?
    private var done: (@Sendable (Result<PrintedPage, PrintFailure>) -> Void)?
    /// The navigation of the current page (its loader), once Chromium has said it.
    private var loader: String?
    /// Loaders whose load event came before we knew which loader was the page's.
    private var loaded: Set<String> = []

    init(pipe: DevToolsPipe, site: String) throws(PrintFailure) {
        self.pipe = pipe
        self.site = site
        // A browser context of its own: its own renderer process, so tabs print on every core.
        let context = try pipe.call("Target.createBrowserContext")["browserContextId"] as? String ?? ""
        let target = try pipe.call("Target.createTarget", ["url": "about:blank", "browserContextId": context])["targetId"] as? String ?? ""
        session = try pipe.call("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
        // Weak: an event Chromium sends while it closes may come after the tab is gone.
        pipe.route(session: session) { [weak self] method, params in self?.event(method, params) }
        // A printed page runs no script (refkit's templates have none): a kit template or raw HTML
        // cannot open windows, reach the network or wait on a timer.
        _ = try pipe.call("Emulation.setScriptExecutionDisabled", ["value": true], session: session)
        _ = try pipe.call("Page.enable", session: session)
        _ = try pipe.call("Page.setLifecycleEventsEnabled", ["enabled": true], session: session)
        _ = try pipe.call("Fetch.enable", ["patterns": [["urlPattern": "*"]]], session: session)
    }

    /// Prints `job`; `done` is called once, on Chromium's reader thread.
    func print(_ job: PrintJob, _ done: @escaping @Sendable (Result<PrintedPage, PrintFailure>) -> Void) {
        lock.withLock {
            (self.job, self.done, loader, loaded) = (job, done, nil, [])
        }
        pipe.send("Page.navigate", ["url": site + job.path], session: session) { [self] reply in
            switch reply {
            case .failure(let failure): finish(.failure(failure))
            case .success(let result):
                if let error = result["errorText"] as? String, !error.isEmpty {
                    return finish(.failure(.page(job.path, error)))
                }
                let id = result["loaderId"] as? String ?? ""
                let ready = lock.withLock {
                    loader = id
                    return loaded.contains(id)
                }
                if ready { fitPage() }
            }
        }
    }

    private func event(_ method: String, _ params: JSONObject) {
        switch method {
        case "Fetch.requestPaused": answer(params)
        case "Page.lifecycleEvent" where params["name"] as? String == "load":
            let id = params["loaderId"] as? String ?? ""
            let ready = lock.withLock {
                if loader == id { return true }
                loaded.insert(id)
                return false
            }
            if ready { fitPage() }
        case "Inspector.targetCrashed":
            finish(.failure(.chromium("crashed while printing \(lock.withLock { job?.path ?? "a page" })")))
        default: break
        }
    }

    /// Lays the page out as it prints (print media, the paper's printable size) and runs
    /// `PrintFit.script` in it: what it did to fit is the page's `PrintFit`, and the PDF is
    /// printed from the page as the script left it.
    private func fitPage() {
        guard let job = lock.withLock({ self.job }) else { return }
        let width = Int(((job.paper.width - 2 * PrintFit.margin) * 96).rounded(.down))
        let height = Int(((job.paper.height - 2 * PrintFit.margin) * 96).rounded(.down))
        pipe.send("Emulation.setEmulatedMedia", ["media": "print"], session: session) { [self] _ in
            pipe.send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false],
                      session: session) { [self] _ in
                pipe.send("Runtime.evaluate", ["expression": PrintFit.script, "returnByValue": true], session: session) { [self] reply in
                    switch reply {
                    case .failure(let failure): finish(.failure(.page(job.path, failure.description)))
                    case .success(let result):
                        if let exception = result["exceptionDetails"] as? JSONObject {
                            return finish(.failure(.page(job.path, "measuring it to fit failed: \(exception["text"] as? String ?? "")")))
                        }
                        let value = (result["result"] as? JSONObject)?["value"] as? String ?? "{}"
                        printPage(fit: PrintFit(json: value))
                    }
                }
            }
        }
    }

    private func printPage(fit: PrintFit) {
        guard let job = lock.withLock({ self.job }) else { return }
        let parameters: JSONObject = [
            "paperWidth": job.paper.width, "paperHeight": job.paper.height, "printBackground": true,
            "preferCSSPageSize": false, "generateTaggedPDF": true, "displayHeaderFooter": false,
        ]
        pipe.send("Page.printToPDF", parameters, session: session) { [self] reply in
            switch reply {
            case .failure(let failure): finish(.failure(.page(job.path, failure.description)))
            case .success(let result):
                guard let text = result["data"] as? String, let data = Data(base64Encoded: text) else {
                    return finish(.failure(.page(job.path, "Chromium sent no PDF")))
                }
                finish(.success(PrintedPage(bytes: [UInt8](data), fit: fit)))
            }
        }
    }

    private func finish(_ result: Result<PrintedPage, PrintFailure>) {
        let done = lock.withLock {
            defer { (job, self.done) = (nil, nil) }
            return self.done
        }
        done?(result)
    }

    /// Answers a request of the page: a file of the site, a 404 for a path the site does not
    /// have, and a refusal for anything elsewhere (the network is never used).
    private func answer(_ params: JSONObject) {
        let id = params["requestId"] as? String ?? ""
        let url = (params["request"] as? JSONObject)?["url"] as? String ?? ""
        guard url.hasPrefix(site), let files = lock.withLock({ job?.files }) else {
            return pipe.send("Fetch.failRequest", ["requestId": id, "errorReason": "BlockedByClient"], session: session)
        }
        var path = String(url.dropFirst(site.count))
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<end]) }
        path = path.removingPercentEncoding ?? path
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        guard let bytes = files(path) else {
            return pipe.send("Fetch.fulfillRequest", ["requestId": id, "responseCode": 404, "body": ""], session: session)
        }
        // Everything but pages may be cached for the build: the next page's style sheet and logos
        // come from Chromium's cache, without a round trip.
        var headers = [["name": "Content-Type", "value": MediaType.of(path: path)]]
        if !path.hasSuffix(".html") { headers.append(["name": "Cache-Control", "value": "max-age=86400"]) }
        pipe.send("Fetch.fulfillRequest", [
            "requestId": id, "responseCode": 200, "responseHeaders": headers, "body": Data(bytes).base64EncodedString(),
        ], session: session)
    }
}
