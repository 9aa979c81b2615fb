import Foundation

/// The business settings the planners need (from configuration; defaults suit the simulators' seed).
public struct SyncSettings: Sendable, Hashable, Codable {
    /// SAP sales area and order type for new Sales Orders and customers.
    public var salesArea: SalesArea
    /// `BusinessPartnerGrouping` for new Business Partners, e.g. `"BP02"`.
    public var businessPartnerGrouping: String
    /// Address and correspondence language for new Business Partners, e.g. `"EN"`.
    public var language: String
    /// Pricing condition type carrying the Opportunity's unit price (e.g. `"PPR0"`).
    public var priceConditionType: String
    /// Unit of measure for Salesforce quantities, which carry none (e.g. `"PC"`).
    public var defaultUnit: String
    /// Currency of Opportunities in single-currency orgs (ISO 4217).
    public var defaultCurrency: String
    /// Currencies accepted on Opportunities (ISO 4217 codes); others are bad input.
    public var knownCurrencies: Set<String>
    /// Zoho invoice `payment_terms` in days.
    public var paymentTermsDays: Int
    /// Stock below this (in the material's base unit) sets `Low_Stock_Alert__c`.
    public var lowStockThreshold: Decimal
    /// Prefix of the Zoho `reference_number` built from the Opportunity Id (`"SF-"` + Id).
    public var invoiceReferencePrefix: String

    public init(
        salesArea: SalesArea = SalesArea(salesOrganization: "1010", distributionChannel: "10", division: "00", salesOrderType: "OR"),
        businessPartnerGrouping: String = "BP02",
        language: String = "EN",
        priceConditionType: String = "PPR0",
        defaultUnit: String = "PC",
        defaultCurrency: String = "EUR",
        knownCurrencies: Set<String> = ISO4217.common,
        paymentTermsDays: Int = 30,
        lowStockThreshold: Decimal = 10,
        invoiceReferencePrefix: String = "SF-"
    ) {
        self.salesArea = salesArea
        self.businessPartnerGrouping = businessPartnerGrouping
        self.language = language
        self.priceConditionType = priceConditionType
        self.defaultUnit = defaultUnit
        self.defaultCurrency = defaultCurrency
        self.knownCurrencies = knownCurrencies
        self.paymentTermsDays = paymentTermsDays
        self.lowStockThreshold = lowStockThreshold
        self.invoiceReferencePrefix = invoiceReferencePrefix
    }

    /// The Zoho `reference_number` for an Opportunity: prefix + 18-character Id (fits Zoho's 100 characters).
    public func invoiceReference(for opportunityID: String) -> String {
        invoiceReferencePrefix + opportunityID
    }
}

/// ISO 4217 currency codes.
public enum ISO4217 {
    /// Actively used currency codes CRMSync accepts by default.
    public static let common: Set<String> = [
        "AED", "ARS", "AUD", "BGN", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EGP", "EUR", "GBP",
        "HKD", "HUF", "IDR", "ILS", "INR", "ISK", "JPY", "KES", "KRW", "KWD", "MAD", "MXN", "MYR", "NGN", "NOK",
        "NZD", "PEN", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD",
        "UAH", "USD", "VND", "ZAR",
    ]
}
