import Foundation
import Hummingbird
import SimulatorKit

extension ZohoBooksSimulator {
    /// JSON routes for the operator methods (errors: 400 `{"code", "message"}`):
    /// - `POST /_operator/zoho/payments` `{"invoices":[{"invoiceID","amount"}], "paymentMode"?, "date"?,
    ///   "stampedAt"? (ISO 8601), "commitLagSeconds"?}` → `{"payment_id"}`
    /// - `DELETE /_operator/zoho/payments/{id}`, `POST /_operator/zoho/invoices/{id}/void`
    /// - `PATCH /_operator/zoho/contacts/{id}` `{"name"?, "email"?}`
    /// - `GET /_operator/zoho/invoices?reference_number=` → `[ZohoInvoiceSummary]`
    /// - `GET /_operator/zoho/emails?invoice_id=` → `[ZohoSentEmail]`
    /// - `POST /_operator/zoho/tokens/revoke`
    func addOperatorZohoRoutes(to router: Router<BasicRequestContext>) {
        let group = router.group("_operator/zoho")
        group.post("payments") { [self] request, _ in
            try await operatorAnswer {
                let body: PaymentRequest = try await Self.decode(request)
                let id = try recordPayment(
                    body.invoices, paymentMode: body.paymentMode ?? "cash", date: body.date, stampedAt: body.stampedAt,
                    commitLagSeconds: body.commitLagSeconds ?? 0)
                return try Self.encode(["payment_id": id], status: .created)
            }
        }
        group.delete("payments/:id") { [self] _, context in
            try await operatorAnswer {
                try deletePayment(id: context.parameters.get("id") ?? "")
                return Response(status: .noContent)
            }
        }
        group.post("invoices/:id/void") { [self] _, context in
            try await operatorAnswer {
                try voidInvoice(id: context.parameters.get("id") ?? "")
                return Response(status: .noContent)
            }
        }
        group.patch("contacts/:id") { [self] request, context in
            try await operatorAnswer {
                let body: ContactEdit = try await Self.decode(request)
                try editContact(id: context.parameters.get("id") ?? "", name: body.name, email: body.email)
                return Response(status: .noContent)
            }
        }
        group.get("invoices") { [self] request, _ in
            let reference = ZohoHTTP.query(request)["reference_number"]
            return try Self.encode(reference.map { invoices(referenceNumber: $0) } ?? allInvoices())
        }
        group.get("emails") { [self] request, _ in
            try Self.encode(sentEmails(invoiceID: ZohoHTTP.query(request)["invoice_id"]))
        }
        group.post("tokens/revoke") { [self] _, _ in
            revokeAccessTokens()
            return Response(status: .noContent)
        }
    }

    private struct PaymentRequest: Decodable {
        var invoices: [PaymentApplication]
        var paymentMode: String?
        var date: String?
        var stampedAt: Date?
        var commitLagSeconds: Double?
    }

    private struct ContactEdit: Decodable {
        var name: String?
        var email: String?
    }

    private struct ErrorBody: Encodable {
        var code: Int
        var message: String
    }

    private struct BadRequest: Error {
        var message: String
    }

    private func operatorAnswer(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as OperatorError {
            return try Self.encode(ErrorBody(code: error.code, message: error.message), status: .badRequest)
        } catch let error as BadRequest {
            return try Self.encode(["error": error.message], status: .badRequest)
        }
    }

    private static func decode<T: Decodable>(_ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: OperatorJSON.maxBodyBytes)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(buffer: buffer))
        } catch {
            throw BadRequest(message: "body is not valid: \(error)")
        }
    }

    private static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
