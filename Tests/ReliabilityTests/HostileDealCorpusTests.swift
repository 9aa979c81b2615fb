import Foundation
import SalesforceSimulator
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// Hostile input in the deal flows: every case of a group is one Opportunity in the same pass, so each case also
/// shows that a bad record does not hold the others back.
@Suite(.serialized) struct HostileDealCorpusTests {
    @Test func legalValues_syncUnchanged_inOnePass() async throws {
        try await runGroup(HostileDealCases.legal)
    }

    @Test func badInput_becomesDeadLettersNamingRecordAndField_whileTheRestSyncs() async throws {
        // The control deal rides along, so the group shows the rest of the pass proceeding.
        try await runGroup([HostileDealCases.legal[0]] + HostileDealCases.rejected)
    }

    @Test func corpus_hasAtLeastFortyDistinctNamedCases() {
        let names = (HostileDealCases.legal + HostileDealCases.rejected).map(\.name)
        #expect(names.count >= 40)
        #expect(Set(names).count == names.count)
        let accounts = (HostileDealCases.legal + HostileDealCases.rejected).map(\.accountName)
        #expect(Set(accounts).count == accounts.count, "Zoho contact names are unique per organization")
    }

    /// Runs one pass over the group, checks each case, then checks that a second pass changes nothing.
    private func runGroup(_ deals: [HostileDeal]) async throws {
        let seed = try HostileSeed.make(deals: deals, products: HostileDealCases.products)
        try await HostileWorld.run(seed: seed) { world in
            let report = try await world.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(report.flows.allSatisfy { $0.stoppedBy == nil }, "no system may be stopped by hostile input: \(report)")
            for (index, deal) in deals.enumerated() {
                try await DealCheck(world: world, deal: deal, key: HostileSeed.key(index)).verify()
            }
            let orders = world.running.sap.salesOrderCount()
            let invoices = world.running.zoho.allInvoices().count
            let letters = try await world.runtime.store.deadLetters(status: .open).count
            _ = try await world.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(world.running.sap.salesOrderCount() == orders, "a second pass creates no Sales Order")
            #expect(world.running.zoho.allInvoices().count == invoices, "a second pass creates no invoice")
            #expect(try await world.runtime.store.deadLetters(status: .open).count == letters, "a second pass adds no dead letter")
        }
    }
}

/// The checks of one deal case against the simulators' state, the journal and the dead letters.
struct DealCheck {
    let world: HostileWorld
    let deal: HostileDeal
    let key: String

    var opportunityID: String { world.id("opportunity:OPP-\(key)") }
    var accountID: String { world.id("account:ACC-\(key)") }

    func verify() async throws {
        let journal = try await world.journal(record: opportunityID)
        #expect(!journal.isEmpty, "\(deal): a journal row for the Opportunity")
        try await verifyOrders()
        try await verifyInvoices()
    }

    private func verifyOrders() async throws {
        let orders = world.running.sap.salesOrders(purchaseOrderByCustomer: opportunityID)
        let record = world.running.salesforce.record(id: opportunityID) ?? [:]
        switch deal.orders {
        case .synced, .syncedWithoutEmail:
            #expect(orders.count == 1, "\(deal): one Sales Order")
            guard let order = orders.first else { return }
            #expect(record["SAP_Order_Number__c"] == .string(order.salesOrder), "\(deal): SAP order number written back")
            #expect(order.items.map(\.material) == deal.lines.map { $0.product.uppercased() }, "\(deal): Materials")
            #expect(order.items.map(\.requestedQuantity) == deal.lines.map { Decimal(string: $0.quantity)! }, "\(deal): quantities")
            let partners = world.running.sap.businessPartners().filter { $0.businessPartnerIDByExtSystem == accountID.uppercased() }
            #expect(partners.count == 1, "\(deal): one Business Partner for the Account")
            if let partner = partners.first {
                #expect(order.soldToParty == partner.customer, "\(deal): sold-to party is the Account's customer")
                if deal.accountName.count <= 40 {
                    #expect(partner.fullName == deal.accountName, "\(deal): the name reaches SAP unchanged")
                } else {
                    #expect(deal.accountName.hasPrefix(String(partner.fullName.prefix(40))), "\(deal): the name reaches SAP split, not mangled")
                }
            }
        case .dead(let field):
            #expect(orders.isEmpty, "\(deal): no Sales Order")
            try await expectDeadLetter(flow: .orders, field: field)
        }
    }

    private func verifyInvoices() async throws {
        let invoices = world.running.zoho.invoices(referenceNumber: "SF-" + opportunityID)
        let record = world.running.salesforce.record(id: opportunityID) ?? [:]
        switch deal.invoices {
        case .synced, .syncedWithoutEmail:
            #expect(invoices.count == 1, "\(deal): one invoice")
            guard let invoice = invoices.first else { return }
            #expect(record["Zoho_Invoice_Number__c"] == .string(invoice.invoiceNumber), "\(deal): invoice number written back")
            let contact = world.running.zoho.contactID(named: deal.accountName)
            #expect(contact != nil && invoice.customerID == contact, "\(deal): the invoice's customer is the contact named exactly like the Account")
            let emails = world.running.zoho.sentEmails(invoiceID: invoice.invoiceID)
            if deal.invoices == .synced, let email = deal.email {
                #expect(emails.map(\.to) == [[email]], "\(deal): emailed once to the contact's address")
            } else {
                #expect(emails.isEmpty, "\(deal): not emailed")
                try await expectDeadLetter(flow: .invoices, field: "OpportunityContactRole.Contact.Email")
            }
        case .dead(let field):
            #expect(invoices.isEmpty, "\(deal): no invoice")
            try await expectDeadLetter(flow: .invoices, field: field)
        }
    }

    private func expectDeadLetter(flow: SyncFlow, field: String) async throws {
        let letters = try await world.openDeadLetters(record: opportunityID, flow: flow)
        #expect(letters.count == 1, "\(deal): one open \(flow.rawValue) dead letter, found \(letters.map(\.error.description))")
        guard let letter = letters.first else { return }
        #expect(letter.error.field == field, "\(deal): the dead letter names field \(field), not \(letter.error.field ?? "nothing")")
        let named = [opportunityID, accountID].map { $0.uppercased() }
        #expect(named.contains((letter.error.recordID ?? "").uppercased()), "\(deal): the error names the record, not \(letter.error.recordID ?? "nothing")")
        #expect(letter.error.isRecordFault, "\(deal): a record fault, not \(letter.error.code)")
    }
}
