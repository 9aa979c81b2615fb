import ArgumentParser
import Foundation
import Logging
import SalesforceSimulator
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore
import ZohoBooksSimulator

/// `crm-sync demo`: the whole product on one machine, against the built-in simulators.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run CRMSync end to end against the built-in simulators and show what it synced.",
        discussion: """
            Starts simulators of Salesforce, SAP S/4HANA, Zoho Books and Slack on 127.0.0.1 loaded with the seed \
            dataset, runs the real engine over loopback HTTP, then acts as the systems' users would (closes a deal, \
            changes stock, records a partial and a full payment) and runs it again. The state is left in \
            state/demo.sqlite for `crm-sync status --state state/demo.sqlite` and friends.

            Example:
              crm-sync demo
            """)

    @Option(name: .customLong("state"), help: "Where the demo keeps its state (replaced at start).")
    var statePath = "state/demo.sqlite"

    func run() async throws {
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, format: .logfmt, logLevel: .error) }
        let logger = Logger(label: "crm-sync.demo")
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: statePath + suffix) }
        var simulators = SimulatorSuite.Configuration()
        simulators.directory = URL(fileURLWithPath: statePath).deletingLastPathComponent().appendingPathComponent("demo-sandbox")
        // The demo's simulated Zoho organization has a generous plan so the demo takes seconds, not minutes;
        // CRMSync paces itself to whatever limit it is configured with (100 per minute by default).
        simulators.zoho.requestsPerWindow = 3000
        simulators.zoho.dailyRequestLimit = 100_000
        let statePath = statePath
        do {
            try await withSimulators(simulators, logger: logger) { running in
                var environment = running.environmentVariables
                environment["CRMSYNC_STATE_PATH"] = statePath
                environment["SF_MULTI_CURRENCY"] = "true"
                environment["CRMSYNC_RETRY_BASE_MILLISECONDS"] = "50"
                environment["ZOHO_REQUESTS_PER_MINUTE"] = "3000"
                // The demo's simulators live only as long as the demo: their tokens are not worth keeping (and must
                // not replace a real token file in state/).
                environment["ZOHO_TOKEN_CACHE"] = "off"
                // Every demo pass reads all SAP stock, as the hourly run does.
                environment["CRMSYNC_INTERVAL_STOCK"] = "1"
                let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
                try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                    try await DemoScript(running: running, runtime: runtime).play()
                }
            }
        } catch {
            throw failure(error)
        }
    }
}

/// The demo's story, printed as it happens.
struct DemoScript {
    let running: RunningSimulators
    let runtime: SyncRuntime

    func play() async throws {
        let seed = try SeedDataset.bundled()
        say("CRMSync demo — simulators listening:")
        say("  Salesforce \(running.salesforceURL)   SAP \(running.sapURL)   Zoho Books \(running.zohoURL)   Slack \(running.slackURL)")
        say("  Seed: \(seed.opportunities.count) opportunities (\(seed.opportunities.filter { $0.stage == "Closed Won" }.count) Closed Won), \(seed.accounts.count) accounts, \(seed.products.count) products in \(seed.plants.count) plants\n")

        say("1. First pass over all four flows")
        try await pass()
        try showDeals(limit: 8)

        say("\n2. Acting as the systems' users")
        let closed = try closeADeal(seed)
        let (low, high) = changeStock(seed)
        let payments = try recordPayments()

        say("\n3. Second pass (incremental, from the watermarks)")
        try await pass()
        if let closed {
            let orders = running.sap.salesOrders(purchaseOrderByCustomer: closed)
            let invoices = running.zoho.invoices(referenceNumber: "SF-" + closed)
            say("  Deal \(closed) -> SAP Sales Order \(orders.first?.salesOrder ?? "-"), Zoho invoice \(invoices.first?.invoiceNumber ?? "-") (emails sent: \(invoices.first?.emailsSent ?? 0))")
        }
        for (material, product2) in [low, high].compactMap({ $0 }) {
            let record = running.salesforce.record(id: product2) ?? [:]
            say("  Product2 \(material): Available_Stock__c = \(show(record["Available_Stock__c"])), Low_Stock_Alert__c = \(show(record["Low_Stock_Alert__c"]))")
        }
        for opportunity in payments {
            let record = running.salesforce.record(id: opportunity) ?? [:]
            say("  Opportunity \(opportunity): Payment_Amount__c = \(show(record["Payment_Amount__c"])), Payment_Received__c = \(show(record["Payment_Received__c"])), Payment_Date__c = \(show(record["Payment_Date__c"]))")
        }

        say("\n4. Third pass: nothing changed, nothing to do")
        try await pass()

        let letters = try await runtime.store.deadLetters(status: .open)
        say("\nDead letters (bad input kept for an operator, each alerted once to Slack): \(letters.count)")
        for letter in letters.prefix(8) {
            say("  [\(letter.flow)] \(letter.recordID) \(letter.error.field ?? "-"): \(letter.error.message)")
        }
        if letters.count > 8 {
            say("  ... and \(letters.count - 8) more: crm-sync dead-letters list --state \(runtime.configuration.statePath)")
        }
        say("\nSlack messages received by the simulator: \(running.slack.messages.count)")
        say("State store: \(runtime.configuration.statePath)  (try: crm-sync status --state \(runtime.configuration.statePath))")
    }

