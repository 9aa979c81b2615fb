import Foundation

/// A Sales Order as the operator API reports it (`A_SalesOrder` with its items).
public struct SalesOrderSummary: Sendable, Codable, Hashable {
    /// One `A_SalesOrderItem`.
    public struct Item: Sendable, Codable, Hashable {
        /// `SalesOrderItem` without leading zeros, e.g. `"10"`.
        public var salesOrderItem: String
        /// `Material`.
        public var material: String
        /// `RequestedQuantity` in `RequestedQuantityUnit`.
        public var requestedQuantity: Decimal
        /// `RequestedQuantityUnit`.
        public var requestedQuantityUnit: String
        /// `NetAmount` in the order's `TransactionCurrency`.
        public var netAmount: Decimal
    }

    /// `SalesOrder` number.
    public var salesOrder: String
    /// `PurchaseOrderByCustomer` (CRMSync writes the Opportunity Id here).
    public var purchaseOrderByCustomer: String
    /// `SoldToParty` (customer number).
    public var soldToParty: String
    /// `TransactionCurrency` (ISO 4217).
    public var transactionCurrency: String
    /// `TotalNetAmount` in `transactionCurrency`.
    public var totalNetAmount: Decimal
    /// `LastChangeDateTime` (UTC).
    public var lastChangeDateTime: Date?
    /// The items in item-number order.
    public var items: [Item]
}

/// A Business Partner as the operator API reports it.
public struct BusinessPartnerSummary: Sendable, Codable, Hashable {
    /// `BusinessPartner` number.
    public var businessPartner: String
    /// `Customer` number (empty when the partner has no customer role).
    public var customer: String
    /// `BusinessPartnerFullName`.
    public var fullName: String
    /// `SearchTerm1` (upper case).
    public var searchTerm1: String
    /// `BusinessPartnerIDByExtSystem` (upper case).
    public var businessPartnerIDByExtSystem: String
    /// Roles (`FLCU00`, `FLCU01`, ...).
    public var roles: [String]
}
