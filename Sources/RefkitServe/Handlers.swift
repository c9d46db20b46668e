import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// First in every connection's pipeline, before the HTTP parser: counts the bytes of each request's
/// line and head as they arrive and answers 414 (line too long) or 431 (head too large) at once,
/// then closes, so an oversized request costs a few kilobytes, not a parse. Removed once the
/// connection becomes a WebSocket.
final class RequestHeadLimit: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private struct State {
        var line = 0, head = 0
        var onFirstLine = true
        var refused = false
    }

    private let lineLimit: Int
    private let headLimit: Int
    private let state = NIOLockedValueBox(State())

    init(line: Int, head: Int) {
        (lineLimit, headLimit) = (line, head)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let refusal: HTTPResponseStatus? = state.withLockedValue { state in
            guard !state.refused else { return nil }
            for byte in buffer.readableBytesView {
                state.head += 1
                if byte == UInt8(ascii: "\n") {
                    if state.line == 0 { (state.head, state.onFirstLine) = (0, true) } else { state.onFirstLine = false }  // a blank line ends the head
                    state.line = 0
                } else if byte != UInt8(ascii: "\r") {
                    state.line += 1
                }
                if state.onFirstLine, state.line > lineLimit { state.refused = true; return .uriTooLong }
                if state.head > headLimit { state.refused = true; return .requestHeaderFieldsTooLarge }
            }
            return nil
        }
        if let refusal {
            // Answer, stop writing, and read what the client still sends for a moment before
            // closing (a "lingering close", as nginx does): closing at once would reset the
            // connection before a client still sending its request has read the answer.
            let text = "HTTP/1.1 \(refusal.code) \(refusal.reasonPhrase)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            // Completions hold the channel, not the context (only the channel is Sendable).
            let channel = context.channel
            context.writeAndFlush(NIOAny(channel.allocator.buffer(string: text))).whenComplete { _ in
                channel.close(mode: .output, promise: nil)
                channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
            }
            return
        }
        guard !state.withLockedValue(\.refused) else { return }
        context.fireChannelRead(data)
    }
}

/// GET and HEAD for the site's files, only for requests addressed to the preview
/// (`PreviewServer.isLocal`). Pages are rendered on `renderers`, never on the event loop: a page
/// that takes long to render (a logo drawn for the e-mail) delays only its own answer. Answers to
/// one connection go out in the order asked (NIO's pipelining assistance holds the next request
/// until this one's answer ends).
final class FileRequestHandler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let content: any PreviewContent
    private let port: UInt16
    private let renderers: NIOThreadPool

    init(content: any PreviewContent, port: UInt16, renderers: NIOThreadPool) {
        (self.content, self.port, self.renderers) = (content, port, renderers)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(let request) = unwrapInboundIn(data) else { return }
        let channel = context.channel
        if !PreviewServer.isFromPreview(request.headers, port: port) {
            Self.send(.init(status: .forbidden, contentType: "text/plain; charset=utf-8",
                            body: Data("refkit serve answers only its own pages at 127.0.0.1:\(port) or localhost:\(port)\n".utf8)),
                      to: request, on: channel)
        } else if request.method != .GET, request.method != .HEAD {
            Self.send(.init(status: .methodNotAllowed, contentType: "text/plain; charset=utf-8", body: Data("GET or HEAD only\n".utf8)),
                      to: request, on: channel)
        } else {
            let (content, path) = (self.content, String(request.uri.prefix { $0 != "?" && $0 != "#" }))
            renderers.runIfActive(eventLoop: context.eventLoop) { PreviewServer.file(for: path, in: content) }.whenComplete { result in
                let answer = (try? result.get()) ?? .init(status: .serviceUnavailable, contentType: "text/plain; charset=utf-8",
                                                           body: Data("refkit serve is stopping\n".utf8))
                Self.send(answer, to: request, on: channel)
            }
        }
    }

    /// Writes `answer` to `request` (its body only for GET), on the channel's event loop.
    private static func send(_ answer: PreviewServer.Answer, to request: HTTPRequestHead, on channel: Channel) {
        var headers = HTTPHeaders([("Content-Type", answer.contentType), ("Content-Length", String(answer.body.count)),
                                   ("Cache-Control", "no-store")])
        let keepAlive = request.isKeepAlive && answer.status == .ok
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        channel.write(HTTPServerResponsePart.head(HTTPResponseHead(version: request.version, status: answer.status, headers: headers)), promise: nil)
        if request.method != .HEAD {
            channel.write(HTTPServerResponsePart.body(.byteBuffer(channel.allocator.buffer(bytes: answer.body))), promise: nil)
        }
        channel.writeAndFlush(HTTPServerResponsePart.end(nil)).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}

/// Every open page's socket, to broadcast to; the last error is sent to a page that opens while
/// the kit is broken.
final class LiveReloadHub: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: Channel] = [:]
        var last: String?
    }

    private let state = NIOLockedValueBox(State())

    func add(_ channel: Channel) {
        let last = state.withLockedValue { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.last
        }
        if let last, last.hasPrefix("error:") { Self.send(last, to: channel) }
    }

    func remove(_ channel: Channel) {
        _ = state.withLockedValue { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    func broadcast(_ text: String) {
        let channels = state.withLockedValue { state in
            state.last = text
            return Array(state.channels.values)
        }
        for channel in channels { Self.send(text, to: channel) }
    }

    private static func send(_ text: String, to channel: Channel) {
        let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
        channel.writeAndFlush(frame, promise: nil)
    }
}

/// One page's live-reload socket: registered with the hub while open; answers pings and closes.
final class ReloadSocketHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let hub: LiveReloadHub

    init(hub: LiveReloadHub) { self.hub = hub }

    func handlerAdded(context: ChannelHandlerContext) { hub.add(context.channel) }
    func handlerRemoved(context: ChannelHandlerContext) { hub.remove(context.channel) }
    func channelInactive(context: ChannelHandlerContext) {
        hub.remove(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .ping:
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.data)), promise: nil)
        case .connectionClose:
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: channel.allocator.buffer(capacity: 0))))
                .whenComplete { _ in channel.close(promise: nil) }
        default:
            break
        }
    }
}

/// Resolves `waitUntilListening` once the server is bound (or could not be).
final class ListeningSignal: Sendable {
    private let state = NIOLockedValueBox<(result: Result<UInt16, any Error>?, waiters: [CheckedContinuation<UInt16, any Error>])>((nil, []))

    func succeed(port: UInt16) { finish(.success(port)) }
    func fail(_ error: any Error) { finish(.failure(error)) }

    private func finish(_ result: Result<UInt16, any Error>) {
        let waiters = state.withLockedValue { state in
            state.result = result
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    func wait() async throws -> UInt16 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt16, any Error>) in
            let result: Result<UInt16, any Error>? = state.withLockedValue { state in
                if state.result == nil { state.waiters.append(continuation) }
                return state.result
            }
            if let result { continuation.resume(with: result) }
        }
    }
}
