import ArgumentParser
import Foundation
import SyncCore
import SyncService

/// `crm-sync drift`: the three systems compared field by field, every difference with its repair.
struct DriftCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Compare Salesforce, SAP and Zoho Books field by field and list every difference with its repair.",
        discussion: """
            Reads all of each system page by page; nothing is written anywhere and
            no lock is taken. Lists Closed Won deals without SAP Sales Order or
            Zoho invoice; order and invoice numbers on Opportunities that do not
            exist in SAP or Zoho; amounts, line items or currencies that differ
            between Opportunity, Sales Order and invoice; Product2 stock that
            differs from SAP; payments in Zoho not on the Opportunity and the
            reverse; deals no longer Closed Won, or deleted, that still have an
            order or invoice; voided invoices.

            Each difference names the records in each system, the field, the
            values on each side and the repair: "reconcile --full: <action>"
            (run `crm-sync reconcile --full` to apply it) or "manual" with the
            reason CRMSync leaves it to people.

            Exit codes: 0 no drift, 2 drift found, others as every command
            (see `crm-sync --help`).

            Examples:
              crm-sync drift
              crm-sync drift --format csv --output drift.csv
              crm-sync drift --format json --flow stock
            """)

    /// The output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Option(help: "Output format: table, json or csv (RFC 4180).")
    var format: Format = .table

    @Option(name: .customLong("output"), help: "Write the report to this file instead of standard output.")
    var output: String?

    /// Refuses an `--output` that cannot be written before the systems are read (a full scan can take minutes).
    func validate() throws {
        guard let output else { return }
        var isDirectory: ObjCBool = false
        let url = URL(fileURLWithPath: output)
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("--output \(output) is a directory; name a file")
        }
        let folder = url.deletingLastPathComponent().path
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw ValidationError("--output \(output): the folder \(folder) does not exist or is not writable")
        }
    }

    func run() async throws {
        do {
            let (configuration, logger) = try await global.load()
            let report = try await withSyncRuntime(configuration: configuration, logger: logger, lock: false) { runtime in
                try await DriftDetector(runtime: runtime, flows: flows.selected).detect()
            }
            let text = try render(report)
            if let output {
                do {
                    try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                    // The report names customers and amounts: readable by its owner only, like `state export`.
                    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
                } catch {
                    printError("crm-sync: cannot write the drift report to \(output): \((error as NSError).localizedDescription)")
                    throw ExitCode(ExitCodes.internalError)
                }
                printError("crm-sync: \(report.items.count) differences written to \(output)")
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
            if report.hasDrift { throw ExitCode(ExitCodes.driftFound) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }

    private func render(_ report: DriftReport) throws -> String {
        switch format {
        case .json: return try report.json()
        case .csv: return report.csv()
        case .table:
            guard report.hasDrift else { return "No drift: the systems agree." }
            return table(DriftReport.tableColumns, report.tableRows) + "\n\n\(report.items.count) differences: \(report.countsSummary)"
        }
    }
}
