import ArgumentParser
import Foundation
import SyncCore
import SyncService
import SyncStore

/// `crm-sync status`: watermarks, lag, last runs and dead letters.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show per flow the watermark, its lag, the last run; the dead letters waiting and the API quota used.",
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
            let report = try await global.withExistingStore { store in try await StatusReport.make(store: store, now: Date()) }
            if json {
                print(String(decoding: try report.jsonData(), as: UTF8.self))
            } else {
                print(table(["flow", "watermark (UTC)", "lag", "last run", "applied", "dead", "outcome"], report.flows.map {
                    [$0.flow, $0.watermark.map { ISO8601DateFormatter().string(from: $0) } ?? "-",
                     $0.lagSeconds.map(HumanDuration.text) ?? "-",
                     $0.lastRun.map { ISO8601DateFormatter().string(from: $0.startedAt) } ?? "-",
                     $0.lastRun.map { "\($0.applied)" } ?? "-", $0.lastRun.map { "\($0.dead)" } ?? "-",
                     $0.lastRun?.outcome.rawValue ?? "-"]
                }))
                print("\nDead letters waiting: \(report.openDeadLetters)")
                print("\n" + leaderTable(report.leaders))
                print("\n" + quotaTable(report.apiQuotas))
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}

/// The API quota lines of `status`: used of the daily allowance and the share, per system, as last observed.
func quotaTable(_ quotas: [APIQuotaStatus]) -> String {
    guard !quotas.isEmpty else { return "API quota used: not observed yet (stored after the first pass that calls Salesforce or Zoho)" }
    return "API quota used (daily allowance):\n" + table(["system", "used / limit", "share", "observed (UTC)"], quotas.map {
        [$0.system, "\($0.used) / \($0.limit)", String(format: "%.1f %%", $0.usedShare * 100),
         ISO8601DateFormatter().string(from: $0.observedAt)]
    })
}
