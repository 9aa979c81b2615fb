import Foundation

/// Benchmark 4: a full reconcile of all four flows by a `crm-sync reconcile --full` child process against the
/// simulators in another process: wall time and the child's peak resident memory, for two product counts.
///
/// Two states of the deals are measured at each size, in this order against the same simulators and state file:
/// - "first sync": an empty state store, so every Closed Won deal gets its Business Partner or contact, SAP Sales
///   Order, Zoho invoice (emailed) and write-back, and every Product2 its stock (the seed has none in Salesforce);
/// - "synced, 1 % drift": right after, with the SAP stock of 1 % of the Materials changed, so the nightly full
///   reconcile reads everything, finds every deal done and writes the changed Product2 stock.
/// The simulators' rate limits are raised for the run (Zoho 1,000,000 requests per minute, with the client's
/// configured pace `ZOHO_REQUESTS_PER_MINUTE` set to match; daily limits out of reach); the client's behaviour is
/// otherwise the product's defaults.
enum ScaleBenchmark {
    static func run(productCounts: [Int], deals: Int) async throws -> [BenchmarkResult] {
        var results: [BenchmarkResult] = []
        var firstSeconds: [Double] = []
        var steadySeconds: [Double] = []
        let (executable, prefix, engineLabel) = reconcileCommand()
        for (index, products) in productCounts.enumerated() {
            let simulators = try SimulatorsProcess(products: products, deals: deals, accounts: max(deals / 5, 1))
            defer { simulators.stop() }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-scale-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            var environment = ProcessInfo.processInfo.environment.merging(simulators.environment) { $1 }
            environment["CRMSYNC_STATE_PATH"] = directory.appendingPathComponent("state.sqlite").path
            environment["SF_MULTI_CURRENCY"] = "true"
            environment["ZOHO_REQUESTS_PER_MINUTE"] = "1000000"
            environment["CRMSYNC_LOG_LEVEL"] = "error"
            // An empty env file, so a .env in the working directory is not read.
            let envFile = directory.appendingPathComponent("empty.env").path
            _ = FileManager.default.createFile(atPath: envFile, contents: Data())
            let arguments = prefix + ["reconcile", "--full", "--env-file", envFile]

            let scenario = "\(products) products, \(deals) deals"
            let first = try await ChildProcess.run(executable, arguments, environment: environment)
            let counts = try simulators.command("counts").compactMap(Int.init)
            try simulators.command("stock \(max(products / 100, 1)) 31")
            let steady = try await ChildProcess.run(executable, arguments, environment: environment)
            for run in [first, steady] where run.status != 0 {
                FileHandle.standardError.write(Data("scale: reconcile exited \(run.status):\n\(run.output.suffix(2000))\n".utf8))
            }
            firstSeconds.append(first.wallSeconds)
            steadySeconds.append(steady.wallSeconds)
            // The targets are for 100,000 products (and the ratio for 200,000 against it); short sizes
            // print the figures without them.
            let primary = index == 0 && products >= 100_000
            for (state, run) in [("first sync", first), ("synced, 1 % drift", steady)] {
                let label = "\(scenario), \(state) (\(engineLabel))"
                results.append(BenchmarkResult(benchmark: "scale", scenario: label, metric: "wall seconds", value: rounded(run.wallSeconds), target: primary ? 60 : nil, comparison: primary ? "<=" : nil))
                results.append(BenchmarkResult(benchmark: "scale", scenario: label, metric: "peak resident MB", value: rounded(Double(run.peakResidentBytes) / 1_048_576), target: primary ? 200 : nil, comparison: primary ? "<=" : nil))
                results.append(BenchmarkResult(benchmark: "scale", scenario: label, metric: "exit status", value: Double(run.status), target: 0, comparison: "<="))
            }
            results.append(BenchmarkResult(benchmark: "scale", scenario: "\(scenario), first sync", metric: "SAP Sales Orders / Zoho invoices created", value: Double(counts.prefix(2).min() ?? 0), target: Double(deals), comparison: ">="))
        }
        if productCounts.count == 2 {
            let scenario = "\(productCounts[1]) vs \(productCounts[0]) products"
            let target: Double? = productCounts[0] >= 100_000 ? 2.2 : nil
            results.append(BenchmarkResult(benchmark: "scale", scenario: scenario + ", first sync", metric: "growth ratio of wall time", value: rounded(firstSeconds[1] / firstSeconds[0]), target: target, comparison: target.map { _ in "<=" }))
            results.append(BenchmarkResult(benchmark: "scale", scenario: scenario + ", synced, 1 % drift", metric: "growth ratio of wall time", value: rounded(steadySeconds[1] / steadySeconds[0]), target: target, comparison: target.map { _ in "<=" }))
        }
        return results
    }

    /// The `crm-sync` executable of the same build; without it (a build of only this product), this executable's
    /// `reconcile` mode, which runs the same engine pass (`BenchReconcile`).
    private static func reconcileCommand() -> (String, [String], String) {
        if let crmSync = ChildProcess.crmSyncExecutable() { return (crmSync, [], "crm-sync child") }
        return (ChildProcess.ownExecutable(), [], "bench reconcile child")
    }

    static func rounded(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
