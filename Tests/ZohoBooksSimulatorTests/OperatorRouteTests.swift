import Foundation
import Testing
import ZohoBooksSimulator

@Suite("operator routes")
struct OperatorRouteTests {
    @Test("record, list by reference, emails, edit contact, delete payment over JSON")
    func routes() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try await client.createInvoice(token: token, customerID: acme, reference: "006A0000XYZ")
            let id = try #require(invoice["invoice_id"].string)
            _ = try await client.api(.post, "invoices/\(id)/email", token: token, body: "{}")

            let paid = try await client.send(
                .post, "/_operator/zoho/payments", headers: [:],
                body: #"{"invoices":[{"invoiceID":"\#(id)","amount":599.97}],"paymentMode":"banktransfer"}"#)
            #expect(paid.status == 201)
            let paymentID = try #require(paid.json["payment_id"].string)

            let byReference = try await client.send(
                .get, "/_operator/zoho/invoices?reference_number=006A0000XYZ", headers: [:], body: nil)
            #expect(byReference.json[0]["invoiceNumber"].string == "INV-000001")
            #expect(byReference.json[0]["status"].string == "paid")
            #expect(byReference.json[0]["emailsSent"].int == 1)
            let emails = try await client.send(.get, "/_operator/zoho/emails?invoice_id=\(id)", headers: [:], body: nil)
            #expect(emails.json.array.count == 1)

            let tooMuch = try await client.send(
                .post, "/_operator/zoho/payments", headers: [:],
                body: #"{"invoices":[{"invoiceID":"\#(id)","amount":1}]}"#)
            #expect(tooMuch.status == 400)
            #expect(tooMuch.json["code"].int == 24016)

            let edited = try await client.send(
                .patch, "/_operator/zoho/contacts/\(acme)", headers: [:], body: #"{"email":"billing@acme.example"}"#)
            #expect(edited.status == 204)
            let contact = try await client.api(.get, "contacts/\(acme)", token: token).json["contact"]
            #expect(contact["email"].string == "billing@acme.example")

            let deleted = try await client.send(.delete, "/_operator/zoho/payments/\(paymentID)", headers: [:], body: nil)
            #expect(deleted.status == 204)
            #expect(harness.simulator.invoices(referenceNumber: "006A0000XYZ").first?.status == "sent")
        }
    }
}
