import ArgumentParser
import Foundation
import SyncCore
import SyncService
import SyncStore

/// `crm-sync backfill --from DATE [--to DATE]`: run flows over a window without moving the live watermarks.
struct BackfillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backfill",
        abstract: "Run flows over a window of source timestamps without moving the live watermarks.",
        discussion: """
            Dates are UTC, as yyyy-MM-dd or an ISO 8601 instant. The live watermarks are not moved. Re-running a window \
            is safe: what was done is found in the state store and not done again.

            Resumable: after each committed page the window's cursor is saved (stream backfill.<flow>.<from>-<to>); \
            running the same window again resumes from it and says so, --restart starts at --from, and a finished \
            window's cursor is removed. The stock flow has no time window: it compares all stock and writes only \
            differences.

            Progress goes to standard error: a bar redrawn in place on a terminal, otherwise a line every \
            --progress-interval seconds, with records read, applied and dead-lettered, the rate and the time left.

            Examples:
              crm-sync backfill --from 2026-10-01 --to 2026-11-01 --flow orders --flow invoices
              crm-sync backfill --from 2026-11-29T00:00:00Z --flow payments
              crm-sync backfill --from 2026-10-01 --to 2026-11-01 --restart --json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var flows: FlowOptions

    @Option(help: "Start of the window (inclusive, UTC).")
    var from: String

    @Option(help: "End of the window (exclusive, UTC); default: now.")
    var to: String?

    @Flag(help: "Ignore the saved cursor of an interrupted run of this window and start at --from.")
    var restart = false

    @Option(help: "Seconds between progress lines when standard error is not a terminal.")
    var progressInterval: Double = 10

    @Flag(help: "Print the report as JSON.")
    var json = false

    static func parse(_ text: String) throws -> Date {
        if let day = CalendarDate(iso8601: text) { return day.startOfDayUTC }
        if let instant = ISO8601DateFormatter().date(from: text) { return instant }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions.insert(.withFractionalSeconds)
        if let instant = fractional.date(from: text) { return instant }
        throw ValidationError("'\(text)' is not a date (yyyy-MM-dd) or ISO 8601 instant")
    }

    func validate() throws {
        let start = try Self.parse(from)
        if let to, try Self.parse(to) <= start { throw ValidationError("--to must be after --from") }
        // Before 1970 the window minus the overlap is a date SOQL and Zoho's filters reject (year 0000).
        if start < Date(timeIntervalSince1970: 0) { throw ValidationError("--from \(from) is before 1970-01-01") }
        if start >= Date() { throw ValidationError("--from \(from) is in the future; nothing has changed there yet") }
        if !(progressInterval > 0 && progressInterval.isFinite) { throw ValidationError("--progress-interval must be more than 0 seconds") }
    }

    /// Clears the window's cursors (`--restart`) or announces the resume; returns the earliest saved cursor.
    static func prepareCursors(
        flows: Set<SyncFlow>, from: Date, to: Date?, restart: Bool, store: any StateStore
    ) async throws -> Date? {
        if restart {
            try await BackfillCursor.clear(flows: flows, from: from, to: to, in: store)
            return nil
        }
        let saved = try await BackfillCursor.saved(flows: flows, from: from, to: to, in: store)
        guard let earliest = saved.values.min() else { return nil }
        let names = saved.keys.sorted().map(\.rawValue).joined(separator: ", ")
        printError("crm-sync: resuming the backfill of \(names) from \(ISO8601DateFormatter().string(from: earliest)), where an interrupted run of this window stopped (--restart starts over)")
        return earliest
    }

    func run() async throws {
        do {
            let start = try Self.parse(from)
            let end = try to.map(Self.parse)
            let (configuration, logger) = try await global.load()
            let selected = flows.selected
            let (restart, interval) = (restart, progressInterval)
            let outcome = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                // On PostgreSQL the window runs only for the flows this process can lease, on the fenced store.
                try await runtime.leadership(flows: selected, logger: logger).once { led, store in
                    let resumeAt = try await Self.prepareCursors(flows: led, from: start, to: end, restart: restart, store: store)
                    let display = BackfillProgress(
                        style: isatty(STDERR_FILENO) != 0 ? .bar(width: 30) : .lines(every: interval),
                        window: (resumeAt ?? start, end ?? Date()), now: { Date() },
                        write: { FileHandle.standardError.write(Data($0.utf8)) })
                    let report = try await runtime.engine.runPass(
                        flows: led, mode: .backfill(from: start, to: end), store: store,
                        progress: { await display.update($0) })
                    await display.finish()
                    await runtime.alerts.deliver()
                    try await RunRecorder.record(report, kind: .backfill, in: store)
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
