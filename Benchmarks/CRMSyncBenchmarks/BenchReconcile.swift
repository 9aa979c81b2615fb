import Foundation
import Logging
import SyncCore
import SyncService

/// `crm-sync-bench reconcile --full`: the engine pass of `crm-sync reconcile --full` (all flows, configuration from
/// the environment), for builds that did not build the `crm-sync` product. Exits 1 when a flow did not succeed.
enum BenchReconcile {
    static func run() async throws {
        let logger = Logger(label: "crm-sync.bench.reconcile") { _ in SwiftLogNoOpLogHandler() }
        let configuration = try await AppConfiguration.load(environment: ProcessInfo.processInfo.environment, envFile: "/nonexistent/.env")
        let report = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
            let report = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases), mode: .full)
            await runtime.alerts.deliver()
            return report
        }
        if !report.succeeded { exit(1) }
    }
}
