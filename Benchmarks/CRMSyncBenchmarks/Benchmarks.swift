import Foundation
import SyncCore

/// The benchmarks of API calls per flow and of the idle cycle.
enum Benchmarks {
    /// Stock flow: `products` Product2 records, with 0, `some` and all changed in SAP between two full passes.
    /// Physical minimum for Salesforce: ceil(changed / 200) collection calls + ceil(products / 2000) query pages.
    static func stock(products: Int, some: Int) async throws -> [BenchmarkResult] {
        let seed = try SyntheticSeed.make(products: products, accounts: 1, closedWonDeals: 0)
        return try await BenchmarkEnvironment.run(seed: seed) { env in
            _ = try await env.runtime.engine.runPass(flows: [.stock], mode: .full)
            var results: [BenchmarkResult] = []
            var quantity: Decimal = 26
            for changed in [0, some, products] {
                for index in 0..<changed {
                    env.running.sap.setStock(material: String(format: "BM-%06d", index + 1), plant: "1010", storageLocation: "0001", quantity: quantity)
                }
                quantity += 1
                env.resetCounts()
                _ = try await env.runtime.engine.runPass(flows: [.stock], mode: .full)
                let calls = env.calls()
                let writes = env.running.salesforce.requestLog.count(method: "PATCH")
                let minimum = Double((changed + 199) / 200 + (products + 1999) / 2000)
                let scenario = "\(products) products, \(changed) changed"
                results.append(BenchmarkResult(benchmark: "stock flow API calls", scenario: scenario, metric: "Salesforce calls", value: Double(calls.salesforce), target: minimum, comparison: "<="))
                results.append(BenchmarkResult(benchmark: "stock flow API calls", scenario: scenario, metric: "Salesforce writes", value: Double(writes), target: Double((changed + 199) / 200), comparison: "<="))
                results.append(BenchmarkResult(benchmark: "stock flow API calls", scenario: scenario, metric: "SAP calls", value: Double(calls.sap), target: nil, comparison: nil))
            }
            return results
        }
    }

    /// Deal flows: `deals` Closed Won deals for `accounts` new accounts, both flows in one pass.
    static func deals(deals: Int, accounts: Int) async throws -> [BenchmarkResult] {
        let seed = try SyntheticSeed.make(products: 50, accounts: accounts, closedWonDeals: deals)
        return try await BenchmarkEnvironment.run(seed: seed) { env in
            env.resetCounts()
            let started = ContinuousClock.now
            let report = try await env.runtime.engine.runPass(flows: [.orders, .invoices])
            let elapsed = ContinuousClock.now - started
            let calls = env.calls()
            if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
                for log in [env.running.salesforce.requestLog, env.running.sap.requestLog, env.running.zoho.requestLog] {
                    print(log.countsByEndpoint().sorted { $0.key < $1.key })
                }
            }
            let perDeal = { (count: Int) in Double(count) / Double(deals) }
            let scenario = "\(deals) deals, \(accounts) new accounts"
            // Minimum: per deal one Sales Order and one invoice create (that also sends it); per new account a
            // Business Partner create and a contact create; write-backs 200 per call; one query page per 2,000.
            let creates = 2 * deals + 2 * accounts
            let pages: Int = (deals + 199) / 200 + (deals + 1999) / 2000
            let minimum = Double(creates + pages) / Double(deals)
            let applied = report.flows.map(\.applied).reduce(0, +)
            return [
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "Salesforce calls per deal", value: perDeal(calls.salesforce), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "SAP calls per deal", value: perDeal(calls.sap), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "Zoho calls per deal", value: perDeal(calls.zoho), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "calls per deal (all)", value: perDeal(calls.salesforce + calls.sap + calls.zoho), target: 3.0, comparison: "<="),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "physical minimum per deal", value: minimum, target: nil, comparison: nil),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "actions applied", value: Double(applied), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "deal flows API calls", scenario: scenario, metric: "wall seconds", value: Double(elapsed.components.seconds), target: nil, comparison: nil),
            ]
        }
    }

    /// Zoho pacing: `invoices` invoices against a simulator whose per-organization limit is scaled down to 100
    /// requests per 6 s, with CRMSync paced at the same rate (1,000 per minute): achieved rate as a share of the
    /// limit, and 429s received.
    static func zohoPacing(invoices: Int) async throws -> [BenchmarkResult] {
        let seed = try SyntheticSeed.make(products: 10, accounts: max(invoices / 5, 1), closedWonDeals: invoices)
        return try await BenchmarkEnvironment.run(seed: seed, zohoPerMinute: 1000, zohoWindowSeconds: 6) { env in
            env.resetCounts()
            _ = try await env.runtime.engine.runPass(flows: [.invoices])
            let requests = env.running.zoho.requestLog.entries.filter { !$0.path.contains("oauth") }
            let limited = requests.filter { $0.status == 429 }.count
            // The rate over the span of Zoho requests (first to last), as the limit counts them.
            let span = (requests.last?.at ?? Date()).timeIntervalSince(requests.first?.at ?? Date())
            let share = span > 0 ? Double(requests.count - 1) / span / (100.0 / 6.0) : 0
            let scenario = "\(invoices) invoices, limit 100 per 6 s"
            return [
                BenchmarkResult(benchmark: "Zoho pacing", scenario: scenario, metric: "requests", value: Double(requests.count), target: nil, comparison: nil),
                BenchmarkResult(benchmark: "Zoho pacing", scenario: scenario, metric: "achieved share of the limit", value: share, target: 0.95, comparison: ">="),
                BenchmarkResult(benchmark: "Zoho pacing", scenario: scenario, metric: "429 responses", value: Double(limited), target: 0, comparison: "<="),
            ]
        }
    }

    /// Idle cycle: after everything is synced, a pass of all four flows when nothing changed.
    static func idle(products: Int, deals: Int) async throws -> [BenchmarkResult] {
        let seed = try SyntheticSeed.make(products: products, accounts: max(deals / 5, 1), closedWonDeals: deals)
        return try await BenchmarkEnvironment.run(seed: seed) { env in
            _ = try await env.runtime.engine.runPass(flows: Set(SyncFlow.allCases), mode: .full)
            _ = try await env.runtime.engine.runPass(flows: Set(SyncFlow.allCases))
            env.resetCounts()
            let changesBefore = try await env.runtime.store.totalChanges()
            _ = try await env.runtime.engine.runPass(flows: Set(SyncFlow.allCases))
            let writes = try await env.runtime.store.totalChanges() - changesBefore
            let calls = env.calls()
            let scenario = "\(deals) synced deals, \(products) products"
            return [
                BenchmarkResult(benchmark: "idle cycle", scenario: scenario, metric: "Salesforce requests (opportunity stream)", value: Double(calls.salesforce), target: 1, comparison: "<="),
                BenchmarkResult(benchmark: "idle cycle", scenario: scenario, metric: "SAP requests (product stream)", value: Double(calls.sap), target: 1, comparison: "<="),
                BenchmarkResult(benchmark: "idle cycle", scenario: scenario, metric: "Zoho requests (payment stream)", value: Double(calls.zoho), target: 1, comparison: "<="),
                BenchmarkResult(benchmark: "idle cycle", scenario: scenario, metric: "state writes (rows changed)", value: Double(writes), target: 0, comparison: "<="),
            ]
        }
    }
}
