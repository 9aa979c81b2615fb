import Foundation
import SyncCore
import SyncStore

/// The state of one drift scan: the indexes of SAP and Zoho, the Closed Won Opportunity Ids seen, and the items.
actor DriftScan {
    let detector: DriftDetector
    var orders = SalesOrderIndex()
    var invoices = InvoiceIndex()
    /// Ids of the Closed Won Opportunities read (to find mappings whose deal is no longer Closed Won).
    var wonSeen: Set<String> = []
    var items: [DriftItem] = []

    init(detector: DriftDetector) {
        self.detector = detector
    }

    var settings: SyncSettings { detector.configuration.settings }
    var flows: Set<SyncFlow> { detector.flows }

    func indexOrders(_ page: [SalesOrder]) { orders.add(page) }

    func indexInvoices(_ page: [ZohoInvoice]) { invoices.add(page) }

    func add(_ kind: DriftKind, _ records: DriftRecords, field: String?, _ values: [DriftValue], _ repair: DriftRepair) {
        items.append(DriftItem(kind: kind, records: records, field: field, values: values, repair: repair))
    }

    /// Compares one page of Product2 records with SAP stock through the stock flow's planner: every update it
    /// plans is a difference. Products without a usable ProductCode are bad input (dead letters), not drift.
    func checkStock(_ page: [Product2Record], sapStock: [String: Quantity]) {
        let planner = StockPlanner(threshold: settings.lowStockThreshold)
        let byID = Dictionary(page.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for action in planner.plan(products: page, sapStock: sapStock, now: detector.now()) {
            guard case .updateProductStock(let update, let material, _) = action.operation,
                  let product = byID[update.product2Id], let stock = sapStock[material] else { continue }
            let records = DriftRecords(product2ID: product.id, material: material)
            let repair = DriftRepair.reconcile(
                action.operation, "The stock pass writes SAP's unrestricted stock onto the Product2.")
            if product.availableStock != stock.value {
                add(.stockDiffers, records, field: "Product2.Available_Stock__c", [
                    product.availableStock.map { .quantity(.salesforce, Quantity($0, stock.unit)) } ?? .text(.salesforce, nil),
                    .quantity(.sap, stock),
                ], repair)
            } else {
                add(.stockDiffers, records, field: "Product2.Low_Stock_Alert__c", [
                    .text(.salesforce, product.lowStockAlert.map { "\($0)" }),
                    .text(.sap, "\(update.lowStockAlert) (\(stock) against threshold \(settings.lowStockThreshold))"),
                ], repair)
            }
        }
    }
}
