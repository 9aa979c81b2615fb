import Foundation
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("Opportunity and Product2 rows")
struct OpportunityDecodingTests {
    let decoder = SalesforceRecordDecoder(fieldNames: SalesforceFieldNames())

    /// A row shaped like the reference's constructed OpportunityLineItems illustration (§3), with real-shaped Ids
    /// (15-character ones where the API could be given them) and the documented value formats (§11).
    static let row = #"""
    {"attributes":{"type":"Opportunity","url":"/services/data/v60.0/sobjects/Opportunity/0067Q00000AbCdEQAV"},
     "Id":"0067Q00000AbCdEQAV","Name":"Renewal 2025","AccountId":"001B000001LntWl",
     "Account":{"attributes":{"type":"Account","url":"/services/data/v60.0/sobjects/Account/001B000001LntWlIAJ"},
       "Name":"Bob's BBQ & Søn","BillingStreet":"1 Main St\nSuite 2","BillingCity":"Zürich","BillingPostalCode":"8001",
       "BillingCountry":"Switzerland","BillingCountryCode":"CH"},
     "StageName":"Closed Won","IsWon":true,"IsClosed":true,"CloseDate":"2025-03-31","Amount":50000.0,
     "CurrencyIsoCode":"EUR","LastModifiedDate":"2025-04-01T10:15:30.000+0000","SystemModstamp":"2025-04-01T10:15:31.000+0000",
     "IsDeleted":false,"SAP_Order_Number__c":null,"Zoho_Invoice_Number__c":"INV-000042","Sync_Status__c":"Partial",
     "Last_Sync_Date__c":"2025-04-01T10:20:00.000+0000","Payment_Received__c":false,"Payment_Date__c":null,
     "Payment_Amount__c":0.1,"Payment_Method__c":null,
     "OpportunityLineItems":{"totalSize":1,"done":true,"records":[
       {"attributes":{"type":"OpportunityLineItem","url":"/services/data/v60.0/sobjects/OpportunityLineItem/00k7Q000002AbCdQAK"},
        "Id":"00k7Q000002AbCdQAK","Product2Id":"01t7Q000000XyZaQAK",
        "Product2":{"attributes":{"type":"Product2","url":"/x"},"ProductCode":"TG11","Name":"Trading Good 11"},
        "Quantity":32.0,"UnitPrice":1.1,"TotalPrice":35.2,"Description":null}]},
     "OpportunityContactRoles":null}
    """#

    @Test("a row decodes with parent fields, child rows, exact decimals and 18-character Ids")
    func opportunity() throws {
        let opportunity = try decoder.opportunity(try JSONValue.parse(Data(Self.row.utf8)))
        #expect(opportunity.id == "0067Q00000AbCdEQAV")
        #expect(opportunity.account == Account(
            id: "001B000001LntWlIAJ", name: "Bob's BBQ & Søn", billingStreet: "1 Main St\nSuite 2",
            billingCity: "Zürich", billingPostalCode: "8001", billingCountry: "CH"))
        #expect(opportunity.stageName == "Closed Won" && opportunity.isWon && opportunity.isClosed)
        #expect(opportunity.closeDate == CalendarDate(year: 2025, month: 3, day: 31))
        #expect(opportunity.amount == Decimal(string: "50000"))
        #expect(opportunity.currencyIsoCode == "EUR")
        #expect(opportunity.lastModifiedDate == SalesforceDateTimeTests.foundationParse("2025-04-01T10:15:30.000+0000"))
        #expect(opportunity.systemModstamp == SalesforceDateTimeTests.foundationParse("2025-04-01T10:15:31.000+0000"))
        #expect(opportunity.lineItems == [OpportunityLineItem(
            id: "00k7Q000002AbCdQAK", product2Id: "01t7Q000000XyZaQAK", productCode: "TG11",
            productName: "Trading Good 11", quantity: Decimal(string: "32"), unitPrice: Decimal(string: "1.1"),
            totalPrice: Decimal(string: "35.2"), description: nil)])
        #expect(opportunity.contacts.isEmpty)
        #expect(opportunity.syncFields == OpportunitySyncFields(
            sapOrderNumber: nil, zohoInvoiceNumber: "INV-000042", syncStatus: .partial,
            lastSyncDate: SalesforceDateTimeTests.foundationParse("2025-04-01T10:20:00.000+0000"),
            paymentReceived: false, paymentDate: nil, paymentAmount: Decimal(string: "0.1"), paymentMethod: nil))
    }

    @Test("a null Account lookup gives no account; without BillingCountryCode the country text is used")
    func nullAccount() throws {
        let original = try #require(try JSONValue.parse(Data(Self.row.utf8)).objectValue)
        var members = original
        members["Account"] = .null
        members["AccountId"] = .null
        #expect(try decoder.opportunity(.object(members)).account == nil)

        var account = try #require(original["Account"]?.objectValue)
        account["BillingCountryCode"] = nil
        members = original
        members["Account"] = .object(account)
        #expect(try decoder.opportunity(.object(members)).account?.billingCountry == "Switzerland")
    }

    @Test("a wrong kind names the record and field")
    func wrongKind() throws {
        var members = try #require(try JSONValue.parse(Data(Self.row.utf8)).objectValue)
        members["Amount"] = .string("fifty")
        do {
            _ = try decoder.opportunity(.object(members))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedResponse && error.field == "Amount" && error.recordID == "0067Q00000AbCdEQAV")
        }
    }

    @Test("Product2 rows: stock as Decimal, empty ProductCode as nil")
    func product2() throws {
        let json = try JSONValue.parse(Data(#"""
            {"attributes":{"type":"Product2"},"Id":"01t7Q000000XyZa","ProductCode":"","Name":"Widget",
             "Available_Stock__c":1234.500,"Low_Stock_Alert__c":false,"Stock_Last_Updated__c":null,
             "LastModifiedDate":"2024-01-01T00:00:00.000+0000"}
            """#.utf8))
        let product = try decoder.product2(json)
        #expect(product == Product2Record(
            id: "01t7Q000000XyZaQAK", productCode: nil, name: "Widget", availableStock: Decimal(string: "1234.5"),
            lowStockAlert: false, lastModifiedDate: Date(timeIntervalSince1970: 1_704_067_200)))
    }
}
