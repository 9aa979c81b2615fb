import Foundation
import SyncCore
import Testing

@Suite struct DealPlannerTests {
    let planner = DealPlanner(settings: SyncSettings(), flows: [.orders, .invoices])

    @Test func plan_newClosedWonDeal_createsPartnerOrderContactInvoiceAndWriteBack() {
        let actions = planner.plan(Fixtures.opportunity(), account: nil, deal: nil)
        #expect(actions.map(\.kind) == [
            "ensure_business_partner", "create_sales_order", "ensure_zoho_contact", "create_invoice", "write_back_deal",
        ])
        #expect(actions.map(\.idempotencyKey) == [
            "orders/business-partner/001000000000001AAA", "orders/sales-order/006000000000001AAA",
            "invoices/contact/001000000000001AAA", "invoices/invoice/006000000000001AAA",
            "deals/write-back/006000000000001AAA",
        ])
        guard case .createSalesOrder(_, let draft) = actions[1].operation else { Issue.record("no order"); return }
        #expect(draft.purchaseOrderByCustomer == "006000000000001AAA")
        #expect(draft.items == [SalesOrderItemDraft(
            itemNumber: 10, material: "TG-1000", quantity: Quantity(5, "PC"), netPrice: Money(Decimal(string: "12.50")!, "EUR"), text: "Widget")])
        guard case .createInvoice(_, let invoice, let send) = actions[3].operation else { Issue.record("no invoice"); return }
        #expect(send)
        #expect(invoice.referenceNumber == "SF-006000000000001AAA")
        #expect(invoice.lineItems.first?.rate == Decimal(string: "12.50"))
    }

    @Test func plan_sameObservationTwice_givesSameKeys() {
        let first = planner.plan(Fixtures.opportunity(), account: nil, deal: nil)
        let second = planner.plan(Fixtures.opportunity(), account: nil, deal: nil)
        #expect(first == second)
    }

    @Test func plan_knownAccount_skipsPartnerAndContact() {
        let account = AccountMapping(accountID: "001000000000001AAA", sapBusinessPartner: "1000001", sapCustomer: "1000001", zohoContactID: "460000000012345")
        #expect(planner.plan(Fixtures.opportunity(), account: account, deal: nil).map(\.kind) == [
            "create_sales_order", "create_invoice", "write_back_deal",
        ])
    }

    @Test func plan_afterOwnWriteBack_plansNothing() {
        let deal = DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001", zohoInvoiceID: "460000000054321",
                               zohoInvoiceNumber: "INV-000001", invoiceEmailed: true)
        let shown = OpportunitySyncFields(sapOrderNumber: "4000001", zohoInvoiceNumber: "INV-000001", syncStatus: .synced)
        #expect(planner.plan(Fixtures.opportunity(syncFields: shown), account: nil, deal: deal).isEmpty)
    }

    @Test func plan_numbersMissingOnOpportunity_writesBackOnly() {
        let deal = DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001", zohoInvoiceID: "460000000054321",
                               zohoInvoiceNumber: "INV-000001", invoiceEmailed: true)
        #expect(planner.plan(Fixtures.opportunity(), account: nil, deal: deal).map(\.kind) == ["write_back_deal"])
    }

    @Test func plan_sapDoneZohoFailedBefore_plansOnlyZoho() {
        let deal = DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001")
        let account = AccountMapping(accountID: "001000000000001AAA", sapBusinessPartner: "1000001", sapCustomer: "1000001")
        #expect(planner.plan(Fixtures.opportunity(), account: account, deal: deal).map(\.kind) == [
            "ensure_zoho_contact", "create_invoice", "write_back_deal",
        ])
    }

    @Test func plan_notWon_plansNothing() {
        #expect(planner.plan(Fixtures.opportunity(stage: "Negotiation/Review"), account: nil, deal: nil).isEmpty)
    }

    @Test(arguments: [
        (Fixtures.opportunity(account: nil), "Opportunity.AccountId"),
        (Fixtures.opportunity(lines: []), "Opportunity.OpportunityLineItems"),
        (Fixtures.opportunity(lines: [Fixtures.line(code: nil)]), "Product2.ProductCode"),
        (Fixtures.opportunity(lines: [Fixtures.line(quantity: 0)]), "OpportunityLineItem.Quantity"),
        (Fixtures.opportunity(lines: [Fixtures.line(quantity: -2)]), "OpportunityLineItem.Quantity"),
        (Fixtures.opportunity(lines: [Fixtures.line(price: nil)]), "OpportunityLineItem.UnitPrice"),
        (Fixtures.opportunity(currency: "XYZ"), "Opportunity.CurrencyIsoCode"),
    ])
    func plan_badInput_rejectsBothFlowsNamingField(opportunity: Opportunity, field: String) {
        let actions = planner.plan(opportunity, account: nil, deal: nil)
        // Neither system can take it: both flows keep it as a dead letter and Sync_Status__c shows Failed.
        #expect(actions.map(\.kind) == ["reject_record", "reject_record", "write_back_deal"])
        for action in actions {
            guard case .rejectRecord(let error) = action.operation else { continue }
            #expect(error.field == field)
            #expect(error.recordID == opportunity.id)
            #expect(error.code == .invalidInput)
        }
    }

    @Test func plan_accountNameLongerThanSAPFields_rejectsOrderButInvoices() {
        let name = String(repeating: "Long Name ", count: 17) // 170 characters > 4 x 40
        let actions = planner.plan(Fixtures.opportunity(account: Fixtures.account(name: name)), account: nil, deal: nil)
        #expect(actions.map(\.kind) == ["reject_record", "ensure_zoho_contact", "create_invoice", "write_back_deal"])
        guard case .rejectRecord(let error) = actions[0].operation else { return }
        #expect(error.field == "Account.Name")
        #expect(error.system == .sap)
    }

    @Test func plan_accountNameWithQuotes_isNotBadInput() {
        let account = Fixtures.account(name: "O'Brien's \"Tools\" & Söhne \\ 100% + more")
        let actions = planner.plan(Fixtures.opportunity(account: account), account: nil, deal: nil)
        #expect(!actions.contains { $0.kind == "reject_record" })
    }

    @Test func plan_contactWithoutEmail_createsInvoiceUnsentAndDeadLettersEmail() {
        let contact = OpportunityContact(contactId: "003000000000002AAA", firstName: "No", lastName: "Mail", email: nil, isPrimary: true)
        let actions = DealPlanner(settings: SyncSettings(), flows: [.invoices]).plan(Fixtures.opportunity(contacts: [contact]), account: nil, deal: nil)
        #expect(actions.map(\.kind) == ["ensure_zoho_contact", "create_invoice", "reject_record", "write_back_deal"])
        guard case .createInvoice(_, _, let send) = actions[1].operation, case .rejectRecord(let error) = actions[2].operation else { return }
        #expect(!send)
        #expect(error.field == "OpportunityContactRole.Contact.Email")
        #expect(actions[2].idempotencyKey == "invoices/email/006000000000001AAA")
    }

    @Test func plan_singleCurrencyOrg_usesDefaultCurrency() {
        let settings = SyncSettings(defaultCurrency: "USD")
        let actions = DealPlanner(settings: settings, flows: [.orders]).plan(Fixtures.opportunity(currency: nil), account: nil, deal: nil)
        guard case .createSalesOrder(_, let draft) = actions[1].operation else { Issue.record("no order"); return }
        #expect(draft.currency == "USD")
    }
}
