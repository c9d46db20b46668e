import FlyingFox
import Foundation

/// The preview server of `refkit serve`: serves a build folder on 127.0.0.1, and tells open pages
/// over a WebSocket when to reload or what is broken. The reload script is added to HTML as it is
/// served, never to the files: `refkit build` output never carries it.
public final class PreviewServer: Sendable {
    public let port: UInt16
    private let root: String
    private let hub = LiveReloadHub()
    private let server: HTTPServer

    /// The path the pages' script connects to.
    static let socketPath = "/__refkit/live"

    public init(root: String, port: UInt16) throws {
        self.root = root
        self.port = port
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Serves until the task is cancelled.
    public func run() async throws {
        let port = self.port
        await server.appendRoute(HTTPRoute("GET \(Self.socketPath)"),
                                 to: LocalOnly(port: port, inner: .webSocket(ReloadSocket(hub: hub))))
        let root = self.root
        await server.appendRoute("GET,HEAD *", to: LocalOnly(port: port, inner: FileHandler(root: root)))
        try await server.run()
    }

    /// Whether a request's `Host` names this server as the browser reached it: 127.0.0.1, localhost
    /// or [::1] with its port. Anything else is a page on another site that had its name resolve
    /// to 127.0.0.1 (DNS rebinding) to read the preview: refused.
    static func isLocal(host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        return ["127.0.0.1", "localhost", "[::1]"].contains { host == "\($0):\(port)" }
    }

    public func waitUntilListening() async throws {
        try await server.waitUntilListening()
    }

    /// Tells every open page to reload.
    public func reload() async { await hub.broadcast("reload") }

    /// Shows the diagnostics on every open page (the last good build stays served).
    public func showErrors(_ lines: [String]) async {
        let json = String(decoding: (try? JSONEncoder().encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
        await hub.broadcast("error:" + json)
    }

    static func file(for requestPath: String, in root: String) -> HTTPResponse {
        var path = requestPath.removingPercentEncoding ?? requestPath
        if path.hasSuffix("/") { path += "index.html" }
        let segments = path.split(separator: "/")
        guard !segments.contains(".."), !segments.contains(where: { $0.hasPrefix(".") }) else {
            return HTTPResponse(statusCode: .notFound)
        }
        var full = root + "/" + segments.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), isDirectory.boolValue {
            full += "/index.html"
        }
        guard var body = FileManager.default.contents(atPath: full) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("Not found: \(requestPath)\n".utf8))
        }
        let type = contentType(for: full)
        if type.hasPrefix("text/html") { body = injectReloadScript(into: body) }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"], body: body)
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "pdf": "application/pdf"
        case "zip": "application/zip"
        default: "application/octet-stream"
        }
    }

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

/// Serves the build folder's files.
struct FileHandler: HTTPHandler {
    let root: String
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse { PreviewServer.file(for: request.path, in: root) }
}

/// Answers only requests addressed to this machine's preview (`PreviewServer.isLocal`).
struct LocalOnly<Inner: HTTPHandler>: HTTPHandler {
    let port: UInt16
    let inner: Inner
    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard PreviewServer.isLocal(host: request.headers[.host], port: port) else {
            return HTTPResponse(statusCode: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: Data("refkit serve answers only requests for 127.0.0.1:\(port) or localhost:\(port)\n".utf8))
        }
        return try await inner.handleRequest(request)
    }
}

/// Every open page's socket, to broadcast to.
actor LiveReloadHub {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var last: String?

    func add() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        // A page opened while the kit is broken sees the errors at once.
        if let last, last.hasPrefix("error:") { continuation.yield(.text(last)) }
        return stream
    }

    private func remove(_ id: UUID) { clients[id] = nil }

    func broadcast(_ text: String) {
        last = text
        for continuation in clients.values { continuation.yield(.text(text)) }
    }
}

struct ReloadSocket: WSMessageHandler {
    let hub: LiveReloadHub
    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        await hub.add()
    }
}
