// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "yanxiud",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "yanxiud", targets: ["yanxiud"]),
        .executable(name: "yanxiuctl", targets: ["yanxiuctl"]),
        .executable(name: "yanxiu-bench-certs", targets: ["yanxiu-bench-certs"]),
        // For the fuzz package under Fuzz/, which drives the daemon's request path in process.
        .library(name: "YanxiuServer", targets: ["YanxiuServer"]),
        .library(name: "JSONRPC", targets: ["JSONRPC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        // PostgreSQL's own client library (Debian's libpq-dev): connection strings, several hosts,
        // target_session_attrs, TLS and password files as every PostgreSQL tool reads them.
        .systemLibrary(
            name: "CLibpq",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Locking", swiftSettings: strict),
        .target(name: "CSV", swiftSettings: strict),
        .target(name: "CSpawn"),
        .target(name: "UnixSocket", swiftSettings: strict),
        .target(
            name: "Systemd",
            dependencies: [
                "CSystemd", "Locking",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(name: "JSONValues", swiftSettings: strict),
        // A thin, synchronous Swift face of libpq: one connection, prepared statements, typed rows.
        .target(name: "Postgres", dependencies: ["CLibpq"], swiftSettings: strict),
        // A throwaway PostgreSQL cluster in a folder of its own (initdb, pg_ctl): for tests and benchmarks.
        .target(name: "PostgresCluster", swiftSettings: strict),
        .target(name: "JSONRPC", dependencies: ["JSONValues"], swiftSettings: strict),
        // The credential and its offline checks: what `yanxiuctl certificates verify` links, no store.
        .target(
            name: "YanxiuCredentials",
            dependencies: [
                "JSONValues", "CZlib",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Yanxiu",
            dependencies: [
                "JSONValues", "YanxiuCredentials", "CSV", "Locking", "CSpawn", "CQRencode", "Postgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "YanxiuServer",
            dependencies: [
                "JSONRPC", "Yanxiu", "Systemd", "Locking", "UnixSocket", "Postgres",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .target(name: "YanxiuClient", dependencies: ["JSONRPC", "UnixSocket"], swiftSettings: strict),
        .executableTarget(
            name: "yanxiud",
            dependencies: [
                "YanxiuServer", "Yanxiu",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "yanxiu-bench-certs",
            dependencies: [
                "Yanxiu",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "yanxiuctl",
            dependencies: [
                "YanxiuClient", "JSONRPC", "YanxiuCredentials", "CSV",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "yanxiu-bench",
            dependencies: [
                "Yanxiu", "YanxiuClient", "JSONRPC", "Postgres", "PostgresCluster",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "yanxiu-demo",
            dependencies: [
                "YanxiuClient", "JSONRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "JSONValuesTests", dependencies: ["JSONValues"], swiftSettings: strict),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"], swiftSettings: strict),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", "UnixSocket"], swiftSettings: strict),
        .testTarget(
            name: "YanxiuTests",
            dependencies: [
                "Yanxiu", "YanxiuCredentials", "CSV", "JSONRPC", "Locking", "Postgres", "PostgresCluster",
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "YanxiuCredentialsTests",
            dependencies: ["YanxiuCredentials", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "YanxiuServerTests",
            dependencies: [
                "YanxiuServer", "JSONRPC", "Locking",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresCluster"], swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["YanxiuClient", "JSONRPC", "Locking", "UnixSocket", "PostgresCluster", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["Authorisation/expected.tsv"],
            swiftSettings: strict
        ),
    ]
)
