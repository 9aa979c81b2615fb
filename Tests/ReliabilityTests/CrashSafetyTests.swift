import Foundation
import SimulatorKit
import Simulators
import Testing

/// Reliability suite 1 (issue 6): the real `crm-sync sync --once` as a child process against simulators serving
/// on loopback, SIGKILLed at seeded random moments (right after the k-th API request the simulators answered) and
/// restarted until a run completes; then, through the simulators' state, exactly one Sales Order, one invoice and
/// one email per deal, and every write-back present.
///
/// Short: 40 deals, 8 kills. Full (`CRMSYNC_RELIABILITY=full`): 500 deals, 100 kills.
@Suite(.serialized) struct CrashSafetyTests {
    @Test func sigkillDuringSync_restartsCreateEveryDealExactlyOnce() async throws {
        let binary = try CrashChildProcess.locateBinary()
        let seed = ReliabilityScale.seed(for: "crash-safety")
        let dealCount = ReliabilityScale.pick(short: 40, full: 500)
        let killTarget = ReliabilityScale.pick(short: 8, full: 100)
        let products = 20
        let accounts = max(4, dealCount / 5)
        var random = SeededRandom(seed: seed)
        let dataset = try ReliabilityDataset.make(products: products, accounts: accounts, random: &random)
        let start = Date()

        let report = try await ReliabilitySimulators.run(seed: dataset) { running in
            var random = SeededRandom(seed: seed ^ 0xC0FFEE)
            let deals = try (1...dealCount).map { number in
                try running.salesforce.enterDeal(
                    number: number, accountIndex: (number - 1) % accounts + 1, products: products, random: &random)
            }
            let statePath = ReliabilitySimulators.freshStatePath("crash")
            let directory = URL(fileURLWithPath: statePath).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var environment = ReliabilitySimulators.environment(for: running, statePath: statePath)
            environment["CRMSYNC_LOG_LEVEL"] = "warning"
            environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"

            // The kills land at seeded random request counts spread over the first 2.5 requests per deal (a clean
            // sync of these deals takes about 3.5 per deal, and every restart re-reads), so all of them happen
            // before a run can finish, spread over most of the sync.
            let span = max(killTarget + 1, dealCount * 5 / 2)
            var killPoints = (0..<killTarget).map { _ in Int.random(in: 1...span, using: &random) }.sorted()
            var kills = 0
            var killsAfterWrite = 0
            var runs = 0
            var last: CrashChildProcess.Outcome?
            while runs < killTarget + 10 {
                runs += 1
                let target = killPoints.isEmpty ? Int.max : max(killPoints.removeFirst(), running.apiRequestCount + 1)
                let outcome = try await CrashChildProcess.run(
                    binary, arguments: ["sync", "--once"], environment: environment, directory: directory,
                    killWhen: { running.apiRequestCount >= target })
                last = outcome
                guard outcome.killed else { break }
                kills += 1
                if Self.lastRequestWasWrite(running) { killsAfterWrite += 1 }
            }
            return (deals: deals, kills: kills, afterWrite: killsAfterWrite, runs: runs, last: last, problems: DealOutcomeAudit.problems(deals, in: running),
                    requests: running.apiRequestCount)
        }
        print("[crash-safety] \(dealCount) deals, \(report.kills) SIGKILLs (\(report.afterWrite) right after a write) over \(report.runs) runs, \(report.requests) API requests, "
              + "\(Int(Date().timeIntervalSince(start))) s")
        #expect(report.kills == killTarget, "only \(report.kills) of \(killTarget) kills happened before a run completed (seed \(seed))")
        #expect(report.last?.killed == false && report.last?.exitStatus == 0,
                "the last run did not complete cleanly (seed \(seed)): \(report.last?.outputTail ?? "no run")")
        #expect(report.problems.isEmpty, "seed \(seed):\n\(DealOutcomeAudit.summary(report.problems))")
    }

    /// True when the newest request the simulators answered was a write (POST, PATCH, PUT, DELETE): the kill
    /// landed between a system's change and CRMSync recording it.
    static func lastRequestWasWrite(_ running: RunningSimulators) -> Bool {
        let last = [running.salesforce.requestLog, running.sap.requestLog, running.zoho.requestLog]
            .compactMap { $0.entries.last }.max { $0.at < $1.at }
        return last.map { $0.method != "GET" && $0.method != "HEAD" } ?? false
    }
}
