import Foundation
import RefkitModel
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// What the preview serves: the bytes of the site's file at a path (`index.html`,
/// `S/offers/ID.html`), or nil when the site has none there.
public protocol PreviewContent: Sendable {
    func file(at path: String) -> [UInt8]?
    /// For a file only `refkit build` makes (a declared PDF or zip): a page that says so.
    func madeByBuildOnly(at path: String) -> String?
}

/// The preview server of `refkit serve`: serves a site's files on 127.0.0.1, and tells open pages
/// over a WebSocket when to reload or what is broken. The reload script is added to HTML as it is
/// served, never to the files: `refkit build` output never carries it.
///
/// On SwiftNIO. Each connection's bytes pass `RequestHeadLimit` before the HTTP parser sees them:
/// a request line over 8 KB is answered 414 and a request head over 64 KB 431, at once, so a
/// hostile page cannot stall the preview with a megabyte of URL or fifty thousand headers.
public final class PreviewServer: Sendable {
    public let port: UInt16
    private let content: any PreviewContent
    private let hub = LiveReloadHub()
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    /// Where pages are rendered, off the event loop (one thread per core).
    private let renderers = NIOThreadPool(numberOfThreads: max(2, System.coreCount))
    private let listening = ListeningSignal()

    /// The path the pages' script connects to.
    static let socketPath = "/__refkit/live"
    /// The longest request line, and the longest request head (line and headers), answered.
    static let maximumRequestLine = 8 * 1024
    static let maximumRequestHead = 64 * 1024

    /// Binds nothing yet: `run` binds, and throws if the port is taken. Port 0 asks the system for
    /// any free one: `waitUntilListening` tells which.
    public init(content: any PreviewContent, port: UInt16) {
        self.content = content
        self.port = port
    }

