// swift-tools-version:6.0
import Foundation
import PackageDescription

// One target per concern, depending in one direction only:
// C libraries (CMarkGFM, CQREncode, CRSVG, CLibCrypto, CXXHash) → RefkitMarkdown, RefkitQR, RefkitImages, RefkitModel → RefkitPrint, RefkitTemplates,
// RefkitLedger → RefkitBuild → RefkitReport → RefkitCLI → refkit; RefkitCLI + RefkitServe (SwiftNIO) → refkit-serve;
// CRSVG → refkit-draw (librsvg runs only there).
// Every target declares exactly the modules it imports.
let package = Package(
    name: "refkit",
    products: [
        .executable(name: "refkit", targets: ["refkit"]),
        .executable(name: "refkit-serve", targets: ["refkit-serve"]),
        .executable(name: "refkit-draw", targets: ["refkit-draw"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        // librsvg and cairo draw SVG logos into PNG for the e-mail, loaded when first needed
        // (dlopen): linked, they doubled every command's start-up time (docs/PERFORMANCE.md).
        .target(name: "CRSVG"),
        .target(name: "RefkitMarkdown", dependencies: ["CMarkGFM"]),
        .target(name: "RefkitQR", dependencies: ["CQREncode"]),
        .target(name: "RefkitModel"),
        // PDFs printed by headless Chromium over its DevTools pipe.
        .target(name: "RefkitPrint", dependencies: ["RefkitModel"]),
        // Logos: their shape read from their bytes, and SVG drawn into PNG.
        .target(name: "RefkitImages", dependencies: ["CRSVG"]),
        // refkit's own words in every shipped language, and CLDR's plural rules and quotation marks
        // through the ICU Foundation ships (`_FoundationICU`, linked with Foundation anyway).
        .target(name: "RefkitI18n", dependencies: ["Yams"], linkerSettings: [.linkedLibrary("_FoundationICU")]),
        .target(
            name: "RefkitTemplates",
            dependencies: ["RefkitModel", "CXXHash", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(name: "RefkitLedger", dependencies: ["RefkitModel", .product(name: "CSV", package: "CSV.swift")]),
        .target(
            name: "RefkitBuild",
            dependencies: ["RefkitMarkdown", "RefkitQR", "RefkitModel", "RefkitTemplates", "RefkitLedger", "RefkitI18n", "RefkitImages", "RefkitPrint", "CLibCrypto", "CXXHash", "Yams",
                           "ZIPFoundation", .product(name: "CSV", package: "CSV.swift")]
        ),
        .target(name: "RefkitReport", dependencies: ["RefkitBuild", "RefkitI18n", "RefkitLedger", "RefkitModel"]),
        // `refkit outbox`: the follow-ups due, written as messages (MIME) and handed to sendmail.
        .target(name: "RefkitOutbox", dependencies: ["RefkitReport", "RefkitBuild", "RefkitI18n", "RefkitLedger", "RefkitModel"]),
        .target(name: "RefkitDeploy", dependencies: ["RefkitBuild", "RefkitModel"]),
        .target(name: "RefkitServe", dependencies: ["RefkitModel",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"), .product(name: "NIOWebSocket", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(
            name: "RefkitCLI",
            dependencies: ["RefkitBuild", "RefkitDeploy", "RefkitReport", "RefkitOutbox", "RefkitModel", "RefkitTemplates", "RefkitI18n", "RefkitPrint",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "refkit", dependencies: ["RefkitCLI"]),
        // SVG logos are drawn in this helper, a process of its own (see SVGRaster): C, no Swift runtime.
        .executableTarget(name: "refkit-draw", dependencies: ["CRSVG"]),
        // `refkit serve` hands over to this helper: only it links the web server (see ServeCommand).
        .executableTarget(name: "refkit-serve", dependencies: ["RefkitCLI", "RefkitServe", "RefkitBuild", "RefkitModel", "RefkitTemplates"]),
        .testTarget(name: "RefkitMarkdownTests", dependencies: ["RefkitMarkdown"]),
        .testTarget(name: "RefkitModelTests", dependencies: ["RefkitModel"]),
        .testTarget(name: "RefkitImagesTests", dependencies: ["RefkitImages"]),
        .testTarget(name: "RefkitServeTests", dependencies: ["RefkitServe"]),
        .testTarget(name: "RefkitI18nTests", dependencies: ["RefkitI18n", "Yams"]),
        .testTarget(name: "RefkitTemplatesTests", dependencies: ["RefkitTemplates", "RefkitModel"]),
        .target(name: "RefkitTestTools", path: "Tests/RefkitTestTools"),
        .testTarget(name: "RefkitQRTests", dependencies: ["RefkitQR", "RefkitTestTools"]),
        // Fixture kits are read from the source tree (#filePath), not bundled.
        .testTarget(
            name: "RefkitBuildTests", dependencies: ["RefkitBuild", "RefkitDeploy", "RefkitTemplates", "RefkitModel", "RefkitI18n", "RefkitPrint", "RefkitTestTools",
                                                     "ZIPFoundation"],
            exclude: ["Fixtures"]),
        .testTarget(name: "RefkitCLITests", dependencies: ["RefkitCLI", "RefkitBuild", "RefkitTestTools"]),
        .testTarget(name: "RefkitLedgerTests", dependencies: ["RefkitLedger", "RefkitModel"]),
        .testTarget(name: "RefkitOutboxTests", dependencies: ["RefkitOutbox", "RefkitModel"]),
        .testTarget(
            name: "RefkitReportTests", dependencies: ["RefkitReport", "RefkitI18n", "RefkitBuild", "RefkitLedger", "RefkitModel", "RefkitTestTools"],
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target exists only for scripts/fuzz (REFKIT_FUZZ=1): it has no main of its own
// (libFuzzer provides it), so an ordinary build could not link it.
if ProcessInfo.processInfo.environment["REFKIT_FUZZ"] == "1" {
    package.targets.append(.executableTarget(name: "RefkitFuzz", dependencies: ["RefkitBuild", "RefkitModel"], path: "Fuzz/RefkitFuzz"))
}
