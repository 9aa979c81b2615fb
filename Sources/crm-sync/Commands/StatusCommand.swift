import ArgumentParser
import Foundation
import SyncCore
import SyncService
import SyncStore

/// `crm-sync status`: watermarks, lag, last runs and dead letters.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show per flow the watermark, its lag behind now, the last run and the dead letters waiting.",
        discussion: """
            Reads only the state store; it does not call any system and takes no lock, so it works while `run` is going.

            Examples:
              crm-sync status
              crm-sync status --json
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON (the same document as the /status endpoint of `run`).")
    var json = false

    func run() async throws {
        do {
            let store = try await global.openExistingStore()
            let report = try await StatusReport.make(store: store, now: Date())
            if json {
                print(try jsonString(report))
            } else {
                print(table(["flow", "watermark (UTC)", "lag", "last run", "applied", "dead", "outcome"], report.flows.map {
                    [$0.flow, $0.watermark.map { ISO8601DateFormatter().string(from: $0) } ?? "-",
                     $0.lagSeconds.map(formatLag) ?? "-",
                     $0.lastRun.map { ISO8601DateFormatter().string(from: $0.startedAt) } ?? "-",
                     $0.lastRun.map { "\($0.applied)" } ?? "-", $0.lastRun.map { "\($0.dead)" } ?? "-",
                     $0.lastRun?.outcome.rawValue ?? "-"]
                }))
                print("\nDead letters waiting: \(report.openDeadLetters)")
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}

/// A lag in seconds for people: `45s`, `12m 5s`, `3h 20m`, `2d 15h`.
func formatLag(_ seconds: Double) -> String {
    let total = max(Int(seconds), 0)
    let (days, hours, minutes, rest) = (total / 86_400, total % 86_400 / 3600, total % 3600 / 60, total % 60)
    if days > 0 { return "\(days)d \(hours)h" }
    if hours > 0 { return "\(hours)h \(minutes)m" }
    if minutes > 0 { return "\(minutes)m \(rest)s" }
    return "\(rest)s"
}
