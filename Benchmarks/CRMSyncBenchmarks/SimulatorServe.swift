import Foundation
import Logging
import SimulatorKit
import Simulators

/// `crm-sync-bench serve --products N --deals N --accounts N`: the four simulators with a synthetic dataset, in
/// a process of their own, so the measured `crm-sync` child's memory holds only CRMSync.
///
/// Prints the sandbox's configuration lines (`NAME='value'`), then `READY`; then answers commands read from
/// standard input, one per line, with `OK ...`: `stock COUNT QUANTITY` sets the unrestricted stock of the first
/// COUNT Materials (`BM-000001`...) to QUANTITY in SAP (as a warehouse posting would), `counts` prints the SAP
/// Sales Orders, Zoho invoices and Zoho emails. It stops at end of input. Rate limits are raised for the scale
/// run (Zoho 1,000,000 requests per minute and per day, Salesforce 10,000,000 API requests per day); the
/// simulators' behaviour is otherwise the sandbox's.
enum SimulatorServe {
    static func run(_ arguments: [String]) async throws {
        func value(_ name: String, _ fallback: Int) -> Int {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
        }
        let products = value("--products", 1_000)
        let deals = value("--deals", 100)
        let accounts = value("--accounts", max(deals / 5, 1))
        var configuration = SimulatorSuite.Configuration()
        configuration.seed = try SyntheticSeed.make(products: products, accounts: accounts, closedWonDeals: deals)
        configuration.zoho.requestsPerWindow = 1_000_000
        configuration.zoho.rateWindowSeconds = 60
        configuration.zoho.dailyRequestLimit = 1_000_000
        configuration.salesforce.dailyApiRequestLimit = 10_000_000
        let logger = Logger(label: "crm-sync.bench.serve") { _ in SwiftLogNoOpLogHandler() }
        try await withSimulators(configuration, logger: logger) { running in
            print(running.shellLines.joined(separator: "\n"))
            print("READY")
            fflush(nil)
            while let line = await readStandardInputLine() {
                let words = line.split(separator: " ").map(String.init)
                switch words.first {
                case "stock" where words.count == 3:
                    let count = Int(words[1]) ?? 0
                    let quantity = Decimal(string: words[2]) ?? 0
                    for index in 0..<count {
                        running.sap.setStock(
                            material: String(format: "BM-%06d", index + 1), plant: "1010", storageLocation: "0001",
                            quantity: quantity)
                    }
                    print("OK")
                case "counts":
                    print("OK \(running.sap.salesOrderCount()) \(running.zoho.allInvoices().count) \(running.zoho.sentEmails().count)")
                default:
                    print("ERROR unknown command")
                }
                fflush(nil)
            }
        }
    }

    /// One line of standard input, read on a thread of its own (not on the concurrency pool the simulators use);
    /// nil at end of input.
    private static func readStandardInputLine() async -> String? {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: readLine()) }
        }
    }
}
