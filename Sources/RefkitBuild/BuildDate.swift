import RefkitModel

/// Where the build date comes from: `--date YYYY-MM-DD`, else `SOURCE_DATE_EPOCH`, else today (UTC).
/// The clock is injected, so tests never depend on the real date.
public struct BuildDateResolver: Sendable {
    public var environment: [String: String]
    public var now: @Sendable () -> Int64

    public init(environment: [String: String], now: @escaping @Sendable () -> Int64) {
        self.environment = environment
        self.now = now
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case badOption(String)
        case badEpoch(String)
        public var description: String {
            switch self {
            case .badOption(let text): "--date must be a day written YYYY-MM-DD, not '\(text)'"
            case .badEpoch(let text): "SOURCE_DATE_EPOCH must be whole seconds since 1970, not '\(text)'"
            }
        }
    }

    public func resolve(option: String?) throws(Failure) -> Day {
        if let option {
            guard let day = Day(option) else { throw .badOption(option) }
            return day
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int64(epoch) else { throw .badEpoch(epoch) }
            return Day(secondsSince1970: seconds)
        }
        return Day(secondsSince1970: now())
    }
}
