// swift-tools-version:6.1
// The libFuzzer target of yanxiud, kept apart from the main package so that `swift build`
// there never needs -sanitize=fuzzer. Build and run with Fuzz/run (see the README).
import PackageDescription

let package = Package(
    name: "yanxiud-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "yanxiud", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "FuzzRequestPath",
            dependencies: [
                .product(name: "YanxiuServer", package: "yanxiud"),
                .product(name: "JSONRPC", package: "yanxiud"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // libFuzzer brings its own main(); the target only exports LLVMFuzzerTestOneInput.
            swiftSettings: [.swiftLanguageMode(.v6), .unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
