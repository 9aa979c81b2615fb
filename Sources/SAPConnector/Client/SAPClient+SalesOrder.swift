import Foundation
import SyncCore

extension SAPClient {
    /// Finds a Sales Order by `PurchaseOrderByCustomer` (the Opportunity Id), with its items:
    /// `GET A_SalesOrder?$filter=PurchaseOrderByCustomer eq '<id>'&$expand=to_Item&$orderby=SalesOrder`.
    ///
    /// SAP does not enforce unique purchase order numbers; when several orders match, the oldest (lowest
    /// `SalesOrder`) is returned and a warning is logged. Source: API_SALES_ORDER_SRV.
    /// - Throws: transport and classification errors.
    public func findSalesOrder(purchaseOrderByCustomer: String) async throws -> SalesOrder? {
        var query = ODataQuery()
        query.add("$filter", "PurchaseOrderByCustomer eq " + ODataLiteral.string(purchaseOrderByCustomer))
        query.add("$expand", "to_Item")
        query.add("$orderby", "SalesOrder")
        query.add("$top", "5")
        let page = try await get(
            url(.salesOrder, "A_SalesOrder", query: query), endpoint: "A_SalesOrder.find",
            as: ODataCollectionPage<SalesOrderWire>.self)
        if page.results.count > 1 {
            logger.warning(
                "Several SAP Sales Orders carry the same PurchaseOrderByCustomer; using the oldest",
                metadata: ["sap.purchaseOrderByCustomer": "\(purchaseOrderByCustomer)",
                           "sap.salesOrders": "\(page.results.map(\.model.number).joined(separator: ","))"])
        }
        return page.results.first?.model
    }

    /// Creates a Sales Order with its items in one deep insert (`POST A_SalesOrder` with `to_Item`, each item
    /// priced through `to_PricingElement`: `ConditionType` = the draft's condition type, `ConditionRateValue` =
    /// net price per unit, `ConditionCurrency`). Quantities and prices are sent as Edm.Decimal strings.
    /// - Returns: the created order (number, `TotalNetAmount` in `TransactionCurrency`, items when SAP returns them).
    /// - Throws: `.validationFailed` for an unknown material or sold-to party (SAP's message, `vendorCode` such as
    ///   `V1/331`); `.invalidInput` for a draft without items; `outcomeUnknown` errors when the answer was lost.
    public func createSalesOrder(_ draft: SalesOrderDraft) async throws -> SalesOrder {
        guard !draft.items.isEmpty else {
            throw SyncError(
                code: .invalidInput, system: .sap, message: "A Sales Order needs at least one item",
                recordID: draft.purchaseOrderByCustomer, field: "to_Item")
        }
        let created = try await create(
            url(.salesOrder, "A_SalesOrder"), body: SalesOrderPayload(draft: draft), endpoint: "A_SalesOrder.create",
            as: ODataEntityEnvelope<SalesOrderWire>.self
        ).entity.model
        logger.info(
            "SAP Sales Order created",
            metadata: ["sap.salesOrder": "\(created.number)",
                       "sap.purchaseOrderByCustomer": "\(draft.purchaseOrderByCustomer)"])
        return created
    }

    /// Reads one Sales Order with its items (`GET A_SalesOrder('<number>')?$expand=to_Item`).
    /// - Parameter number: the `SalesOrder` number, digits and letters only (e.g. `"4000043"`).
    /// - Returns: the order, or `nil` when SAP answers 404.
    /// - Throws: `.invalidInput` for a number with other characters; transport and classification errors.
    public func salesOrder(number: String) async throws -> SalesOrder? {
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw SyncError(
                code: .invalidInput, system: .sap, message: "A Sales Order number has only letters and digits",
                recordID: number, field: "SalesOrder")
        }
        var query = ODataQuery()
        query.add("$expand", "to_Item")
        return try await getIfExists(
            url(.salesOrder, "A_SalesOrder(\(ODataLiteral.string(number)))", query: query),
            endpoint: "A_SalesOrder.read", as: ODataEntityEnvelope<SalesOrderWire>.self
        )?.entity.model
    }
}

extension SAPClient {
    /// Streams every Sales Order with its items, page by page
    /// (`GET A_SalesOrder?$expand=to_Item&$orderby=SalesOrder`, paged as ``forEachPage``). Source: API_SALES_ORDER_SRV.
    /// - Throws: transport and classification errors, or what `body` throws.
    public func forEachSalesOrderPage(_ body: @Sendable ([SalesOrder]) async throws -> Void) async throws {
        var query = ODataQuery()
        query.add("$expand", "to_Item")
        query.add("$orderby", "SalesOrder")
        try await forEachPage(.salesOrder, "A_SalesOrder", query: query, endpoint: "A_SalesOrder.list", as: SalesOrderWire.self) { rows in
            try await body(rows.map(\.model))
        }
    }
}
