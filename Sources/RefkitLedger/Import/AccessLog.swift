import RefkitModel

/// One request of a web server's access log in the Combined Log Format, nginx's and Apache's
/// default: `HOST IDENT USER [06/Dec/2026:10:00:00 +0100] "GET /path HTTP/1.1" 200 512 "REFERER" "AGENT"`.
/// Only what `refkit import` needs is kept: never the address or the agent itself.
public struct AccessLogRequest: Sendable, Equatable {
    /// The day as the server wrote it (its own time zone).
    public var day: Day
    public var method: String
    /// The path as requested, query and fragment removed, not yet percent-decoded.
    public var path: String
    public var status: Int
    /// The agent is a crawler or bot, or refkit's own preview.
    public var isRobot: Bool
}

public enum AccessLog {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The request a line records, or nil: not a line of the Combined (or Common) Log Format.
    public static func parse(_ line: Substring) -> AccessLogRequest? {
        var line = line
        return line.withUTF8 { parse(bytes: $0) }
    }

    /// The same, read from the line's bytes (a log's lines are read as bytes, without a String each).
    public static func parse(bytes line: UnsafeBufferPointer<UInt8>) -> AccessLogRequest? {
        let quote = UInt8(ascii: "\""), space = UInt8(ascii: " ")
        guard let open = line.firstIndex(of: UInt8(ascii: "[")),
              let close = line[open...].firstIndex(of: UInt8(ascii: "]")), close - open > 12 else { return nil }
        // 06/Dec/2026:10:00:00 +0100
        let d = open + 1
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = line[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard line[d + 2] == UInt8(ascii: "/"), line[d + 6] == UInt8(ascii: "/"),
              let dayOfMonth = number(d..<d + 2), let year = number(d + 7..<d + 11),
              let month = monthBytes.firstIndex(where: { $0.elementsEqual(line[d + 3..<d + 6]) }),
              let day = Day(year: year, month: month + 1, day: dayOfMonth) else { return nil }
        guard let requestStart = line[close...].firstIndex(of: quote),
              let requestEnd = line[(requestStart + 1)...].firstIndex(of: quote) else { return nil }
        let request = line[(requestStart + 1)..<requestEnd]
        guard let methodEnd = request.firstIndex(of: space) else { return nil }
        let target = request[(methodEnd + 1)...]
        let targetEnd = target.firstIndex { $0 == space || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? target.endIndex
        var statusStart = requestEnd + 1
        while statusStart < line.count, line[statusStart] == space { statusStart += 1 }
        guard statusStart + 3 <= line.count, let status = number(statusStart..<statusStart + 3) else { return nil }
        // The agent: the last quoted field (the Common Log Format has none).
        var agent: Slice<UnsafeBufferPointer<UInt8>> = line[0..<0]
        if line.last == quote, let start = line[..<(line.count - 1)].lastIndex(of: quote), start > requestEnd {
            agent = line[(start + 1)..<(line.count - 1)]
        }
        return AccessLogRequest(day: day, method: String(decoding: request[..<methodEnd], as: UTF8.self),
                                path: String(decoding: target[..<targetEnd], as: UTF8.self), status: status, isRobot: isRobot(agent))
    }

    private static let monthBytes = months.map { Array($0.utf8) }

    /// Crawlers, bots, link checkers, feed readers and refkit's own preview and checks, by agent.
    static func isRobot<Bytes: Collection<UInt8>>(_ agent: Bytes) -> Bool {
        // On ASCII bytes, case folded: String's Unicode-aware search took most of an import's time.
        let bytes = agent.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        return robotMarks.contains { mark in
            guard bytes.count >= mark.count else { return false }
            let first = mark[0]
            var index = 0
            while index <= bytes.count - mark.count {
                if bytes[index] == first, bytes[index..<index + mark.count].elementsEqual(mark) { return true }
                index += 1
            }
            return false
        }
    }

    private static let robotMarks: [[UInt8]] = [
        "bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "monitor", "curl/", "wget/", "python-requests",
        "go-http-client", "refkit", "feed", "lighthouse", "pingdom", "uptime",
    ].map { Array($0.utf8) }
}
