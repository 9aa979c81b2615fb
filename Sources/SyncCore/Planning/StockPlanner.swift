import Foundation

/// Plans the stock flow for a page of Product2 records against SAP stock. Pure: no I/O.
///
/// For each Product2: no `ProductCode` or a code SAP does not know -> `rejectRecord`; otherwise the SAP stock
/// summed over plants and storage locations is compared with what the Product2 shows, and only a difference in
/// `Available_Stock__c` or `Low_Stock_Alert__c` plans an `updateProductStock`. A product whose stock falls below
/// the threshold while its flag was not set asks for one low-stock alert (`becameLow`), not one per hour.
///
/// Example (threshold 10): SAP 4 PC, Product2 shows 12 / false -> update to 4 / true, becameLow; next hour SAP
/// still 4 -> nothing.
public struct StockPlanner: Sendable {
    /// Stock strictly below this sets the low-stock flag (default 10 units of the base unit).
    public var threshold: Decimal

    public init(threshold: Decimal) {
        self.threshold = threshold
    }

    /// Plans updates for one page of Product2 records.
    /// - Parameters:
    ///   - products: Product2 records as read from Salesforce.
    ///   - sapStock: summed unrestricted stock per Material, for every Material SAP knows (0 when no bucket).
    ///   - only: when not `nil`, only Materials in this set are planned (incremental run); others are skipped.
    ///   - now: the read time written as `Stock_Last_Updated__c` (UTC).
    public func plan(
        products: [Product2Record], sapStock: [String: Quantity], only: Set<String>? = nil, now: Date
    ) -> [ReconcileAction] {
        var actions: [ReconcileAction] = []
        for product in products {
            let code = (product.productCode ?? "").trimmingCharacters(in: .whitespaces)
            if let only, !only.contains(code.uppercased()) { continue }
            guard !code.isEmpty else {
                actions.append(reject(product, field: "Product2.ProductCode",
                    message: "Product2 \(product.id) '\(product.name)' has no ProductCode, so its SAP stock cannot be found."))
                continue
            }
            guard let stock = sapStock[code.uppercased()] else {
                actions.append(reject(product, field: "Product2.ProductCode",
                    message: "Product2 \(product.id) has ProductCode '\(code)', which is not a Material in SAP."))
                continue
            }
            let isLow = stock.value < threshold
            if product.availableStock == stock.value && product.lowStockAlert == isLow { continue }
            let becameLow = isLow && product.lowStockAlert != true
            let update = Product2StockUpdate(product2Id: product.id, availableStock: stock.value, lowStockAlert: isLow, stockLastUpdated: now)
            actions.append(ReconcileAction(
                idempotencyKey: IdempotencyKey.stock(product2: product.id, quantity: stock.value, low: isLow),
                flow: .stock, recordID: product.id,
                operation: .updateProductStock(update, material: code.uppercased(), becameLow: becameLow)))
        }
        return actions
    }

    private func reject(_ product: Product2Record, field: String, message: String) -> ReconcileAction {
        let error = SyncError(code: .invalidInput, system: .salesforce, message: message, recordID: product.id, field: field)
        return ReconcileAction(
            idempotencyKey: IdempotencyKey.reject(flow: .stock, record: product.id), flow: .stock, recordID: product.id,
            operation: .rejectRecord(error))
    }
}
