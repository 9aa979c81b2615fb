import ArgumentParser
import Foundation
import SyncCore
import SyncService

/// `crm-sync plan`: what the next sync would do, without doing it.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "List the actions the next sync would take, without applying any.",
        discussion: """
            Reads exactly what `sync --once` would read and prints the planned actions with their idempotency keys. \
            Nothing is written: not the systems, not the journal, not the watermarks.

            Examples:
              crm-sync plan
              crm-sync plan --flow stock --json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Flag(help: "Print the actions as JSON.")
    var json = false

    func run() async throws {
        do {
            let (configuration, logger) = try await global.load()
            let report = try await withSyncRuntime(configuration: configuration, logger: logger, lock: false) { runtime in
                try await runtime.engine.runPass(flows: flows.selected, dryRun: true)
            }
            try printActions(report, json: json)
            for flow in report.flows {
                if let error = flow.stoppedBy { printError("crm-sync: \(flow.flow.rawValue) could not be planned: \(error.description)") }
            }
            if passExitCode(report) != ExitCodes.success { throw ExitCode(passExitCode(report)) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}

/// Prints the planned actions of a dry-run report.
func printActions(_ report: PassReport, json: Bool) throws {
    let actions = report.flows.flatMap(\.plannedActions)
    if json {
        print(try jsonString(actions))
        return
    }
    if actions.isEmpty {
        // A flow that could not be read was reported above: nothing planned is then not "nothing to do".
        print(report.flows.contains { $0.stoppedBy != nil } ? "Nothing planned for the flows that could be read." : "Nothing to do.")
        return
    }
    print(table(["flow", "action", "record", "idempotency key"], actions.map {
        [$0.flow.rawValue, $0.operation.kind, $0.recordID, $0.idempotencyKey]
    }))
}