    /// Serves until the server's channel closes (the process ends it).
    public func run() async throws {
        let (content, hub, renderers) = (self.content, self.hub, self.renderers)
        renderers.start()
        let upgrader = NIOWebSocketServerUpgrader(
            shouldUpgrade: { channel, head in
                // A socket for another address is refused here and answered 403 as a page.
                let allowed = head.uri == Self.socketPath && Self.isFromPreview(head.headers, port: Self.listeningPort(of: channel))
                return channel.eventLoop.makeSucceededFuture(allowed ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ReloadSocketHandler(hub: hub))
                }
            })
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    let limit = RequestHeadLimit(line: Self.maximumRequestLine, head: Self.maximumRequestHead)
                    try pipeline.addHandler(limit)
                    var decoderLimits = NIOHTTPDecoderLimitConfiguration()
                    decoderLimits.maxHeaderListSize = Self.maximumRequestHead
                    decoderLimits.maxHeaderFieldSize = Self.maximumRequestHead
                    let files = FileRequestHandler(content: content, port: Self.listeningPort(of: channel), renderers: renderers)
                    try pipeline.configureHTTPServerPipeline(
                        withServerUpgrade: (upgraders: [upgrader], completionHandler: { context in
                            // A WebSocket from here on: no more HTTP heads to limit or files to serve.
                            context.pipeline.syncOperations.removeHandler(limit, promise: nil)
                            context.pipeline.syncOperations.removeHandler(files, promise: nil)
                        }),
                        withErrorHandling: true, withOutboundHeaderValidation: true,
                        withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits)
                    try pipeline.addHandler(files)
                }
            }
            .childChannelOption(.socketOption(.so_reuseaddr), value: 1)
        let channel: Channel
        do {
            channel = try await bootstrap.bind(host: "127.0.0.1", port: Int(port)).get()
        } catch {
            listening.fail(error)
            throw error
        }
        listening.succeed(port: channel.localAddress?.port.map(UInt16.init) ?? port)
        try await channel.closeFuture.get()
    }

    /// Returns the port listened on once bound (the one asked, or the system's pick for 0).
    public func waitUntilListening() async throws -> UInt16 {
        try await listening.wait()
    }

    /// Whether `run` failed because another program listens on the port.
    public static func isTaken(_ error: any Error) -> Bool {
        (error as? IOError)?.errnoCode == EADDRINUSE
    }

    /// The port a connection reached: the one listened on (a connection's local port is its
    /// server's), what the `Host` of the preview's own pages carries.
    private static func listeningPort(of connection: Channel) -> UInt16 {
        UInt16(connection.localAddress?.port ?? 0)
    }

    /// Tells every open page to reload.
    public func reload() async { hub.broadcast("reload") }

    /// Shows the diagnostics on every open page (the last good build stays served).
    public func showErrors(_ lines: [String]) async {
        let json = String(decoding: (try? JSONEncoder().encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
        hub.broadcast("error:" + json)
    }

    /// Whether a request's `Host` names this server as the browser reached it: 127.0.0.1, localhost
    /// or [::1] with its port. Anything else is a page on another site that had its name resolve
    /// to 127.0.0.1 (DNS rebinding) to read the preview: refused.
    static func isLocal(host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return ["127.0.0.1", "localhost", "[::1]"].contains { host == "\($0):\(port)" }
    }

    /// Whether a request may read the kit: addressed to this server (`isLocal`) and, when a browser
    /// says which page asked (`Origin`, sent with every WebSocket handshake and every cross-site
    /// fetch), asked by one of the preview's own pages. A page on any other site is refused, so
    /// it can read neither the files nor the diagnostics the reload socket carries.
    static func isFromPreview(_ headers: HTTPHeaders, port: UInt16) -> Bool {
        guard isLocal(host: headers.first(name: "host"), port: port) else { return false }
        let origins = headers[canonicalForm: "origin"]
        guard !origins.isEmpty else { return true }
        return origins.allSatisfy { origin in
            ["127.0.0.1", "localhost", "[::1]"].contains { origin.lowercased() == "http://\($0):\(port)" }
        }
    }

    /// What the server answers for a path: a file of the site (HTML with the reload script added),
    /// a folder's `index.html`, or 404.
    struct Answer {
        var status: HTTPResponseStatus
        var contentType: String
        var body: Data
    }

    static func file(for requestPath: String, in content: any PreviewContent) -> Answer {
        var path = requestPath.removingPercentEncoding ?? requestPath
        if path.hasSuffix("/") { path += "index.html" }
        let segments = path.split(separator: "/")
        guard !segments.contains(".."), !segments.contains(where: { $0.hasPrefix(".") }) else {
            return Answer(status: .notFound, contentType: "text/plain; charset=utf-8", body: Data("Not found\n".utf8))
        }
        var full = segments.joined(separator: "/")
        var bytes = content.file(at: full)
        if bytes == nil, let index = content.file(at: full + "/index.html") {  // a folder
            (bytes, full) = (index, full + "/index.html")
        }
        if bytes == nil, let page = content.madeByBuildOnly(at: full) {
            return Answer(status: .ok, contentType: "text/html; charset=utf-8", body: injectReloadScript(into: Data(page.utf8)))
        }
        guard let bytes else {
            return Answer(status: .notFound, contentType: "text/plain; charset=utf-8", body: Data("Not found: \(requestPath)\n".utf8))
        }
        var body = Data(bytes)
        let type = contentType(for: full)
        if type.hasPrefix("text/html") { body = injectReloadScript(into: body) }
        return Answer(status: .ok, contentType: type, body: body)
    }

    static func contentType(for path: String) -> String { MediaType.of(path: path) }

    /// The live-reload script, before `</body>`.
    static func injectReloadScript(into html: Data) -> Data {
        let text = String(decoding: html, as: UTF8.self)
        guard let end = text.range(of: "</body>", options: .backwards) else { return html }
        return Data((text[..<end.lowerBound] + reloadScript + text[end.lowerBound...]).utf8)
    }

    static let reloadScript = """
        <script>/* refkit serve: live reload (never in refkit build output) */
        (function () {
          function overlay(lines) {
            var box = document.getElementById("refkit-overlay");
            if (!box) {
              box = document.createElement("div");
              box.id = "refkit-overlay";
              box.setAttribute("style", "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;background:#1d1d1f;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:16px 20px;border-top:4px solid #d93025;white-space:pre-wrap");
              document.body.appendChild(box);
            }
            box.textContent = "refkit: the last edit broke the kit; showing the last good build.\\n\\n" + lines.join("\\n");
          }
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
            socket.onmessage = function (event) {
              if (event.data === "reload") { location.reload(); }
              else if (event.data.indexOf("error:") === 0) { overlay(JSON.parse(event.data.slice(6))); }
            };
            socket.onclose = function () { setTimeout(connect, 1000); };
          }
          connect();
        })();
        </script>

        """
}
