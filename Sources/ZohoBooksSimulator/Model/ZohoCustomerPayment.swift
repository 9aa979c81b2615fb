import Foundation

/// The part of a customer payment applied to one invoice (`invoices[]` of a payment).
struct ZohoPaymentAllocation: Sendable, Hashable {
    /// `invoice_payment_id`.
    var id: String
    var invoiceID: String
    /// `amount_applied`, in the payment currency.
    var amount: Decimal
    /// `apply_date` (`yyyy-MM-dd`).
    var applyDate: String
}

/// A Zoho Books customer payment.
struct ZohoCustomerPayment: Sendable, Hashable {
    var id: String
    /// `payment_number` ("1", "2", ...).
    var number: String
    var customerID: String
    var paymentMode: String
    /// `amount` received, in the customer's currency.
    var amount: Decimal
    /// `date` (`yyyy-MM-dd`).
    var date: String
    var referenceNumber: String
    var description: String
    var allocations: [ZohoPaymentAllocation]
    var createdAt: Date
    /// `last_modified_time` (list) / `updated_time` (single record).
    var modifiedAt: Date
    /// The payment is hidden from the API before this instant (operator commit-lag knob).
    var visibleFrom: Date

    /// `unused_amount`: the part not applied to invoices (customer credit).
    var unusedAmount: Decimal { amount - allocations.reduce(Decimal(0)) { $0 + $1.amount } }
}
