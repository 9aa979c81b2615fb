import ArgumentParser
import Foundation
import Logging
import SyncCore
import SyncService
import SyncStore

/// Options every command that talks to the systems takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("env-file"), help: "A .env file with configuration lines (default: ./.env, if present).")
    var envFile: String?

    @Option(name: .customLong("state"), help: "The SQLite state store file (overrides CRMSYNC_STATE_PATH; not used when STATE_URL is set).")
    var statePath: String?

    /// Loads the configuration and sets up logging.
    /// - Throws: `SyncError` `.configuration` naming every missing or invalid setting.
    func load() async throws -> (AppConfiguration, Logger) {
        var configuration = try await AppConfiguration.load(envFile: envFile ?? ".env", envFileRequired: envFile != nil)
        if let statePath { configuration.statePath = statePath }
        if configuration.stateURL == nil {
            // The SQLite store and its runner lock create this folder; a failure there would be an internal error.
            let folder = URL(fileURLWithPath: configuration.statePath).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw SyncError(
                    code: .stateStore, system: .stateStore,
                    message: "Cannot create the state store folder \(folder) (--state or CRMSYNC_STATE_PATH).")
            }
        }
        let logger = LoggingSetup.logger(format: configuration.logFormat, level: configuration.logLevel)
        return (configuration, logger)
    }
}

extension GlobalOptions {
    /// The configured state store: `STATE_URL` (PostgreSQL), else `--state`, `CRMSYNC_STATE_PATH` or the default file.
    /// - Throws: `SyncError` `.configuration` (bad `STATE_URL`, unreadable `.env`).
    func stateLocation() async throws -> StateStoreLocation {
        try await AppConfiguration.stateLocation(envFile: envFile ?? ".env", envFileRequired: envFile != nil, statePath: statePath)
    }

    /// Opens the existing state store for `body`'s duration, for the commands that only read it or change a dead
    /// letter (no credentials needed, no runner lock).
    /// - Throws: `SyncError` `.stateStore` when there is no SQLite file at the path or PostgreSQL cannot be reached;
    ///   `.configuration` when the PostgreSQL schema is not current (`crm-sync migrate`).
    func withExistingStore<R: Sendable>(_ body: (any StateStore) async throws -> R) async throws -> R {
        // Not bootstrapped here: a command may also load the configuration, which bootstraps logging once per process.
        let logger = Logger(label: "crm-sync.state", factory: { _ in SwiftLogNoOpLogHandler() })
        return try await stateLocation().withStore(logger: logger, lock: false, mustExist: true, body)
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
         flow.stoppedBy.map { "stopped: \($0.code.rawValue)" } ?? (flow.succeeded ? "ok" : "partial")]
    }
    print(table(["flow", "observed", "planned", "applied", "dead letters", "failed", "status"], rows))
    for flow in report.flows {
        if let error = flow.stoppedBy { printError("crm-sync: \(flow.flow.rawValue) stopped: \(error.description)") }
    }
}

/// The exit code of a pass: 0 when everything went through; 3 when a system was stopped by configuration; 6 when
/// one could not be used (credentials rejected, unreachable); 1 for dead letters, failures or a quota stop.
func passExitCode(_ report: PassReport) -> Int32 {
    let stops = report.flows.compactMap(\.stoppedBy)
    if stops.contains(where: { $0.code == .configuration }) { return ExitCodes.configuration }
    if stops.contains(where: { [.authenticationFailed, .connectionFailed, .timeout, .forbidden].contains($0.code) }) {
        return ExitCodes.systemUnavailable
    }
    return report.succeeded ? ExitCodes.success : ExitCodes.recordsFailed
}
