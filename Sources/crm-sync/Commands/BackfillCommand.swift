import ArgumentParser
import Foundation
import SyncCore
import SyncService

/// `crm-sync backfill --from DATE [--to DATE]`: run flows over a window without moving the live watermarks.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Run flows over a window of source timestamps without moving the live watermarks.",
        discussion: """
            Dates are UTC, as yyyy-MM-dd or an ISO 8601 instant. Re-running a window is safe: what was done is found in
            the state store and not done again.

            Examples:
              crm-sync backfill --from 2026-10-01 --to 2026-11-01 --flow orders --flow invoices
              crm-sync backfill --from 2026-11-29T00:00:00Z --flow payments
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Option(help: "Start of the window (inclusive, UTC).")
    var from: String

    @Option(help: "End of the window (exclusive, UTC); default: now.")
    var to: String?

    @Flag(help: "Print JSON.")
    var json = false

    static func parse(_ text: String) throws -> Date {
        if let day = CalendarDate(iso8601: text) { return day.startOfDayUTC }
        if let instant = ISO8601DateFormatter().date(from: text) { return instant }
        throw ValidationError("'\(text)' is not a date (yyyy-MM-dd) or ISO 8601 instant")
    }

    func validate() throws {
        let start = try Self.parse(from)
        if let to, try Self.parse(to) <= start { throw ValidationError("--to must be after --from") }
    }

    func run() async throws {
        do {
            let start = try Self.parse(from)
            let end = try to.map(Self.parse)
            let (configuration, logger) = try await global.load()
            let report = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                let report = try await runtime.engine.runPass(flows: flows.selected, mode: .backfill(from: start, to: end))
                await runtime.alerts.deliver()
                try await RunRecorder.record(report, kind: .backfill, in: runtime.store)
                return report
            }
            try printReport(report, json: json)
            if passExitCode(report) != ExitCodes.success { throw ExitCode(passExitCode(report)) }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}
