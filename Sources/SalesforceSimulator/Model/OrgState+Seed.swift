import Foundation
import SimulatorKit

extension OrgState {
    /// Ids of seeded records by dataset key: `account:<key>`, `contact:<key>`, `opportunity:<key>`,
    /// `product:<code>`.
    typealias SeedIndex = [String: String]

    /// Loads `seed`: Accounts (with Billing address), their Contacts, Product2 for products in Salesforce,
    /// standard PricebookEntries per currency, Opportunities with OpportunityLineItems and OpportunityContactRoles
    /// (first role primary). Ids come from per-type counters in dataset order, so the same seed gives the same Ids.
    mutating func load(_ seed: SeedDataset, now: Date) -> SeedIndex {
        var index: SeedIndex = [:]
        let baseline = SalesforceDateFormat.wholeSeconds(now.addingTimeInterval(-30 * 86_400))
        let currencies = multiCurrency ? seed.organization.currencies : [seed.organization.defaultCurrency]

        func insert(_ type: String, _ values: [String: FieldValue], stamp: Date) -> String {
            let object = schema.object(type)!
            var record = SObjectRecord(type: type, id: nextId(for: object), fields: values, deletedAt: nil)
            if multiCurrency, record["CurrencyIsoCode"].isNull { record["CurrencyIsoCode"] = .string(defaultCurrency) }
            if !multiCurrency { record.fields["CurrencyIsoCode"] = nil }
            for field in object.fields where field.type == .boolean && field.writable && record[field.name].isNull {
                record[field.name] = .bool(false)
            }
            for field in ["CreatedDate", "LastModifiedDate", "SystemModstamp"] { record[field] = .dateTime(stamp) }
            store(record)
            return record.id
        }
        func text(_ value: String?) -> FieldValue { value.map(FieldValue.string) ?? .null }
        func number(_ value: String) -> FieldValue {
            Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")).map(FieldValue.number) ?? .null
        }
        func instant(_ value: String) -> Date {
            SalesforceDateFormat.parseDateTime(value).map(SalesforceDateFormat.wholeSeconds) ?? baseline
        }

        for account in seed.accounts {
            let countryName = Locale(identifier: "en_US").localizedString(forRegionCode: account.country) ?? account.country
            index["account:\(account.key)"] = insert(
                "Account",
                [
                    "Name": .string(account.name), "BillingStreet": .string(account.street),
                    "BillingCity": .string(account.city), "BillingPostalCode": .string(account.postalCode),
                    "BillingCountry": .string(countryName), "BillingCountryCode": .string(account.country),
                ], stamp: baseline)
        }
        for account in seed.accounts {
            for contact in account.contacts {
                index["contact:\(contact.key)"] = insert(
                    "Contact",
                    [
                        "AccountId": text(index["account:\(account.key)"]), "FirstName": .string(contact.firstName),
                        "LastName": .string(contact.lastName), "Email": text(contact.email),
                    ], stamp: baseline)
            }
        }
        for product in seed.products where product.inSalesforce {
            index["product:\(product.code)"] = insert(
                "Product2",
                [
                    "Name": .string(product.name), "ProductCode": .string(product.code), "IsActive": .bool(true),
                    "QuantityUnitOfMeasure": .string(product.baseUnit),
                ], stamp: min(instant(product.lastChangeDateTime), SalesforceDateFormat.wholeSeconds(now)))
        }
        for product in seed.products where product.inSalesforce {
            for currency in currencies {
                guard let price = product.listPrices[currency] else { continue }
                index["pricebookEntry:\(product.code):\(currency)"] = insert(
                    "PricebookEntry",
                    [
                        "Pricebook2Id": .string(standardPricebookId), "Product2Id": text(index["product:\(product.code)"]),
                        "UnitPrice": number(price), "IsActive": .bool(true), "CurrencyIsoCode": .string(currency),
                    ], stamp: baseline)
            }
        }
        for opportunity in seed.opportunities {
            let stamp = instant(opportunity.lastModified)
            let opportunityId = insert(
                "Opportunity",
                [
                    "Name": .string(opportunity.name), "AccountId": text(index["account:\(opportunity.account)"]),
                    "StageName": .string(opportunity.stage),
                    "CloseDate": SalesforceDateFormat.parseDate(opportunity.closeDate).map(FieldValue.date) ?? .null,
                    "CurrencyIsoCode": .string(opportunity.currency), "Pricebook2Id": .string(standardPricebookId),
                ], stamp: stamp)
            index["opportunity:\(opportunity.key)"] = opportunityId
            for line in opportunity.lines {
                let entryId = index["pricebookEntry:\(line.product):\(opportunity.currency)"]
                    ?? currencies.lazy.compactMap { index["pricebookEntry:\(line.product):\($0)"] }.first
                _ = insert(
                    "OpportunityLineItem",
                    [
                        "OpportunityId": .string(opportunityId), "Product2Id": text(index["product:\(line.product)"]),
                        "PricebookEntryId": text(entryId), "Quantity": number(line.quantity),
                        "UnitPrice": number(line.unitPrice), "CurrencyIsoCode": .string(opportunity.currency),
                    ], stamp: stamp)
            }
            for (position, contactKey) in opportunity.contactRoles.enumerated() {
                _ = insert(
                    "OpportunityContactRole",
                    [
                        "OpportunityId": .string(opportunityId), "ContactId": text(index["contact:\(contactKey)"]),
                        "IsPrimary": .bool(position == 0), "Role": .string(position == 0 ? "Decision Maker" : "Influencer"),
                    ], stamp: stamp)
            }
        }
        return index
    }
}
