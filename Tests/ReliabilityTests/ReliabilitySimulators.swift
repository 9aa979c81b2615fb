import Foundation
import Logging
import SimulatorKit
import Simulators
import SyncService

/// The four simulators on loopback for a reliability suite, and the configuration a user would point CRMSync at
/// them with.
///
/// Limits that would only make the suites wait are raised, and said so here: Zoho's 100 requests per minute and
/// 1,000 per day, Zoho's 10 access tokens per refresh token per 10 minutes (restarted `crm-sync sync` processes
/// share one through the token file, but a process killed between the token answer and the file write fetches
/// another), and Salesforce's daily API allowance. Behaviour under those limits is tested in
/// the connector tests and benchmarks.
enum ReliabilitySimulators {
    static let quietLogger = Logger(label: "crm-sync.reliability") { _ in SwiftLogNoOpLogHandler() }

    static func run<R: Sendable>(
        seed: SeedDataset, clock: (any SimulatorClock)? = nil,
        adjust: @Sendable (inout SimulatorSuite.Configuration) -> Void = { _ in },
        _ body: @Sendable (RunningSimulators) async throws -> R
    ) async throws -> R {
        var configuration = SimulatorSuite.Configuration()
        configuration.seed = seed
        configuration.clock = clock
        configuration.zoho.requestsPerWindow = 1_000_000
        configuration.zoho.dailyRequestLimit = 10_000_000
        configuration.zoho.accessTokensPerWindow = 100_000
        configuration.zoho.concurrencyLimit = 100
        configuration.salesforce.dailyApiRequestLimit = 10_000_000
        adjust(&configuration)
        return try await withSimulators(configuration, logger: quietLogger, body)
    }

    /// The environment a user would set from the sandbox's lines, on `statePath`, with short retry waits.
    static func environment(for running: RunningSimulators, statePath: String) -> [String: String] {
        var environment = running.environmentVariables
        environment["CRMSYNC_STATE_PATH"] = statePath
        environment["CRMSYNC_RETRY_BASE_MILLISECONDS"] = "5"
        environment["ZOHO_REQUESTS_PER_MINUTE"] = "1000000"
        environment["SF_MULTI_CURRENCY"] = "false"
        environment["CRMSYNC_DEFAULT_CURRENCY"] = ReliabilityDataset.currency
        environment["CRMSYNC_QUOTA_GUARD_PERCENT"] = "100"
        return environment
    }

    /// A fresh state-store path in a new temporary directory.
    static func freshStatePath(_ suite: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-sync-\(suite)-\(UUID().uuidString)/state.sqlite").path
    }

    /// Builds the product's runtime against `running` (the same assembly the CLI uses) and runs `body`.
    static func withRuntime<R: Sendable>(
        _ running: RunningSimulators, statePath: String, extra: [String: String] = [:],
        now: @escaping @Sendable () -> Date = { Date() },
        _ body: (SyncRuntime) async throws -> R
    ) async throws -> R {
        var environment = environment(for: running, statePath: statePath)
        for (key, value) in extra { environment[key] = value }
        try FileManager.default.createDirectory(
            atPath: (statePath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        return try await withSyncRuntime(configuration: configuration, logger: quietLogger, now: now, body)
    }
}

extension RunningSimulators {
    /// API requests the Salesforce, SAP and Zoho Books simulators answered so far (operator calls excluded).
    var apiRequestCount: Int {
        salesforce.requestLog.count() + sap.requestLog.count() + zoho.requestLog.count()
    }
}
