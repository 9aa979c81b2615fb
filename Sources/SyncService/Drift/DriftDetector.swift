import Foundation
import Logging
import SyncCore
import SyncStore

/// Compares Salesforce, SAP S/4HANA, Zoho Books and the state store field by field and lists every difference
/// (`crm-sync drift`, the nightly drift summary, and the end of fault soaks).
///
/// It reads through the same gateways and read paths as the full reconcile, page by page: all Sales Orders with
/// items and all Zoho invoices into compact per-key indexes, then every Closed Won Opportunity (one page at a time,
/// with its mappings), then the deal mappings whose Opportunity was not among them (no longer Closed Won, or
/// deleted: read with `queryAll` by Id, 200 at a time), then SAP stock and every Product2. Only one page of a
/// system is held at a time besides the indexes. Repairs are planned with the engine's own planners
/// (`DealPlanner`, `StockPlanner`, the payments write-back), so an automatic repair is exactly what
/// `crm-sync reconcile --full` applies. Nothing is written anywhere.
///
/// Example: `let report = try await DriftDetector(runtime: runtime).detect()`.
public struct DriftDetector: Sendable {
    let salesforce: any SalesforceGateway
    let sap: any SAPGateway
    let zoho: any ZohoBooksGateway
    let store: any StateStore
    let configuration: EngineConfiguration
    let flows: Set<SyncFlow>
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates a detector over the given gateways.
    /// - Parameters:
    ///   - flows: the flows whose data is compared (orders: Sales Orders; invoices: invoices; payments: payment
    ///     fields against invoice balances; stock: Product2 against SAP stock).
    ///   - now: the clock (UTC), for the report time and the stock repair's `Stock_Last_Updated__c`.
    public init(
        salesforce: any SalesforceGateway, sap: any SAPGateway, zoho: any ZohoBooksGateway, store: any StateStore,
        configuration: EngineConfiguration, flows: Set<SyncFlow> = Set(SyncFlow.allCases), logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.salesforce = salesforce
        self.sap = sap
        self.zoho = zoho
        self.store = store
        self.configuration = configuration
        self.flows = flows
        self.logger = logger
        self.now = now
    }

    /// Creates a detector over the engine's gateways, state store, configuration and clock.
    public init(engine: SyncEngine, flows: Set<SyncFlow> = Set(SyncFlow.allCases)) {
        self.init(
            salesforce: engine.salesforce, sap: engine.sap, zoho: engine.zoho, store: engine.store,
            configuration: engine.configuration, flows: flows, logger: engine.logger, now: engine.now)
    }

    /// Creates a detector over an assembled runtime (the CLI's and the tests' entry point).
    public init(runtime: SyncRuntime, flows: Set<SyncFlow> = Set(SyncFlow.allCases)) {
        self.init(engine: runtime.engine, flows: flows)
    }

    /// Scans the systems and returns every difference.
    /// - Throws: `SyncError` from the gateways after the HTTP layer's retries (`.quotaExhausted`,
    ///   `.authenticationFailed`, `.connectionFailed`, ...) or `.stateStore`; a partial scan is never reported
    ///   as a clean one.
    public func detect() async throws -> DriftReport {
        let scan = DriftScan(detector: self)
        logger.info("drift scan started", metadata: ["sync.flows": "\(flows.sorted().map(\.rawValue))"])
        if flows.contains(.orders) {
            try await sap.forEachSalesOrderPage { page in await scan.indexOrders(page) }
        }
        if !flows.isDisjoint(with: [.invoices, .payments]) {
            try await zoho.forEachInvoicePage { page in await scan.indexInvoices(page) }
        }
        if !flows.isDisjoint(with: [.orders, .invoices, .payments]) {
            let query = OpportunityQuery(field: configuration.modstampField, onlyWon: true)
            try await salesforce.forEachOpportunityPage(query) { page in try await scan.checkDeals(page) }
        }
        if !flows.isDisjoint(with: [.orders, .invoices]) {
            try await store.forEachDealMapping(batchSize: 200) { mappings in try await scan.checkFormerDeals(mappings) }
        }
        if flows.contains(.stock) { try await checkStock(scan) }
        let items = await scan.items
        let report = DriftReport(generatedAt: now(), flows: flows.sorted(), items: items)
        logger.info("drift scan finished", metadata: ["drift.items": "\(items.count)", "drift.counts": "\(report.countsSummary)"])
        return report
    }

    /// Sums SAP stock per Material as the stock flow's full read does, then compares every Product2 page.
    private func checkStock(_ scan: DriftScan) async throws {
        let products = ProductCollector()
        try await sap.forEachChangedProductPage(since: nil) { page in await products.add(page) }
        let summer = StockSummer(units: await products.units)
        try await sap.forEachStockPage(materials: nil) { rows in await summer.add(rows) }
        let stock = await summer.totals
        try await salesforce.forEachProduct2Page { page in await scan.checkStock(page, sapStock: stock) }
    }
}
