import Foundation

/// One email of an invoice sent by the simulator (`POST /invoices/{id}/email` or `send=true` on create).
public struct ZohoSentEmail: Sendable, Hashable, Codable {
    /// `invoice_id` of the emailed invoice.
    public var invoiceID: String
    /// `invoice_number` of the emailed invoice.
    public var invoiceNumber: String
    /// Recipients (`to_mail_ids`, or the customer's contact persons).
    public var to: [String]
    /// When it was sent (UTC).
    public var sentAt: Date
}

/// An invoice as the operator API reports it (for duplicate checks and assertions).
public struct ZohoInvoiceSummary: Sendable, Hashable, Codable {
    /// `invoice_id` (18-digit string).
    public var invoiceID: String
    /// `invoice_number`, e.g. `INV-000001`.
    public var invoiceNumber: String
    /// `reference_number` (`""` when none).
    public var referenceNumber: String
    /// `customer_id`.
    public var customerID: String
    /// `status`: draft, sent, overdue, partially_paid, paid or void.
    public var status: String
    /// `total` in `currencyCode`.
    public var total: Decimal
    /// `balance` in `currencyCode`.
    public var balance: Decimal
    /// ISO 4217 currency of the amounts.
    public var currencyCode: String
    /// Emails sent for this invoice so far.
    public var emailsSent: Int
    /// `last_modified_time` (UTC).
    public var lastModifiedTime: Date
}
