// swift-tools-version: 6.0
import PackageDescription

/// CRMSync: a polling change-data-capture reconciler between Salesforce, SAP S/4HANA and Zoho Books.
///
/// Targets, from the pure core outwards:
/// - `SyncCore`: domain model, reconcile planners, ports (gateway protocols), `SyncError`. No I/O.
/// - `SyncStore`: the state store (SQLite through GRDB).
/// - `SyncHTTP`: the one HTTP layer (retry, pacing, tokens, metrics, redaction) over AsyncHTTPClient.
/// - `SalesforceConnector`, `SAPConnector`, `ZohoBooksConnector`, `SlackNotifier`: one module per vendor.
/// - `SyncService`: the engine runner, polling service, status endpoint and assembly.
/// - `SimulatorKit` + one simulator per vendor + `Simulators` (the suite behind `crm-sync sandbox`).
/// - `crm-sync`: the command-line tool.
let package = Package(
    name: "crm-sync",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "crm-sync", targets: ["crm-sync"]),
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
    ],
    targets: [
        // MARK: Core and state
        .target(name: "SyncCore"),
        .target(
            name: "SyncStore",
            dependencies: [
                "SyncCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: HTTP layer and connectors
        .target(
            name: "SyncHTTP",
            dependencies: [
                "SyncCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "SalesforceConnector",
            dependencies: [
                "SyncCore", "SyncHTTP",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "SAPConnector",
            dependencies: ["SyncCore", "SyncHTTP", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "ZohoBooksConnector",
            dependencies: ["SyncCore", "SyncHTTP", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "SlackNotifier",
            dependencies: ["SyncCore", "SyncHTTP", .product(name: "Logging", package: "swift-log")]
        ),

        // MARK: Engine, service, CLI
        .target(
            name: "SyncService",
            dependencies: [
                "SyncCore", "SyncStore", "SyncHTTP",
                "SalesforceConnector", "SAPConnector", "ZohoBooksConnector", "SlackNotifier",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        .executableTarget(
            name: "crm-sync",
            dependencies: [
                "SyncCore", "SyncStore", "SyncService", "Simulators",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),

        // MARK: Simulators (never import a connector)
        .target(
            name: "SimulatorKit",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/seed-dataset.json")]
        ),
        .target(
            name: "SalesforceSimulator",
            dependencies: [
                "SimulatorKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .target(
            name: "SAPSimulator",
            dependencies: ["SimulatorKit", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources/edmx")]
        ),
        .target(
            name: "ZohoBooksSimulator",
            dependencies: ["SimulatorKit", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(
            name: "SlackSimulator",
            dependencies: ["SimulatorKit", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .target(
            name: "Simulators",
            dependencies: [
                "SimulatorKit", "SalesforceSimulator", "SAPSimulator", "ZohoBooksSimulator", "SlackSimulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Tests
        .testTarget(name: "SyncCoreTests", dependencies: ["SyncCore"]),
        .testTarget(name: "SyncStoreTests", dependencies: ["SyncStore", "SyncCore"]),
        .testTarget(name: "SyncHTTPTests", dependencies: [
            "SyncHTTP", "SyncCore",
            .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .testTarget(name: "SalesforceConnectorTests", dependencies: ["SalesforceConnector", "SyncCore", "SyncHTTP", "Simulators"]),
        .testTarget(name: "SAPConnectorTests", dependencies: ["SAPConnector", "SyncCore", "SyncHTTP", "Simulators"]),
        .testTarget(name: "ZohoBooksConnectorTests", dependencies: ["ZohoBooksConnector", "SyncCore", "SyncHTTP", "Simulators"]),
        .testTarget(name: "SlackNotifierTests", dependencies: ["SlackNotifier", "SyncCore", "SyncHTTP", "Simulators"]),
        .testTarget(name: "SalesforceSimulatorTests", dependencies: [
            "SalesforceSimulator", "SimulatorKit",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "JWTKit", package: "jwt-kit"),
        ]),
        .testTarget(name: "SAPSimulatorTests", dependencies: [
            "SAPSimulator", "SimulatorKit", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "ZohoBooksSimulatorTests", dependencies: [
            "ZohoBooksSimulator", "SimulatorKit", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "SlackSimulatorTests", dependencies: [
            "SlackSimulator", "SimulatorKit", .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "SimulatorKitTests", dependencies: ["SimulatorKit", "Simulators"]),
        .testTarget(name: "SyncServiceTests", dependencies: [
            "SyncService", "SyncCore", "SyncStore", "Simulators", "SimulatorKit", "SalesforceSimulator", "SAPSimulator",
            "ZohoBooksSimulator", "SlackSimulator",
        ]),
    ]
)
