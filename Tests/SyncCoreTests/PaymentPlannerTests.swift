import Foundation
import SyncCore
import Testing

@Suite struct PaymentPlannerTests {
    // Amounts from the recorded paid invoice in reference/zoho/samples: total 598, payment_made 598, balance 0.
    let deal = DealMapping(opportunityID: "006000000000001AAA", zohoInvoiceID: "460000000000111", zohoInvoiceNumber: "INV-000002")

    func payment(applied: Decimal, balance: Decimal) -> CustomerPayment {
        CustomerPayment(
            id: "460000000000999", number: "2", date: CalendarDate(year: 2026, month: 6, day: 9), paymentMode: "banktransfer",
            amount: Money(applied, "USD"),
            applications: [PaymentApplication(invoiceId: "460000000000111", invoiceNumber: "INV-000002", amountApplied: applied, invoiceTotal: 598, invoiceBalance: balance)],
            lastModifiedTime: Fixtures.stamp)
    }

    @Test func plan_fullPayment_marksReceived() {
        let actions = PaymentPlanner().plan(payment(applied: 598, balance: 0), deals: ["460000000000111": deal])
        guard case .writeBackPayment(let writeBack) = actions.first?.operation else { Issue.record("no write-back"); return }
        #expect(writeBack.opportunityId == "006000000000001AAA")
        #expect(writeBack.fields.paymentReceived == true)
        #expect(writeBack.fields.paymentAmount == 598)
        #expect(writeBack.fields.paymentDate == CalendarDate(year: 2026, month: 6, day: 9))
        #expect(writeBack.fields.paymentMethod == "banktransfer")
    }

    @Test func plan_partialPayment_updatesAmountOnly() {
        let actions = PaymentPlanner().plan(payment(applied: 200, balance: 398), deals: ["460000000000111": deal])
        guard case .writeBackPayment(let writeBack) = actions.first?.operation else { Issue.record("no write-back"); return }
        #expect(writeBack.fields.paymentReceived == false)
        #expect(writeBack.fields.paymentAmount == 200)
    }

    @Test func plan_unknownInvoice_isRejectedNamingPaymentAndField() {
        let actions = PaymentPlanner().plan(payment(applied: 598, balance: 0), deals: [:])
        guard case .rejectRecord(let error) = actions.first?.operation else { Issue.record("no reject"); return }
        #expect(error.recordID == "460000000000999")
        #expect(error.field == "invoices[].invoice_id")
    }
}
