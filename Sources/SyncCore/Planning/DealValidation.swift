import Foundation

/// Checks a Closed Won Opportunity before any call is made, naming the record and field of the first problem.
///
/// Rules: an Account (`Opportunity.AccountId`); at least one OpportunityLineItem; per line a
/// `Product2.ProductCode`, a `Quantity` above zero and a `UnitPrice` of zero or more; a known currency
/// (`Opportunity.CurrencyIsoCode`). For SAP also an Account name that fits `OrganizationBPName1...4`
/// (4 x 40 characters) and a billing country of two letters. For Zoho an Account name of at most 200 characters.
public enum DealValidation {
    /// Longest Account name SAP can hold (four 40-character name fields).
    public static let maxSAPNameLength = 160
    /// Longest Zoho `contact_name`.
    public static let maxZohoNameLength = 200

    /// Problems shared by both deal flows.
    public static func commonProblem(in opportunity: Opportunity, settings: SyncSettings, system: SyncSystem) -> SyncError? {
        func invalid(_ field: String, _ message: String) -> SyncError {
            SyncError(code: .invalidInput, system: system, message: message, recordID: opportunity.id, field: field)
        }
        guard let account = opportunity.account else {
            return invalid("Opportunity.AccountId", "Opportunity \(opportunity.id) has no Account; set the Account and the deal syncs on its next change.")
        }
        if account.name.trimmingCharacters(in: .whitespaces).isEmpty {
            return invalid("Account.Name", "Account \(account.id) has an empty name.")
        }
        if opportunity.lineItems.isEmpty {
            return invalid("Opportunity.OpportunityLineItems", "Opportunity \(opportunity.id) is Closed Won but has no OpportunityLineItems; add products to the deal.")
        }
        for line in opportunity.lineItems {
            guard let code = line.productCode, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                return invalid("Product2.ProductCode", "OpportunityLineItem \(line.id) has a product without a ProductCode (the SAP Material number).")
            }
            guard let quantity = line.quantity, quantity > 0 else {
                return invalid("OpportunityLineItem.Quantity", "OpportunityLineItem \(line.id) has quantity \(line.quantity.map { "\($0)" } ?? "null"); it must be above zero.")
            }
            guard let price = line.unitPrice, price >= 0 else {
                return invalid("OpportunityLineItem.UnitPrice", "OpportunityLineItem \(line.id) has no valid UnitPrice.")
            }
        }
        let currency = currency(of: opportunity, settings: settings)
        if !settings.knownCurrencies.contains(currency) {
            return invalid("Opportunity.CurrencyIsoCode", "Opportunity \(opportunity.id) has currency '\(currency)', which is not a known ISO 4217 currency.")
        }
        return nil
    }

    /// Problems that stop the SAP Sales Order.
    public static func sapProblem(in opportunity: Opportunity, settings: SyncSettings) -> SyncError? {
        if let problem = commonProblem(in: opportunity, settings: settings, system: .sap) { return problem }
        let account = opportunity.account!
        if account.name.count > maxSAPNameLength {
            return SyncError(
                code: .invalidInput, system: .sap,
                message: "Account \(account.id) name has \(account.name.count) characters; SAP holds at most \(maxSAPNameLength) (OrganizationBPName1...4).",
                recordID: opportunity.id, field: "Account.Name")
        }
        let country = (account.billingCountry ?? "").trimmingCharacters(in: .whitespaces)
        if country.count != 2 || !country.allSatisfy({ $0.isASCII && $0.isLetter }) {
            return SyncError(
                code: .invalidInput, system: .sap,
                message: "Account \(account.id) billing country '\(country)' is not an ISO 3166-1 alpha-2 code; SAP needs one for the Business Partner address.",
                recordID: opportunity.id, field: "Account.BillingCountryCode")
        }
        for line in opportunity.lineItems where (line.productCode ?? "").count > 40 {
            return SyncError(
                code: .invalidInput, system: .sap,
                message: "ProductCode of OpportunityLineItem \(line.id) is longer than SAP's 40-character Material.",
                recordID: opportunity.id, field: "Product2.ProductCode")
        }
        return nil
    }

    /// Problems that stop the Zoho invoice.
    public static func zohoProblem(in opportunity: Opportunity, settings: SyncSettings) -> SyncError? {
        if let problem = commonProblem(in: opportunity, settings: settings, system: .zohoBooks) { return problem }
        let account = opportunity.account!
        if account.name.count > maxZohoNameLength {
            return SyncError(
                code: .invalidInput, system: .zohoBooks,
                message: "Account \(account.id) name has \(account.name.count) characters; a Zoho contact name holds at most \(maxZohoNameLength).",
                recordID: opportunity.id, field: "Account.Name")
        }
        return nil
    }

    /// The Opportunity's currency: `CurrencyIsoCode`, else the configured default.
    public static func currency(of opportunity: Opportunity, settings: SyncSettings) -> String {
        (opportunity.currencyIsoCode ?? settings.defaultCurrency).uppercased()
    }
}
