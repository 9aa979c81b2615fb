import Foundation
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("SOQL query builders")
struct SOQLQueryBuilderTests {
    let builder = SOQLQueryBuilder(fieldNames: SalesforceFieldNames(), multiCurrency: true, billingCountryCode: true)

    @Test("an Opportunity window is field >= from AND field < to, won only, ordered by field and Id")
    func window() {
        let query = OpportunityQuery(
            from: Date(timeIntervalSince1970: 1_704_067_200), to: Date(timeIntervalSince1970: 1_704_070_800),
            field: .systemModstamp, onlyWon: true)
        let soql = builder.opportunities(query)
        #expect(soql.hasPrefix("SELECT Id, Name, AccountId, Account.Name, Account.BillingStreet, Account.BillingCity, "))
        #expect(soql.contains(" FROM Opportunity WHERE SystemModstamp >= 2024-01-01T00:00:00Z"
            + " AND SystemModstamp < 2024-01-01T01:00:00Z AND IsWon = true ORDER BY SystemModstamp, Id"))
        #expect(soql.hasSuffix("ORDER BY SystemModstamp, Id"))
        #expect(soql.contains(
            "(SELECT Id, Product2Id, Product2.ProductCode, Product2.Name, Quantity, UnitPrice, TotalPrice, Description"
                + " FROM OpportunityLineItems ORDER BY Id)"))
        #expect(soql.contains(
            "(SELECT ContactId, Contact.FirstName, Contact.LastName, Contact.Email, IsPrimary FROM OpportunityContactRoles)"))
        for field in ["StageName", "IsWon", "IsClosed", "CloseDate", "Amount", "CurrencyIsoCode", "LastModifiedDate",
                      "SystemModstamp", "IsDeleted", "Account.BillingCountryCode", "SAP_Order_Number__c",
                      "Zoho_Invoice_Number__c", "Sync_Status__c", "Last_Sync_Date__c", "Payment_Received__c",
                      "Payment_Date__c", "Payment_Amount__c", "Payment_Method__c"] {
            #expect(soql.contains(" \(field),"), "missing \(field)")
        }
    }

    @Test("single-currency orgs and orgs without country picklists select neither column")
    func optionalColumns() {
        let plain = SOQLQueryBuilder(fieldNames: SalesforceFieldNames(), multiCurrency: false, billingCountryCode: false)
        let soql = plain.opportunities(OpportunityQuery(onlyWon: false))
        #expect(!soql.contains("CurrencyIsoCode"))
        #expect(!soql.contains("BillingCountryCode"))
        #expect(soql.contains("Account.BillingCountry,"))
        #expect(soql.hasSuffix(" FROM Opportunity ORDER BY LastModifiedDate, Id"))
    }

    @Test("an Id filter is an IN list of escaped literals")
    func idFilter() {
        let soql = builder.opportunities(OpportunityQuery(onlyWon: false, ids: ["0067Q00000AbCdEQAV", "x'y"]))
        #expect(soql.contains(#" WHERE Id IN ('0067Q00000AbCdEQAV','x\'y') ORDER BY"#))
    }

    @Test("configured field names replace the defaults")
    func customNames() {
        var names = SalesforceFieldNames()
        names.sapOrderNumber = "ERP_Order__c"
        names.availableStock = "Stock__c"
        let custom = SOQLQueryBuilder(fieldNames: names, multiCurrency: false, billingCountryCode: true)
        #expect(custom.opportunities(OpportunityQuery()).contains(" ERP_Order__c,"))
        #expect(!custom.opportunities(OpportunityQuery()).contains("SAP_Order_Number__c"))
        #expect(custom.product2().contains("Stock__c"))
    }

    @Test("Product2 query reads the stock fields ordered by Id")
    func product2() {
        #expect(builder.product2() == "SELECT Id, ProductCode, Name, Available_Stock__c, Low_Stock_Alert__c,"
            + " Stock_Last_Updated__c, LastModifiedDate FROM Product2 ORDER BY Id")
    }
}
