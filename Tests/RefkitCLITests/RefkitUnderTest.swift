import Foundation

/// The `refkit` binary the end-to-end tests run: REFKIT_BINARY when set (`scripts/test` sets it to
/// the release build `scripts/setup` makes, the binary users run), else the debug build beside the
/// test bundle. `refkit serve` finds `refkit-serve` beside whichever it is.
enum RefkitUnderTest {
    static var path: String {
        if let binary = ProcessInfo.processInfo.environment["REFKIT_BINARY"], !binary.isEmpty { return binary }
        let bundle = Bundle(for: Marker.self).bundleURL
        return [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("refkit").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) } ?? bundle.appendingPathComponent("refkit").path
    }

    private final class Marker {}
}
