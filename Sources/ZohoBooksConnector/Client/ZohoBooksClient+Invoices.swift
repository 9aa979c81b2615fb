import Foundation
import SyncCore

extension ZohoBooksClient {
    /// Creates an invoice (`POST /invoices`, with `send=true` when `send`): `customer_id`, `currency_id` resolved
    /// from `draft.currencyCode`, `reference_number`, `date` (yyyy-MM-dd), `payment_terms` (days) and free-text
    /// `line_items` (`name`, `description`, `rate` per unit in the invoice currency, `quantity`, `unit`).
    /// - Returns: the created invoice (`status` draft, or sent when `send`).
    /// - Throws: `.invalidInput` without lines or for an unknown currency, `.validationFailed`/`.conflict` from
    ///   Zoho, `.malformedResponse` with `outcomeUnknown` when the answer is unreadable (find it by
    ///   `reference_number` before creating again), and the HTTP layer's codes.
    public func createInvoice(_ draft: ZohoInvoiceDraft, send: Bool) async throws -> ZohoInvoice {
        guard !draft.lineItems.isEmpty else {
            throw SyncError(
                code: .invalidInput, system: .zohoBooks, message: "A Zoho invoice needs at least one line item",
                recordID: draft.referenceNumber, field: "line_items")
        }
        let currencyID = try await currencyID(for: draft.currencyCode)
        let body = ZohoInvoiceBody(
            customerId: draft.customerId, currencyId: currencyID, referenceNumber: draft.referenceNumber,
            date: draft.date.description, paymentTerms: draft.paymentTermsDays,
            lineItems: draft.lineItems.map {
                .init(name: $0.name, description: $0.description, rate: $0.rate, quantity: $0.quantity, unit: $0.unit)
            })
        let response = try await self.send(
            .POST, "/invoices", query: send ? [("send", "true")] : [], body: try ZohoWriteBodies.encode(body),
            endpoint: "invoices.create")
        return try decodeCreated(ZohoInvoiceRecord.self, response.body, key: "invoice").invoice
    }

    /// Finds the invoice whose `reference_number` equals `referenceNumber` exactly
    /// (`GET /invoices?reference_number=…`, compared again client-side). When several match, one that is not
    /// void is preferred.
    /// - Returns: the invoice, or `nil`.
    /// - Throws: the HTTP layer's `SyncError` codes.
    public func findInvoice(referenceNumber: String) async throws -> ZohoInvoice? {
        var matches: [ZohoInvoice] = []
        try await forEachPage(
            "/invoices", query: [("reference_number", referenceNumber)], resourceKey: "invoices",
            as: ZohoInvoiceRecord.self, endpoint: "invoices.find"
        ) { rows in
            matches += rows.filter { $0.referenceNumber == referenceNumber }.map(\.invoice)
            return !matches.contains { $0.status != .void }
        }
        return matches.first { $0.status != .void } ?? matches.first
    }

    /// Reads one invoice (`GET /invoices/{invoice_id}`).
    /// - Returns: the invoice, or `nil` when Zoho answers code 1002 ("Invoice does not exist.").
    /// - Throws: the HTTP layer's `SyncError` codes other than `.notFound`.
    public func invoice(id: String) async throws -> ZohoInvoice? {
        do {
            let response = try await send(.GET, "/invoices/" + Self.segment(id), endpoint: "invoices.get")
            return try ZohoJSON.decode(ZohoInvoiceRecord.self, from: response.body, resourceKey: "invoice").invoice
        } catch let error as SyncError where error.code == .notFound {
            return nil
        }
    }

    /// Emails an invoice (`POST /invoices/{invoice_id}/email` with `to_mail_ids`), which also marks a draft sent.
    /// - Throws: `.invalidInput` (about the invoice, field `to_mail_ids`) when `recipients` is empty: the customer
    ///   has no email, the invoice stays created; `.notFound` (1002) and the HTTP layer's codes.
    public func emailInvoice(id: String, to recipients: [String]) async throws {
        let addresses = recipients.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !addresses.isEmpty else {
            throw SyncError(
                code: .invalidInput, system: .zohoBooks,
                message: "The customer has no email address, so the Zoho invoice was created but not emailed; "
                    + "add an email to the customer's contact and send it again",
                recordID: id, field: "to_mail_ids")
        }
        _ = try await send(
            .POST, "/invoices/" + Self.segment(id) + "/email",
            body: try ZohoWriteBodies.encode(ZohoEmailBody(toMailIds: addresses)), endpoint: "invoices.email")
    }
}

extension ZohoBooksClient {
    /// Streams every invoice, oldest first (`GET /invoices?sort_column=created_time&sort_order=A`), page by page, so
    /// invoices created during the scan land on later pages. Rows carry `total`, `balance`, `status` and
    /// `currency_code`, no line items.
    /// - Throws: the HTTP layer's `SyncError` codes, `.malformedResponse`, or what `body` throws.
    public func forEachInvoicePage(_ body: @Sendable ([ZohoInvoice]) async throws -> Void) async throws {
        try await forEachPage(
            "/invoices", query: [("sort_column", "created_time"), ("sort_order", "A")], resourceKey: "invoices",
            as: ZohoInvoiceRecord.self, endpoint: "invoices.list"
        ) { rows in
            if !rows.isEmpty { try await body(rows.map(\.invoice)) }
            return true
        }
    }

    /// The ids of the customer payments applied to an invoice (`GET /invoices/{invoice_id}/payments`,
    /// `payments[].payment_id`), in Zoho's order.
    /// - Throws: `.notFound` (code 1002) and the HTTP layer's `SyncError` codes.
    public func customerPaymentIDs(invoiceID: String) async throws -> [String] {
        let response = try await send(.GET, "/invoices/" + Self.segment(invoiceID) + "/payments", endpoint: "invoices.payments")
        return try ZohoJSON.decode([ZohoInvoicePaymentRow].self, from: response.body, resourceKey: "payments").map(\.paymentID)
    }
}

/// A row of `GET /invoices/{invoice_id}/payments` (only the member CRMSync reads).
struct ZohoInvoicePaymentRow: Decodable, Sendable {
    var paymentID: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        paymentID = try c.zohoID(ZohoKey("payment_id"))
    }
}
