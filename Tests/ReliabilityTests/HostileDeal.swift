import Foundation
import SimulatorKit

/// One named case of the hostile-input corpus for the deal flows: a Closed Won Opportunity with its own Account,
/// contact and lines, and what the public APIs' documented rules say each flow must do with it.
struct HostileDeal: Sendable, CustomStringConvertible {
    /// What a flow must do with the deal.
    enum Outcome: Sendable, Equatable {
        /// The record syncs: exactly one Sales Order / invoice, the number written back.
        case synced
        /// Invoices only: the invoice is created and numbered back, but emailing it is a dead letter naming the field.
        case syncedWithoutEmail
        /// A dead letter for the Opportunity naming `field`; nothing is created in the target.
        case dead(field: String)
    }

    /// The case name, shown in failures.
    let name: String
    var accountName = "Hostile Control GmbH"
    var street = "Hafenstrasse 12"
    var city = "Hamburg"
    var postalCode = "20457"
    var country = "DE"
    var email: String? = "buyer@example.com"
    var lines: [Line] = [HostileDeal.line()]
    var currency = "EUR"
    /// False: the Opportunity has no Account (`AccountId` empty).
    var hasAccount = true
    /// A Zoho contact with exactly the Account name exists already (made by people), so CRMSync must find it by name.
    var existingZohoContact = false
    var orders: Outcome = .synced
    var invoices: Outcome = .synced

    var description: String { name }

    /// An OpportunityLineItem: product code, quantity and unit price as decimal text (the dataset's form).
    struct Line: Sendable {
        var product: String
        var quantity: String
        var unitPrice: String
    }

    /// A line of `quantity` units of `product` at 10.00 EUR.
    static func line(_ product: String = HostileSeed.plainProducts[0], quantity: String = "2", unitPrice: String = "10.00") -> Line {
        Line(product: product, quantity: quantity, unitPrice: unitPrice)
    }

    /// The deal with its own Account named `name`.
    static func named(_ caseName: String, account: String, orders: Outcome = .synced, invoices: Outcome = .synced) -> HostileDeal {
        var deal = HostileDeal(name: caseName)
        deal.accountName = account
        deal.orders = orders
        deal.invoices = invoices
        return deal
    }
}
