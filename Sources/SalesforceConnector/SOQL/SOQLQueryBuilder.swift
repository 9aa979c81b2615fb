import SyncCore

/// Builds the SOQL statements CRMSync sends; every value goes through `SOQL.literal`.
struct SOQLQueryBuilder: Sendable {
    var fieldNames: SalesforceFieldNames
    /// Select `CurrencyIsoCode` (only multi-currency orgs have it).
    var multiCurrency: Bool
    /// Select `Account.BillingCountryCode` (only orgs with state and country picklists have it).
    var billingCountryCode: Bool

    /// The child relationship names of the Opportunity query.
    static let lineItemsRelationship = "OpportunityLineItems"
    static let contactRolesRelationship = "OpportunityContactRoles"

    /// The Opportunity query for one window: Account parent fields, the sync fields, OpportunityLineItems and
    /// OpportunityContactRoles subqueries, `field >= from AND field < to`, optional `IsWon` and `Id IN` filters,
    /// ordered by `field, Id`.
    func opportunities(_ query: OpportunityQuery) -> String {
        var fields = [
            "Id", "Name", "AccountId", "Account.Name", "Account.BillingStreet", "Account.BillingCity",
            "Account.BillingPostalCode", "Account.BillingCountry",
        ]
        if billingCountryCode { fields.append("Account.BillingCountryCode") }
        fields += ["StageName", "IsWon", "IsClosed", "CloseDate", "Amount"]
        if multiCurrency { fields.append("CurrencyIsoCode") }
        fields += ["LastModifiedDate", "SystemModstamp", "IsDeleted"]
        fields += fieldNames.opportunityFields
        fields.append(
            "(SELECT Id, Product2Id, Product2.ProductCode, Product2.Name, Quantity, UnitPrice, TotalPrice, Description"
                + " FROM \(Self.lineItemsRelationship) ORDER BY Id)")
        fields.append(
            "(SELECT ContactId, Contact.FirstName, Contact.LastName, Contact.Email, IsPrimary"
                + " FROM \(Self.contactRolesRelationship))")

        let field = query.field.rawValue
        var conditions: [String] = []
        if let from = query.from { conditions.append("\(field) >= \(SOQL.literal(from))") }
        if let to = query.to { conditions.append("\(field) < \(SOQL.literal(to))") }
        if query.onlyWon { conditions.append("IsWon = \(SOQL.literal(true))") }
        if let ids = query.ids {
            // An empty Id list selects nothing: a filter no Id satisfies keeps the statement valid.
            conditions.append("Id IN \(SOQL.inList(ids) ?? "('')")")
        }
        var soql = "SELECT \(fields.joined(separator: ", ")) FROM Opportunity"
        if !conditions.isEmpty { soql += " WHERE " + conditions.joined(separator: " AND ") }
        return soql + " ORDER BY \(field), Id"
    }

    /// All Product2 records with the stock fields, ordered by Id.
    func product2() -> String {
        let fields = ["Id", "ProductCode", "Name"] + fieldNames.product2StockFields + ["LastModifiedDate"]
        return "SELECT \(fields.joined(separator: ", ")) FROM Product2 ORDER BY Id"
    }
}
