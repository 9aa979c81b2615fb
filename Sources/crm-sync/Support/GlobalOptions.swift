import ArgumentParser
import Foundation
import Logging
import SyncCore
import SyncService

/// Options every command that talks to the systems takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("env-file"), help: "A .env file with configuration lines (default: ./.env, if present).")
    var envFile: String = ".env"

    @Option(name: .customLong("state"), help: "The state store file (overrides CRMSYNC_STATE_PATH).")
    var statePath: String?

    /// Loads the configuration and sets up logging.
    /// - Throws: `SyncError` `.configuration` naming every missing or invalid setting.
    func load() async throws -> (AppConfiguration, Logger) {
        var configuration = try await AppConfiguration.load(envFile: envFile)
        if let statePath { configuration.statePath = statePath }
        let logger = LoggingSetup.logger(format: configuration.logFormat, level: configuration.logLevel)
        return (configuration, logger)
    }
}

/// Flows chosen with `--flow` (repeatable); all four when none is given.
struct FlowOptions: ParsableArguments {
    @Option(name: .customLong("flow"), help: "Only this flow: orders, invoices, stock or payments (repeatable).")
    var flows: [SyncFlow] = []

    var selected: Set<SyncFlow> { flows.isEmpty ? Set(SyncFlow.allCases) : Set(flows) }
}

extension SyncFlow: ExpressibleByArgument {}

/// Prints a pass report as a table or JSON.
func printReport(_ report: PassReport, json: Bool) throws {
    if json {
        print(try jsonString(report))
        return
    }
    let rows = report.flows.map { flow in
        [flow.flow.rawValue, "\(flow.observed)", "\(flow.planned)", "\(flow.applied)", "\(flow.dead)", "\(flow.failed)",
         flow.stoppedBy.map { "stopped: \($0.code.rawValue)" } ?? "ok"]
    }
    print(table(["flow", "observed", "planned", "applied", "dead letters", "failed", "status"], rows))
}
