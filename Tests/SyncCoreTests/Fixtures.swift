import Foundation
import SyncCore

/// Builders of domain values for the planner tests.
enum Fixtures {
    static let stamp = Date(timeIntervalSince1970: 1_764_460_800) // 2025-11-30T00:00:00Z

    static func account(id: String = "001000000000001AAA", name: String = "Acme GmbH", country: String? = "DE") -> Account {
        Account(id: id, name: name, billingStreet: "Hauptstr. 1", billingCity: "Hamburg", billingPostalCode: "20095", billingCountry: country)
    }

    static func line(
        id: String = "00k000000000001AAA", code: String? = "TG-1000", quantity: Decimal? = 5, price: Decimal? = Decimal(string: "12.50")
    ) -> OpportunityLineItem {
        OpportunityLineItem(id: id, product2Id: "01t000000000001AAA", productCode: code, productName: "Widget", quantity: quantity, unitPrice: price)
    }

    static func opportunity(
        id: String = "006000000000001AAA", account: Account? = account(), stage: String = "Closed Won",
        currency: String? = "EUR", lines: [OpportunityLineItem] = [line()],
        contacts: [OpportunityContact] = [OpportunityContact(contactId: "003000000000001AAA", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", isPrimary: true)],
        syncFields: OpportunitySyncFields = OpportunitySyncFields()
    ) -> Opportunity {
        Opportunity(
            id: id, name: "Deal", account: account, stageName: stage, isWon: stage == "Closed Won", isClosed: stage.hasPrefix("Closed"),
            closeDate: CalendarDate(year: 2025, month: 11, day: 28), amount: 62.5, currencyIsoCode: currency,
            lastModifiedDate: stamp, systemModstamp: stamp, lineItems: lines, contacts: contacts, syncFields: syncFields)
    }
}

extension ReconcileAction {
    /// The operation kind, for compact assertions.
    var kind: String { operation.kind }
}
