import Foundation
import Logging
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore

/// The simulators and a runtime pointed at them, as a user would run CRMSync, for one benchmark.
struct BenchmarkEnvironment: Sendable {
    let running: RunningSimulators
    let runtime: SyncRuntime

    static let logger = Logger(label: "crm-sync.bench") { _ in SwiftLogNoOpLogHandler() }

    static func run<R: Sendable>(
        seed: SeedDataset, zohoPerMinute: Int = 60_000, zohoWindowSeconds: Double = 60, _ body: @Sendable (BenchmarkEnvironment) async throws -> R
    ) async throws -> R {
        var configuration = SimulatorSuite.Configuration()
        configuration.seed = seed
        configuration.zoho.requestsPerWindow = Int(Double(zohoPerMinute) * zohoWindowSeconds / 60)
        configuration.zoho.rateWindowSeconds = zohoWindowSeconds
        configuration.zoho.dailyRequestLimit = 10_000_000
        configuration.salesforce.dailyApiRequestLimit = 10_000_000
        return try await withSimulators(configuration, logger: logger) { (running: RunningSimulators) async throws -> R in
            var environment = running.environmentVariables
            environment["CRMSYNC_STATE_PATH"] = FileManager.default.temporaryDirectory
                .appendingPathComponent("crm-sync-bench-\(UUID().uuidString)/state.sqlite").path
            environment["SF_MULTI_CURRENCY"] = "true"
            environment["ZOHO_REQUESTS_PER_MINUTE"] = "\(zohoPerMinute)"
            environment["CRMSYNC_RETRY_BASE_MILLISECONDS"] = "10"
            let appConfiguration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
            return try await withSyncRuntime(configuration: appConfiguration, logger: logger) { (runtime: SyncRuntime) async throws -> R in
                try await body(BenchmarkEnvironment(running: running, runtime: runtime))
            }
        }
    }

    /// Resets every simulator's request log.
    func resetCounts() {
        running.salesforce.requestLog.reset()
        running.sap.requestLog.reset()
        running.zoho.requestLog.reset()
    }

    /// Requests per system since the last reset, token endpoints excluded (they are not API calls in the
    /// vendors' quotas).
    func calls() -> (salesforce: Int, sap: Int, zoho: Int) {
        func apiCalls(_ log: RequestLog) -> Int {
            log.entries.filter { !$0.path.contains("oauth") && !$0.path.contains("token") }.count
        }
        return (apiCalls(running.salesforce.requestLog), apiCalls(running.sap.requestLog), apiCalls(running.zoho.requestLog))
    }
}
