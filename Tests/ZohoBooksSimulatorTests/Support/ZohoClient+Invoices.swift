import Foundation

extension ZohoClient {
    /// `POST /invoices` for `customerID` with one line of `quantity` × `rate`; returns the `invoice` member.
    func createInvoice(
        token: String, customerID: String, reference: String = "", rate: String = "199.99", quantity: String = "3",
        query: String = ""
    ) async throws -> TestJSON {
        let body = #"""
            {"customer_id":"\#(customerID)","reference_number":"\#(reference)","date":"2026-06-09","payment_terms":30,
             "line_items":[{"name":"Widget","description":"Blue widget","rate":\#(rate),"quantity":\#(quantity),"unit":"pcs"}]}
            """#
        return try await api(.post, "invoices", query: query, token: token, body: body).json["invoice"]
    }

    /// The `invoice_number`s of `GET /invoices` with `query`.
    func invoiceNumbers(token: String, query: String) async throws -> [String] {
        try await api(.get, "invoices", query: query, token: token).json["invoices"].array
            .compactMap { $0["invoice_number"].string }
    }
}
