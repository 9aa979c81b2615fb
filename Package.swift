// swift-tools-version: 6.0
import PackageDescription

/// CRMSync: a polling change-data-capture reconciler between Salesforce, SAP S/4HANA and Zoho Books.
///
/// Targets, from the pure core outwards:
/// - `SyncCore`: domain model, reconcile planners, ports (gateway protocols), `SyncError`. No I/O.
/// - `SyncStore`: the state store (SQLite through GRDB, the default; PostgreSQL through postgres-nio) and flow leases.
/// - `SyncHTTP`: the one HTTP layer (retry, pacing, tokens, metrics, redaction) over AsyncHTTPClient.
/// - `SalesforceConnector`, `SAPConnector`, `ZohoBooksConnector`, `SlackNotifier`: one module per vendor.
/// - `SyncService`: the engine runner, polling service, status endpoint and assembly.
/// - `SimulatorKit` + one simulator per vendor + `Simulators` (the suite behind `crm-sync sandbox`).
/// - `crm-sync`: the command-line tool.
// Products used by several targets.
let log = Target.Dependency.product(name: "Logging", package: "swift-log")
let metrics = Target.Dependency.product(name: "Metrics", package: "swift-metrics")
let ahc = Target.Dependency.product(name: "AsyncHTTPClient", package: "async-http-client")
let nioHTTP1 = Target.Dependency.product(name: "NIOHTTP1", package: "swift-nio")
let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting = Target.Dependency.product(name: "HummingbirdTesting", package: "hummingbird")
let httpTypes = Target.Dependency.product(name: "HTTPTypes", package: "swift-http-types")
let serviceLifecycle = Target.Dependency.product(name: "ServiceLifecycle", package: "swift-service-lifecycle")

