import ArgumentParser
import Foundation
import SyncCore
import SyncService

/// `crm-sync reconcile --full`: read everything, ignore watermarks, repair what is missing.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Read all of each system, ignoring the watermarks, and repair what is missing or different.",
        discussion: """
            The same engine as `sync`, over everything: Closed Won deals without order or invoice get them, written-back
            numbers are corrected, stock is compared product by product. Pages are streamed, so memory stays bounded.

            Examples:
              crm-sync reconcile --full --dry-run
              crm-sync reconcile --full --flow stock
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Flag(help: "Required: read everything (the only mode today).")
    var full = false

    @Flag(name: .customLong("dry-run"), help: "Only print the actions.")
    var dryRun = false

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        guard full else { throw ValidationError("reconcile needs --full") }
    }

    func run() async throws {
        do {
            let (configuration, logger) = try await global.load()
            let report = try await withSyncRuntime(configuration: configuration, logger: logger, lock: !dryRun) { runtime in
                let report = try await runtime.engine.runPass(flows: flows.selected, mode: .full, dryRun: dryRun)
                if !dryRun {
                    await runtime.alerts.deliver()
                    try await RunRecorder.record(report, kind: .full, in: runtime.store)
                }
                return report
            }
            if dryRun {
                try printActions(report, json: json)
                for flow in report.flows {
                    if let error = flow.stoppedBy { printError("crm-sync: \(flow.flow.rawValue) stopped: \(error.description)") }
                }
            } else {
                try printReport(report, json: json)
            }
            if passExitCode(report) != ExitCodes.success { throw ExitCode(passExitCode(report)) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}
