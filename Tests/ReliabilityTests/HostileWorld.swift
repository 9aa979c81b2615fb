import Foundation
import Logging
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore

/// The product end to end for the hostile-input and canary suites: the four simulators on loopback, loaded with
/// a dataset the suite builds, and a runtime pointed at them through the environment names a user sets.
struct HostileWorld: Sendable {
    let running: RunningSimulators
    let runtime: SyncRuntime
    let seed: SeedDataset
    /// The state file of this run (SQLite, WAL beside it).
    let statePath: String
    /// The configuration lines the runtime was built from (secrets included), for child `crm-sync` processes.
    let environment: [String: String]

    static let quietLogger = Logger(label: "crm-sync.reliability") { _ in SwiftLogNoOpLogHandler() }

    /// Starts the simulators with `seed`, builds the runtime on a fresh state file, runs `body`.
    /// - Parameters:
    ///   - simulators: changes to the suite's configuration (credentials, limits).
    ///   - environment: values that override the sandbox's configuration lines.
    ///   - logger: the runtime's logger (the simulators' host stays quiet).
    static func run<R: Sendable>(
        seed: SeedDataset, simulators: (inout SimulatorSuite.Configuration) -> Void = { _ in },
        environment: @escaping @Sendable (RunningSimulators) -> [String: String] = { _ in [:] },
        logger: Logger = quietLogger,
        _ body: @Sendable (HostileWorld) async throws -> R
    ) async throws -> R {
        var configuration = SimulatorSuite.Configuration()
        // Zoho's real limit (100 per minute) would make every pass wait; pacing is tested elsewhere.
        configuration.zoho.requestsPerWindow = 6000
        configuration.zoho.dailyRequestLimit = 1_000_000
        configuration.seed = seed
        simulators(&configuration)
        let suite = configuration
        return try await withSimulators(suite, logger: quietLogger) { (running: RunningSimulators) async throws -> R in
            let statePath = FileManager.default.temporaryDirectory
                .appendingPathComponent("crm-sync-reliability-\(UUID().uuidString)/state.sqlite").path
            var values = running.environmentVariables
            values["CRMSYNC_STATE_PATH"] = statePath
            values["CRMSYNC_RETRY_BASE_MILLISECONDS"] = "5"
            values["ZOHO_REQUESTS_PER_MINUTE"] = "6000"
            values["SF_MULTI_CURRENCY"] = seed.organization.multiCurrency ? "true" : "false"
            values["CRMSYNC_DEFAULT_CURRENCY"] = seed.organization.defaultCurrency
            for (key, value) in environment(running) { values[key] = value }
            let app = try await AppConfiguration.load(environment: values, envFile: "/nonexistent/.env")
            let lines = values
            return try await withSyncRuntime(configuration: app, logger: logger) { (runtime: SyncRuntime) async throws -> R in
                try await body(HostileWorld(running: running, runtime: runtime, seed: seed, statePath: statePath, environment: lines))
            }
        }
    }

    /// The Salesforce Id of a seeded record (`opportunity:<key>`, `account:<key>`, `product:<code>`).
    func id(_ key: String) -> String {
        running.salesforce.seedId(key) ?? "missing-\(key)"
    }

    /// The open dead letters about `recordID` in `flow`.
    func openDeadLetters(record recordID: String, flow: SyncFlow) async throws -> [DeadLetter] {
        try await runtime.store.deadLetters(status: .open).filter { $0.recordID == recordID && $0.flow == flow.rawValue }
    }

    /// The journal rows about `recordID`.
    func journal(record recordID: String) async throws -> [JournalEntry] {
        try await runtime.store.recentJournal(limit: 100_000).filter { $0.recordID == recordID }
    }
}
