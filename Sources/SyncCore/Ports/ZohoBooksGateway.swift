import Foundation

/// What the engine needs from Zoho Books (API v3). Implemented by `ZohoBooksConnector.ZohoBooksClient`.
///
/// All methods throw `SyncError` (system `.zohoBooks`) after the HTTP layer's retries.
public protocol ZohoBooksGateway: Sendable {
    /// Finds a customer contact by exact `contact_name`.
    func findContact(name: String) async throws -> ZohoContact?

    /// Creates a customer contact with one primary contact person.
    /// - Throws: `.conflict` for a duplicate name (code 3062), `.invalidInput` for an unknown currency.
    func createContact(_ draft: ZohoContactDraft) async throws -> ZohoContact

    /// Finds an invoice by exact `reference_number`.
    func findInvoice(referenceNumber: String) async throws -> ZohoInvoice?

    /// Creates an invoice; with `send` true Zoho also emails it to the customer's contact persons (`send=true`).
    func createInvoice(_ draft: ZohoInvoiceDraft, send: Bool) async throws -> ZohoInvoice

    /// Emails an invoice (`POST /invoices/{id}/email`) to the given addresses.
    func emailInvoice(id: String, to recipients: [String]) async throws

    /// Reads one invoice; `nil` when it does not exist.
    func invoice(id: String) async throws -> ZohoInvoice?

    /// Streams customer payments modified at or after `since` (all when `nil`), sorted by last modified time,
    /// page by page (`page_context.has_more_page`). Rows before `since` are dropped client-side.
    func forEachCustomerPaymentPage(
        since: Date?, _ body: @Sendable ([CustomerPaymentSummary]) async throws -> Void
    ) async throws

    /// Reads one customer payment with the amount applied to each invoice.
    func customerPayment(id: String) async throws -> CustomerPayment

    /// The last seen daily quota from `X-Rate-Limit-Limit/Remaining/Reset`.
    func quota() async -> QuotaSnapshot?

    /// Streams every invoice, oldest first (`GET /invoices?sort_column=created_time&sort_order=A`), page by page
    /// (`page_context.has_more_page`; only one page in memory). List rows carry `total`, `balance` and `status`
    /// but no line items. Used by the drift report.
    /// - Throws: `SyncError` (system `.zohoBooks`) after the HTTP layer's retries; the default implementation
    ///   throws `.malformedRequest` (a gateway that cannot list invoices).
    func forEachInvoicePage(_ body: @Sendable ([ZohoInvoice]) async throws -> Void) async throws

    /// The ids of the customer payments applied to one invoice (`GET /invoices/{invoice_id}/payments`,
    /// `payments[].payment_id`), oldest first. Used by the drift report to name the payments involved.
    /// - Throws: `.notFound` (code 1002) and the HTTP layer's `SyncError` codes; the default implementation throws
    ///   `.malformedRequest`.
    func customerPaymentIDs(invoiceID: String) async throws -> [String]
}

extension ZohoBooksGateway {
    /// Default for gateways written before the drift report: listing is not supported.
    /// - Throws: `SyncError` `.malformedRequest` (system `.zohoBooks`) always.
    public func forEachInvoicePage(_ body: @Sendable ([ZohoInvoice]) async throws -> Void) async throws {
        throw SyncError(code: .malformedRequest, system: .zohoBooks, message: "This Zoho Books gateway cannot list invoices.")
    }

    /// Default for gateways written before the drift report: not supported.
    /// - Throws: `SyncError` `.malformedRequest` (system `.zohoBooks`) always.
    public func customerPaymentIDs(invoiceID: String) async throws -> [String] {
        throw SyncError(code: .malformedRequest, system: .zohoBooks, message: "This Zoho Books gateway cannot list an invoice's payments.")
    }
}
