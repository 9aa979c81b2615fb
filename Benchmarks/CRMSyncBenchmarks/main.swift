import Foundation

// crm-sync-bench [--full] [--only stock|deals|zoho|idle|scale|readpath] [--scale-products N[,M]] (BenchmarkOptions):
// API-call, Zoho pacing, idle-cycle, scale and read-path benchmarks against the simulators, printed as a table and
// JSON. The short sizes run in CI; --full runs the sizes of the issue (10,000 products; 1,000 deals for 200 accounts;
// 500 invoices under a Zoho limit scaled to 100 requests per 6 s; 100,000 then 200,000 products with 10,000 deals;
// 100,000 Opportunities).
// Internal modes: `serve` (the simulators' child process of the scale and read-path benchmarks) and `reconcile`
// (the engine pass of `crm-sync reconcile --full`, when the crm-sync product was not built).
let arguments = CommandLine.arguments
switch arguments.dropFirst().first {
case "serve":
    try await SimulatorServe.run(arguments)
case "reconcile":
    try await BenchReconcile.run()
case "--help", "-h":
    print(BenchmarkOptions.usage)
default:
    let options: BenchmarkOptions
    do {
        options = try BenchmarkOptions(Array(arguments.dropFirst()))
    } catch {
        FileHandle.standardError.write(Data("crm-sync-bench: \(error)\n\(BenchmarkOptions.usage)\n".utf8))
        exit(64)
    }
    let full = options.full
    let products = full ? 10_000 : 1_000
    let deals = full ? 1_000 : 100
    var results: [BenchmarkResult] = []
    if options.selected("stock") { results += try await Benchmarks.stock(products: products, some: full ? 100 : 10) }
    if options.selected("deals") { results += try await Benchmarks.deals(deals: deals, accounts: full ? 200 : 20) }
    if options.selected("zoho") { results += try await Benchmarks.zohoPacing(invoices: full ? 500 : 50) }
    if options.selected("idle") { results += try await Benchmarks.idle(products: products / 10, deals: deals / 10) }
    if options.selected("scale") {
        let sizes = options.scaleProducts ?? (full ? [100_000, 200_000] : [500, 1_000])
        results += try await ScaleBenchmark.run(productCounts: sizes, deals: full ? 10_000 : 20)
    }
    if options.selected("readpath") { results += try await ReadPathBenchmark.run(opportunities: full ? 100_000 : 1_000) }
    try printResults(results)
}
