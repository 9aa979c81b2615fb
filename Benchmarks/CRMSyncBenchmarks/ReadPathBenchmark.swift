import AsyncHTTPClient
import Foundation
import Logging
import SyncCore
import SyncService

/// Benchmark 5: every Closed Won Opportunity (with its line items and contact roles, as the deal flows read them)
/// read from the Salesforce simulator by CRMSync's Salesforce client, decoded into the domain model, against a raw
/// pull of the same pages in the same run: the same first URL (captured from the client's own request), then each
/// `nextRecordsUrl`, fetched with a bare AsyncHTTPClient loop that only finds the next link in the bytes.
///
/// The simulators run in another process. The two reads alternate for `rounds` rounds; the best of each counts.
enum ReadPathBenchmark {
    static func run(opportunities: Int, rounds: Int = 2) async throws -> [BenchmarkResult] {
        let simulators = try SimulatorsProcess(products: 100, deals: opportunities, accounts: max(opportunities / 5, 1))
        defer { simulators.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-readpath-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = simulators.environment
        environment["CRMSYNC_STATE_PATH"] = directory.appendingPathComponent("state.sqlite").path
        environment["SF_MULTI_CURRENCY"] = "true"
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        let capture = FirstQueryURL()
        let logger = Logger(label: "crm-sync.bench.readpath") { _ in FirstQueryURLHandler(capture: capture) }
        let raw = try await RawQueryPull(environment: environment)
        defer { raw.shutdown() }

        return try await withSyncRuntime(configuration: configuration, logger: logger, lock: false) { runtime in
            var clientBest = Double.infinity
            var rawBest = Double.infinity
            var clientRows = 0
            var rawPull = (pages: 0, bytes: 0)
            for _ in 0..<rounds {
                let counter = RowCounter()
                let started = ContinuousClock.now
                try await runtime.salesforce.forEachOpportunityPage(
                    OpportunityQuery(field: configuration.engine.modstampField, onlyWon: true)
                ) { page in
                    counter.add(page.count)
                }
                clientBest = min(clientBest, seconds(ContinuousClock.now - started))
                clientRows = counter.total
                guard let url = capture.url else { throw BenchmarkFailure("the client's first query URL was not seen") }
                let rawStarted = ContinuousClock.now
                rawPull = try await raw.pull(firstURL: url)
                rawBest = min(rawBest, seconds(ContinuousClock.now - rawStarted))
            }
            let scenario = "\(opportunities) Opportunities, \(rawPull.pages) pages, \(rawPull.bytes / 1_048_576) MB"
            return [
                BenchmarkResult(benchmark: "read path", scenario: scenario, metric: "Opportunities decoded by the client", value: Double(clientRows), target: Double(opportunities), comparison: ">="),
                BenchmarkResult(benchmark: "read path", scenario: scenario, metric: "client seconds", value: ScaleBenchmark.rounded(clientBest), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "read path", scenario: scenario, metric: "raw pull seconds", value: ScaleBenchmark.rounded(rawBest), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "read path", scenario: scenario, metric: "client / raw pull", value: ScaleBenchmark.rounded(clientBest / rawBest), target: 1.3, comparison: "<="),
            ]
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// Counts rows across pages.
final class RowCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var total: Int { lock.withLock { count } }

    func add(_ rows: Int) {
        lock.withLock { count += rows }
    }
}
