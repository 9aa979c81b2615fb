import ArgumentParser
import Foundation
import SyncCore
import SyncService
import SyncStore

/// `crm-sync reconcile --full`: read everything, ignore watermarks, repair what is missing.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Read all of each system, ignoring the watermarks, and repair what is missing or different.",
        discussion: """
            The same engine as `sync`, over everything: Closed Won deals without order or invoice get them, written-back \
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
            let outcome = try await withSyncRuntime(configuration: configuration, logger: logger, lock: !dryRun) { runtime in
                if dryRun {
                    return (result: Optional(try await runtime.engine.runPass(flows: flows.selected, mode: .full, dryRun: true)), ledElsewhere: [FlowLease]())
                }
                // On PostgreSQL the flows led by a running replica are left to it (its nightly full reconcile).
                return try await runtime.leadership(flows: flows.selected, logger: logger).once { led, store in
                    let report = try await runtime.engine.runPass(flows: led, mode: .full, store: store)
                    await runtime.alerts.deliver()
                    try await RunRecorder.record(report, kind: .full, in: store)
                    return report
                }
            }
            for lease in outcome.ledElsewhere {
                printError("crm-sync: \(lease.flow.rawValue) skipped: replica \(lease.holder) leads it (fencing token \(lease.fencingToken))")
            }
            guard let report = outcome.result else { throw ExitCode(ExitCodes.locked) }
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
