import Foundation

/// Plans the payments flow for one Zoho customer payment. Pure: no I/O.
///
/// For each invoice the payment applies to: the deal is found through the mapping of Zoho `invoice_id`; the
/// Opportunity gets `Payment_Amount__c` = invoice total - balance (all received so far), `Payment_Received__c`
/// true only when the balance is zero, `Payment_Date__c` = the payment `date`, `Payment_Method__c` = the
/// `payment_mode`. An invoice CRMSync did not create plans a `rejectRecord` naming the payment and invoice.
///
/// Example: invoice total 598.00, a partial payment of 200.00 -> amount 200.00, received false; a second payment
/// of 398.00 -> amount 598.00, received true.
public struct PaymentPlanner: Sendable {
    public init() {}

    /// Plans the write-backs for one payment.
    /// - Parameters:
    ///   - payment: the payment with its applications.
    ///   - deals: deal mappings keyed by Zoho `invoice_id`.
    public func plan(_ payment: CustomerPayment, deals: [String: DealMapping]) -> [ReconcileAction] {
        let version = payment.lastModifiedTime ?? payment.date.startOfDayUTC
        return payment.applications.map { application in
            guard let deal = deals[application.invoiceId] else {
                let error = SyncError(
                    code: .invalidInput, system: .zohoBooks,
                    message: "Customer payment \(payment.number) applies \(application.amountApplied) \(payment.amount.currency) to invoice \(application.invoiceNumber), which CRMSync did not create; it was skipped.",
                    recordID: payment.id, field: "invoices[].invoice_id")
                return ReconcileAction(
                    idempotencyKey: IdempotencyKey.reject(flow: .payments, record: "\(payment.id)/\(application.invoiceId)"),
                    flow: .payments, recordID: payment.id, operation: .rejectRecord(error))
            }
            let received = application.invoiceTotal - application.invoiceBalance
            let fields = OpportunitySyncFields(
                paymentReceived: application.invoiceBalance <= 0,
                paymentDate: payment.date,
                paymentAmount: received,
                paymentMethod: payment.paymentMode)
            return ReconcileAction(
                idempotencyKey: IdempotencyKey.payment(payment: payment.id, invoice: application.invoiceId, version: version),
                flow: .payments, recordID: deal.opportunityID,
                operation: .writeBackPayment(OpportunityWriteBack(opportunityId: deal.opportunityID, fields: fields)))
        }
    }
}
