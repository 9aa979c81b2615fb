import Foundation
import Testing
import ZohoBooksSimulator

@Suite("lookups across many records")
struct LookupTests {
    @Test("every invoice and contact is found by id among many; numbers stay unique; first email is told apart")
    func manyRecords() async throws {
        let harness = ZohoHarness()
        let notFound = try Reference.zohoError(when: "resource id not found (docs example for GET /invoices/{id})")
        let numberUsed = try Reference.zohoError(
            when: "create invoice with an invoice_number that already exists (ignore_auto_number_generation=true)")
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let created = try await client.api(
                .post, "contacts", token: token, body: #"{"contact_name":"Lookup Customer"}"#).json["contact"]
            let newID = try #require(created["contact_id"].string)
            #expect(created["has_transaction"].bool == false)
            var invoices: [(id: String, number: String)] = []
            for index in 0..<24 {
                let invoice = try await client.createInvoice(
                    token: token, customerID: index.isMultiple(of: 3) ? newID : acme, reference: "R\(index)")
                invoices.append((try #require(invoice["invoice_id"].string), try #require(invoice["invoice_number"].string)))
            }
            #expect(Set(invoices.map(\.number)).count == 24)
            for (id, number) in invoices.reversed() {
                let read = try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]
                #expect(read["invoice_number"].string == number)
            }
            let missing = try await client.api(.get, "invoices/460815999999999999", token: token)
            #expect(missing.json["code"] == notFound["code"])
            let duplicate = try await client.api(
                .post, "invoices", query: "ignore_auto_number_generation=true", token: token,
                body: #"{"customer_id":"\#(acme)","invoice_number":"\#(invoices[5].number)","line_items":[{"name":"W","rate":1}]}"#)
            #expect(duplicate.json["code"] == numberUsed["code"])
            for (round, expected) in [(0, true), (1, false)] {
                let mail = try await client.api(
                    .post, "invoices/\(invoices[7].id)/email", token: token, body: #"{"to_mail_ids":["r\#(round)@example.com"]}"#)
                #expect(mail.json["is_first_email"].bool == expected)
            }
            let summaries = Dictionary(uniqueKeysWithValues: harness.simulator.allInvoices().map { ($0.invoiceID, $0) })
            #expect(summaries[invoices[7].id]?.emailsSent == 2)
            #expect(summaries[invoices[8].id]?.emailsSent == 0)
            let contact = try await client.api(.get, "contacts/\(newID)", token: token).json["contact"]
            #expect(contact["has_transaction"].bool == true)
            // Only the sent invoice (of Acme) is receivable; the new customer's 8 drafts are not.
            #expect(contact["outstanding_receivable_amount"].number == 0)
            let acmeRow = try await client.api(.get, "contacts/\(acme)", token: token).json["contact"]
            #expect(acmeRow["outstanding_receivable_amount"].number == Decimal(string: "599.97"))
        }
    }
}