    private func pass() async throws {
        let report = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
        await runtime.alerts.deliver()
        try await RunRecorder.record(report, kind: .incremental, in: runtime.store)
        for flow in report.flows {
            say("  \(flow.flow.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) observed \(flow.observed), applied \(flow.applied), dead letters \(flow.dead), failed \(flow.failed)\(flow.stoppedBy.map { " — stopped: \($0.description)" } ?? "")")
        }
    }

    private func showDeals(limit: Int) throws {
        let orders = running.sap.salesOrders()
        say("  \(orders.count) SAP Sales Orders, \(running.zoho.allInvoices().count) Zoho invoices, \(running.zoho.sentEmails().count) invoice emails; for example:")
        for order in orders.prefix(limit) {
            let invoice = running.zoho.invoices(referenceNumber: "SF-" + order.purchaseOrderByCustomer).first
            let record = running.salesforce.record(id: order.purchaseOrderByCustomer) ?? [:]
            say("  Opportunity \(order.purchaseOrderByCustomer): SAP \(order.salesOrder) \(order.totalNetAmount) \(order.transactionCurrency), Zoho \(invoice?.invoiceNumber ?? "-"), Sync_Status__c \(show(record["Sync_Status__c"]))")
        }
    }

    private func closeADeal(_ seed: SeedDataset) throws -> String? {
        let products = Set(seed.products.filter { $0.inSAP && $0.inSalesforce }.map(\.code))
        guard let candidate = seed.opportunities.first(where: { opportunity in
            !opportunity.stage.hasPrefix("Closed") && !opportunity.lines.isEmpty
                && opportunity.lines.allSatisfy { products.contains($0.product) && (Decimal(string: $0.quantity) ?? 0) > 0 }
        }), let id = running.salesforce.seedId("opportunity:\(candidate.key)") else { return nil }
        try running.salesforce.closeOpportunity(id: id, won: true)
        say("  Salesforce: \"\(candidate.name)\" moved to Closed Won")
        return id
    }

    private func changeStock(_ seed: SeedDataset) -> ((String, String)?, (String, String)?) {
        let products = seed.products.filter { $0.inSAP && $0.inSalesforce && $0.stock.count == 1 }
        func set(_ product: SeedDataset.Product?, to quantity: Decimal) -> (String, String)? {
            guard let product, let id = running.salesforce.seedId("product:\(product.code)") else { return nil }
            let bucket = product.stock[0]
            running.sap.setStock(material: product.code, plant: bucket.plant, storageLocation: bucket.storageLocation, quantity: quantity)
            say("  SAP: stock of \(product.code) in plant \(bucket.plant) set to \(quantity) \(product.baseUnit)")
            return (product.code, id)
        }
        return (set(products.first, to: 3), set(products.dropFirst().first, to: 500))
    }

    private func recordPayments() throws -> [String] {
        let invoices = running.zoho.allInvoices().filter { $0.status != "void" && $0.balance > 0 }
        var opportunities: [String] = []
        if let first = invoices.first {
            var half = first.total / 2
            var rounded = Decimal()
            NSDecimalRound(&rounded, &half, 2, .plain)
            try running.zoho.recordPayment([.init(invoiceID: first.invoiceID, amount: rounded)], paymentMode: "banktransfer")
            say("  Zoho Books: partial payment of \(rounded) \(first.currencyCode) on \(first.invoiceNumber)")
            opportunities.append(String(first.referenceNumber.dropFirst(3)))
        }
        if invoices.count > 1 {
            let second = invoices[1]
            try running.zoho.recordFullPayment(invoiceID: second.invoiceID, paymentMode: "check")
            say("  Zoho Books: full payment of \(second.total) \(second.currencyCode) on \(second.invoiceNumber)")
            opportunities.append(String(second.referenceNumber.dropFirst(3)))
        }
        return opportunities
    }

    private func show(_ value: FieldValue?) -> String {
        switch value {
        case .string(let text): text
        case .bool(let flag): "\(flag)"
        case .number(let number): "\(number)"
        case .date(let date): String(ISO8601DateFormatter().string(from: date).prefix(10))
        case .dateTime(let date): ISO8601DateFormatter().string(from: date)
        case .null, nil: "null"
        }
    }

    private func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}
