import Foundation

// crm-sync-bench [--full]: API-call and idle-cycle benchmarks against the simulators, printed as a table and JSON.
// The short sizes run in CI; --full runs the sizes of the issue (10,000 products; 1,000 deals for 200 accounts;
// 500 invoices under a Zoho limit scaled to 100 requests per 6 s).
let full = CommandLine.arguments.contains("--full")
let products = full ? 10_000 : 1_000
let some = full ? 100 : 10
let deals = full ? 1_000 : 100
let accounts = full ? 200 : 20

var results: [BenchmarkResult] = []
results += try await Benchmarks.stock(products: products, some: some)
results += try await Benchmarks.deals(deals: deals, accounts: accounts)
results += try await Benchmarks.zohoPacing(invoices: full ? 500 : 50)
results += try await Benchmarks.idle(products: products / 10, deals: deals / 10)
try printResults(results)