let package = Package(
    name: "crm-sync",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "crm-sync", targets: ["crm-sync"]),
        .executable(name: "crm-sync-bench", targets: ["CRMSyncBenchmarks"]),
        .library(name: "Simulators", targets: ["Simulators"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-configuration.git", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // MARK: Core and state
        .target(name: "SyncCore"),
        .target(
            name: "SyncStore",
            dependencies: ["SyncCore", grdb, log, serviceLifecycle, .product(name: "PostgresNIO", package: "postgres-nio")]
        ),

        // MARK: HTTP layer and connectors
        .target(
            name: "SyncHTTP",
            dependencies: [
                "SyncCore", ahc, log, metrics,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                nioHTTP1,
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(
            name: "SalesforceConnector",
            dependencies: ["SyncCore", "SyncHTTP", ahc, nioHTTP1, log, metrics, .product(name: "JWTKit", package: "jwt-kit")]
        ),
        .target(name: "SAPConnector", dependencies: ["SyncCore", "SyncHTTP", ahc, nioHTTP1, log, metrics]),
        .target(
            name: "ZohoBooksConnector",
            dependencies: [
                "SyncCore", "SyncHTTP", ahc, nioHTTP1, log, metrics, .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(name: "SlackNotifier", dependencies: ["SyncCore", "SyncHTTP", ahc, nioHTTP1, log, metrics]),

        // MARK: Engine, service, CLI
        .target(
            name: "SyncService",
            dependencies: [
                "SyncCore", "SyncStore", "SyncHTTP",
                "SalesforceConnector", "SAPConnector", "ZohoBooksConnector", "SlackNotifier",
                ahc, log, metrics, hummingbird, serviceLifecycle,
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .executableTarget(
            name: "crm-sync",
            dependencies: [
                "SyncCore", "SyncStore", "SyncService", "Simulators", "SimulatorKit", "SalesforceSimulator",
                "ZohoBooksSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                log, metrics, serviceLifecycle,
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),

        .executableTarget(
            name: "CRMSyncBenchmarks",
            dependencies: [
                "SyncCore", "SyncService", "SyncStore", "Simulators", "SimulatorKit", log, ahc,
                .product(name: "JWTKit", package: "jwt-kit"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/CRMSyncBenchmarks"
        ),

        // MARK: Simulators (never import a connector)
        .target(
            name: "SimulatorKit",
            dependencies: [
                hummingbird, httpTypes, log, serviceLifecycle,
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/seed-dataset.json")]
        ),
        .target(
            name: "SalesforceSimulator",
            dependencies: ["SimulatorKit", hummingbird, httpTypes, .product(name: "JWTKit", package: "jwt-kit")]
        ),
        .target(
            name: "SAPSimulator",
            dependencies: ["SimulatorKit", hummingbird, httpTypes],
            resources: [.copy("Resources/edmx")]
        ),
        .target(name: "ZohoBooksSimulator", dependencies: ["SimulatorKit", hummingbird]),
        .target(name: "SlackSimulator", dependencies: ["SimulatorKit", hummingbird]),
        .target(
            name: "Simulators",
            dependencies: [
                "SimulatorKit", "SalesforceSimulator", "SAPSimulator", "ZohoBooksSimulator", "SlackSimulator", log,
            ]
        ),

        // MARK: Tests
        .testTarget(name: "SyncCoreTests", dependencies: ["SyncCore"]),
        .testTarget(
            name: "SyncStoreTests",
            dependencies: ["SyncStore", "SyncCore", grdb, log, .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "SyncHTTPTests",
            dependencies: [
                "SyncHTTP", "SyncCore", ahc, hummingbird, httpTypes, log, metrics, nioHTTP1,
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SalesforceConnectorTests",
            dependencies: [
                "SalesforceConnector", "SyncCore", "SyncHTTP", "SalesforceSimulator", "SimulatorKit", ahc, hummingbird,
                httpTypes, log, nioHTTP1, .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "SAPConnectorTests",
            dependencies: ["SAPConnector", "SyncCore", "SyncHTTP", "SAPSimulator", "SimulatorKit", ahc, log, nioHTTP1]
        ),
        .testTarget(
            name: "ZohoBooksConnectorTests",
            dependencies: [
                "ZohoBooksConnector", "SyncCore", "SyncHTTP", "ZohoBooksSimulator", "SimulatorKit", ahc, log, metrics,
                nioHTTP1,
            ]
        ),
        .testTarget(
            name: "SlackNotifierTests",
            dependencies: [
                "SlackNotifier", "SyncCore", "SyncHTTP", "SlackSimulator", "SimulatorKit", ahc, hummingbird, httpTypes,
                log, nioHTTP1,
            ]
        ),
        .testTarget(
            name: "SalesforceSimulatorTests",
            dependencies: [
                "SalesforceSimulator", "SimulatorKit", hummingbird, hummingbirdTesting, httpTypes,
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .testTarget(
            name: "SAPSimulatorTests",
            dependencies: ["SAPSimulator", "SimulatorKit", hummingbird, hummingbirdTesting, httpTypes]
        ),
        .testTarget(
            name: "ZohoBooksSimulatorTests",
            dependencies: ["ZohoBooksSimulator", "SimulatorKit", hummingbird, hummingbirdTesting]
        ),
        .testTarget(
            name: "SlackSimulatorTests",
            dependencies: ["SlackSimulator", "SimulatorKit", hummingbird, hummingbirdTesting, log]
        ),
        .testTarget(
            name: "SimulatorKitTests",
            dependencies: [
                "SimulatorKit", "Simulators", hummingbird, log,
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "SyncService", "SyncCore", "SyncStore", "Simulators", "SimulatorKit", "SalesforceSimulator",
                "SAPSimulator", "ZohoBooksSimulator", "SlackSimulator", log,
            ]
        ),
        .testTarget(
            name: "SyncServiceTests",
            dependencies: [
                "SyncService", "SyncCore", "SyncStore", "Simulators", "SimulatorKit", "SalesforceSimulator",
                "SAPSimulator", "ZohoBooksSimulator", "SlackSimulator", log, metrics,
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ]
)
