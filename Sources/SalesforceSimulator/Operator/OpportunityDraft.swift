import Foundation

/// An Opportunity a user enters in the org, with its products and contact roles.
public struct OpportunityDraft: Sendable, Hashable {
    /// One product line.
    public struct Line: Sendable, Hashable {
        /// `Product2.ProductCode` of an existing product.
        public var productCode: String
        /// Quantity in the product's unit of measure.
        public var quantity: Decimal
        /// Sales price per unit in the Opportunity currency.
        public var unitPrice: Decimal

        public init(productCode: String, quantity: Decimal, unitPrice: Decimal) {
            self.productCode = productCode
            self.quantity = quantity
            self.unitPrice = unitPrice
        }
    }

    /// 18-character Account Id.
    public var accountId: String
    public var name: String
    /// `StageName`, e.g. `Prospecting` or `Closed Won`.
    public var stage: String
    /// `CloseDate` as `yyyy-MM-dd`.
    public var closeDate: String
    /// ISO 4217 `CurrencyIsoCode` (multi-currency orgs); nil: the corporate currency.
    public var currency: String?
    public var lines: [Line]
    /// Contact Ids given a contact role; the first is primary.
    public var contactIds: [String]

    public init(
        accountId: String, name: String, stage: String, closeDate: String, currency: String? = nil, lines: [Line] = [],
        contactIds: [String] = []
    ) {
        self.accountId = accountId
        self.name = name
        self.stage = stage
        self.closeDate = closeDate
        self.currency = currency
        self.lines = lines
        self.contactIds = contactIds
    }
}
