import Foundation
import SyncCore

extension DriftScan {
    /// Compares the Opportunity's payment fields with what Zoho Books shows paid on the deal's invoice
    /// (`total - balance`, received when the balance is zero), as the payments flow writes them.
    func checkPayment(_ opportunity: Opportunity, invoice: ZohoInvoice, records: DriftRecords) async throws {
        let currency = invoice.total.currency
        let paid = invoice.total.amount - invoice.balance
        let received = paid > 0 && invoice.balance <= 0
        let shownPaid = opportunity.syncFields.paymentAmount ?? 0
        let shownReceived = opportunity.syncFields.paymentReceived ?? false
        guard paid != shownPaid || received != shownReceived else { return }
        var records = records
        if paid > 0 { records.customerPaymentIDs = try await detector.zoho.customerPaymentIDs(invoiceID: invoice.id) }
        let amounts = paid != shownPaid
        let field = amounts ? "Opportunity.Payment_Amount__c" : "Opportunity.Payment_Received__c"
        let values: [DriftValue] = amounts
            ? [.money(.zohoBooks, Money(paid, currency)), .money(.salesforce, Money(shownPaid, currency))]
            : [.text(.zohoBooks, "\(received)"), .text(.salesforce, "\(shownReceived)")]
        if paid > shownPaid || (!amounts && received) {
            let fields = OpportunitySyncFields(paymentReceived: received, paymentAmount: paid)
            let repair: DriftRepair = try await anyUnhandled(records.customerPaymentIDs)
                ? .reconcile(
                    .writeBackPayment(OpportunityWriteBack(opportunityId: opportunity.id, fields: fields)),
                    "The payments pass writes Payment_Received__c, Payment_Date__c, Payment_Amount__c and Payment_Method__c from the customer payment.")
                : .manual(
                    "CRMSync already wrote these customer payments onto the Opportunity, whose payment fields were changed since; it does not write a payment it handled again: set Payment_Amount__c to \(paid) \(currency) and Payment_Received__c to \(received) by hand.")
            add(.paymentNotOnOpportunity, records, field: field, values, repair)
        } else {
            add(.paymentNotInZoho, records, field: field, values, .manual(
                "The Opportunity shows more paid than Zoho Books holds on invoice \(invoice.number) (a payment deleted or refunded in Zoho, or fields edited by hand). CRMSync never clears payment fields: check with accounting, then record the payment in Zoho or correct the Opportunity."))
        }
    }

    /// True when one of the payments is a version the payments flow has not handled yet (so a pass writes it).
    func anyUnhandled(_ paymentIDs: [String]) async throws -> Bool {
        var keys: [String] = []
        for id in paymentIDs {
            let payment = try await detector.zoho.customerPayment(id: id)
            let version = payment.lastModifiedTime ?? payment.date.startOfDayUTC
            keys.append(ReconcileSession.paymentVersionKey(CustomerPaymentSummary(id: id, lastModifiedTime: version)))
        }
        let journal = try await detector.store.journalEntries(keys)
        return keys.contains { journal[$0]?.status != .applied }
    }
}
