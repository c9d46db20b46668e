// swift-tools-version: 6.0
// The two CSV libraries issue 7 names, read side by side on the same ledger (not part of refkit's
// build: `scripts/bench-ledger --libraries` builds and runs it).
import PackageDescription

let package = Package(
    name: "CSVLibraries",
    dependencies: [
        .package(url: "https://github.com/swiftcsv/SwiftCSV.git", exact: "0.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(name: "csv-bench", dependencies: [
            .product(name: "SwiftCSV", package: "SwiftCSV"),
            .product(name: "CSV", package: "CSV.swift"),
        ]),
    ]
)
