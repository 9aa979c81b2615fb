import ArgumentParser
import Foundation
import SyncCore
import SyncService

/// `crm-sync sync --once`: one incremental pass.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Run one incremental pass of the flows and exit.",
        discussion: """
            Reads each stream from its watermark, plans and applies what is missing, and moves the watermarks. \
            The exit code is 0 when everything went through and 1 when some record failed or a system was stopped.

            Examples:
              crm-sync sync --once
              crm-sync sync --once --flow orders --flow invoices
              crm-sync sync --once --flow stock --json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Flag(help: "Run one pass and exit (the only mode of `sync`; `run` is the loop).")
    var once = false

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        do {
            let (configuration, logger) = try await global.load()
            let outcome = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                // On PostgreSQL the flows led by a running replica are skipped; on SQLite this process leads all.
                try await runtime.leadership(flows: flows.selected, logger: logger).once { led, store in
                    let report = try await runtime.engine.runPass(flows: led, store: store)
                    await runtime.alerts.deliver()
                    try await RunRecorder.record(report, kind: .incremental, in: store)
                    return report
                }
            }
            for lease in outcome.ledElsewhere {
                printError("crm-sync: \(lease.flow.rawValue) skipped: replica \(lease.holder) leads it (fencing token \(lease.fencingToken))")
            }
            guard let report = outcome.result else { throw ExitCode(ExitCodes.locked) }
            try printReport(report, json: json)
            if passExitCode(report) != ExitCodes.success { throw ExitCode(passExitCode(report)) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}
