import Foundation
import SyncCore

/// Turns query rows into the SyncCore model, with the configured custom field names.
struct SalesforceRecordDecoder: Sendable {
    var fieldNames: SalesforceFieldNames

    /// Decodes one row of the Opportunity query (`SOQLQueryBuilder.opportunities`).
    ///
    /// `Account: null` gives `account == nil`; `OpportunityLineItems: null` gives no line items; `CurrencyIsoCode`
    /// is `nil` when not selected; Ids come back in their 18-character form.
    /// - Throws: `.malformedResponse` naming the record and field.
    func opportunity(_ json: JSONValue) throws(SyncError) -> Opportunity {
        let row = RecordReader(json, recordID: json["Id"]?.stringValue)
        let id = try row.id("Id")
        var account: Account?
        if let accountID = try row.optionalID("AccountId"), let parent = try row.parent("Account") {
            let countryCode = try parent.optionalString("BillingCountryCode")
            let country = try parent.optionalString("BillingCountry")
            account = Account(
                id: accountID, name: try parent.string("Name"),
                billingStreet: try parent.optionalString("BillingStreet"),
                billingCity: try parent.optionalString("BillingCity"),
                billingPostalCode: try parent.optionalString("BillingPostalCode"),
                billingCountry: countryCode ?? country)
        }
        var lineItems: [OpportunityLineItem] = []
        for child in try row.children(SOQLQueryBuilder.lineItemsRelationship) {
            lineItems.append(try lineItem(child))
        }
        var contacts: [OpportunityContact] = []
        for child in try row.children(SOQLQueryBuilder.contactRolesRelationship) {
            contacts.append(try contact(child))
        }
        return Opportunity(
            id: id, name: try row.string("Name"), account: account, stageName: try row.string("StageName"),
            isWon: try row.bool("IsWon"), isClosed: try row.bool("IsClosed"), closeDate: try row.optionalDate("CloseDate"),
            amount: try row.optionalDecimal("Amount"), currencyIsoCode: try row.optionalString("CurrencyIsoCode"),
            lastModifiedDate: try row.dateTime("LastModifiedDate"), systemModstamp: try row.dateTime("SystemModstamp"),
            isDeleted: try row.optionalBool("IsDeleted") ?? false, lineItems: lineItems, contacts: contacts,
            syncFields: try syncFields(row))
    }

    private func lineItem(_ json: JSONValue) throws(SyncError) -> OpportunityLineItem {
        let row = RecordReader(json, recordID: json["Id"]?.stringValue)
        let product = try row.parent("Product2")
        return OpportunityLineItem(
            id: try row.id("Id"), product2Id: try row.optionalID("Product2Id"),
            productCode: try product?.optionalString("ProductCode").flatMap { $0.isEmpty ? nil : $0 },
            productName: try product?.optionalString("Name"),
            quantity: try row.optionalDecimal("Quantity"), unitPrice: try row.optionalDecimal("UnitPrice"),
            totalPrice: try row.optionalDecimal("TotalPrice"), description: try row.optionalString("Description"))
    }

    private func contact(_ json: JSONValue) throws(SyncError) -> OpportunityContact {
        let row = RecordReader(json, recordID: json["ContactId"]?.stringValue)
        let person = try row.parent("Contact")
        return OpportunityContact(
            contactId: try row.id("ContactId"), firstName: try person?.optionalString("FirstName"),
            lastName: try person?.optionalString("LastName"), email: try person?.optionalString("Email"),
            isPrimary: try row.optionalBool("IsPrimary") ?? false)
    }

    private func syncFields(_ row: RecordReader) throws(SyncError) -> OpportunitySyncFields {
        OpportunitySyncFields(
            sapOrderNumber: try row.optionalString(fieldNames.sapOrderNumber),
            zohoInvoiceNumber: try row.optionalString(fieldNames.zohoInvoiceNumber),
            syncStatus: try row.optionalString(fieldNames.syncStatus).flatMap(SyncStatus.init(rawValue:)),
            lastSyncDate: try row.optionalDateTime(fieldNames.lastSyncDate),
            paymentReceived: try row.optionalBool(fieldNames.paymentReceived),
            paymentDate: try row.optionalDate(fieldNames.paymentDate),
            paymentAmount: try row.optionalDecimal(fieldNames.paymentAmount),
            paymentMethod: try row.optionalString(fieldNames.paymentMethod))
    }

    /// Decodes one row of the Product2 query (`SOQLQueryBuilder.product2`); an empty `ProductCode` becomes `nil`.
    /// - Throws: `.malformedResponse` naming the record and field.
    func product2(_ json: JSONValue) throws(SyncError) -> Product2Record {
        let row = RecordReader(json, recordID: json["Id"]?.stringValue)
        return Product2Record(
            id: try row.id("Id"),
            productCode: try row.optionalString("ProductCode").flatMap { $0.isEmpty ? nil : $0 },
            name: try row.string("Name"), availableStock: try row.optionalDecimal(fieldNames.availableStock),
            lowStockAlert: try row.optionalBool(fieldNames.lowStockAlert),
            lastModifiedDate: try row.optionalDateTime("LastModifiedDate"))
    }
}
