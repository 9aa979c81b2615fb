import Foundation

/// What the engine needs from SAP S/4HANA (OData V2). Implemented by `SAPConnector.SAPClient`.
///
/// All methods throw `SyncError` (system `.sap`) after the HTTP layer's retries. Creates are never retried by the
/// HTTP layer when the outcome is unknown (`SyncError.outcomeUnknown`); the engine looks the reference up first.
public protocol SAPGateway: Sendable {
    /// Finds the Business Partner CRMSync created for a Salesforce Account
    /// (`A_BusinessPartner?$filter=BusinessPartnerIDByExtSystem eq '<ID UPPER-CASED>'`).
    func findBusinessPartner(externalReference: String) async throws -> BusinessPartner?

    /// Creates a Business Partner with address, customer roles (FLCU00, FLCU01) and sales area (deep insert).
    /// - Throws: `.validationFailed` with SAP's message (e.g. missing address language).
    func createBusinessPartner(_ draft: BusinessPartnerDraft) async throws -> BusinessPartner

    /// Finds a Sales Order by `PurchaseOrderByCustomer` (the Opportunity Id), with its items.
    func findSalesOrder(purchaseOrderByCustomer: String) async throws -> SalesOrder?

    /// Creates a Sales Order with its items (deep insert through `to_Item`).
    /// - Throws: `.validationFailed` for an unknown material or sold-to party (SAP's message in `message`).
    func createSalesOrder(_ draft: SalesOrderDraft) async throws -> SalesOrder

    /// Reads one Sales Order with items; `nil` when it does not exist.
    func salesOrder(number: String) async throws -> SalesOrder?

    /// Streams products whose `LastChangeDateTime` is at or after `since` (all when `nil`), ordered by
    /// (LastChangeDateTime, Product), page by page.
    func forEachChangedProductPage(since: Date?, _ body: @Sendable ([SAPProduct]) async throws -> Void) async throws

    /// Streams unrestricted own stock rows of `A_MatlStkInAcctMod` (`InventoryStockType eq '01'`), ordered by
    /// Material and Plant, page by page; only the given materials when `materials` is not `nil`.
    func forEachStockPage(materials: [String]?, _ body: @Sendable ([MaterialStockRow]) async throws -> Void) async throws

    /// Streams every Sales Order with its items (`A_SalesOrder?$expand=to_Item&$orderby=SalesOrder`), page by page
    /// (only one page in memory). Used by the drift report; `TotalNetAmount` is in `TransactionCurrency`, item
    /// quantities in `RequestedQuantityUnit`.
    /// - Throws: `SyncError` (system `.sap`) after the HTTP layer's retries; the default implementation throws
    ///   `.malformedRequest` (a gateway that cannot list Sales Orders).
    func forEachSalesOrderPage(_ body: @Sendable ([SalesOrder]) async throws -> Void) async throws
}

extension SAPGateway {
    /// Default for gateways written before the drift report: listing is not supported.
    /// - Throws: `SyncError` `.malformedRequest` (system `.sap`) always.
    public func forEachSalesOrderPage(_ body: @Sendable ([SalesOrder]) async throws -> Void) async throws {
        throw SyncError(code: .malformedRequest, system: .sap, message: "This SAP gateway cannot list Sales Orders.")
    }
}
