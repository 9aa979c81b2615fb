import Foundation
import Testing
import ZohoBooksSimulator

@Suite("invoices")
struct InvoiceTests {
    @Test("create answers 201, a draft numbered INV-000001 with balance = total, in the customer's currency")
    func create() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoSample("invoices/create-invoice.201.json")["response"]
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let body = #"{"customer_id":"\#(acme)","line_items":[{"name":"Widget","rate":199.99,"quantity":3}]}"#
            let reply = try await client.api(.post, "invoices", token: token, body: body)
            #expect(reply.status == recorded["status"].int)
            #expect(reply.json["message"] == recorded["body"]["message"])
            let invoice = reply.json["invoice"]
            let sample = recorded["body"]["invoice"]
            #expect(invoice.keys.subtracting(sample.keys).isEmpty)
            #expect(invoice.kindMismatches(against: sample) == [])
            #expect(invoice["line_items"][0].keys.subtracting(sample["line_items"][0].keys).isEmpty)
            #expect(invoice["line_items"][0].kindMismatches(against: sample["line_items"][0]) == [])
            #expect(invoice["status"] == sample["status"])
            #expect(invoice["invoice_number"].string == "INV-000001")
            #expect(Formats.isID(invoice["invoice_id"].string))
            #expect(invoice["date"].string == "2026-06-09")
            #expect(invoice["due_date"].string == "2026-06-09")
            #expect(invoice["payment_terms_label"] == sample["payment_terms_label"])
            #expect(invoice["last_payment_date"] == sample["last_payment_date"])
            #expect(invoice["created_time"].string == "2026-06-09T13:14:59-0400")
            #expect(invoice["total"].number == Decimal(string: "599.97"))
            #expect(reply.text.contains(#""total":599.97,"#))
            #expect(invoice["balance"] == invoice["total"])
            #expect(invoice["currency_code"].string == "USD")

            let brandt = try #require(harness.simulator.contactID(named: "Brandt & Söhne"))
            let euro = try await client.createInvoice(token: token, customerID: brandt)
            #expect(euro["invoice_number"].string == "INV-000002")
            #expect(euro["currency_code"].string == "EUR")
            #expect(euro["due_date"].string == "2026-07-09")
        }
    }

    @Test("money stays exact: 0.1 × 3 is 0.3 and 10.005 rounds half up")
    func decimalMoney() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let tenths = try await client.createInvoice(token: token, customerID: acme, rate: "0.1", quantity: "3")
            #expect(tenths["total"].number == Decimal(string: "0.3"))
            let half = try await client.createInvoice(token: token, customerID: acme, rate: "10.005", quantity: "1")
            #expect(half["total"].number == Decimal(string: "10.01"))
        }
    }

    @Test("unknown customer is 3004; unknown invoice is 1002")
    func errors() async throws {
        let harness = ZohoHarness()
        let badCustomer = try Reference.zohoError(when: "payment customer_id blank or wrong")
        let missing = try Reference.zohoError(when: "resource id not found (docs example for GET /invoices/{id})")
        try await harness.run { client in
            let token = try await client.accessToken()
            let body = #"{"customer_id":"460815000000999999","line_items":[{"name":"X","rate":1,"quantity":1}]}"#
            #expect(try await client.api(.post, "invoices", token: token, body: body).json == badCustomer)
            #expect(try await client.api(.get, "invoices/460815000000999999", token: token).json == missing)
        }
    }

    @Test("list rows carry every recorded member; filters and sorting")
    func listFilters() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoBody("invoices/list-invoices.200.json")
        let sortedSample = try Reference.zohoBody("invoices/list-invoices-sorted-by-created_time.200.json")
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let brandt = try #require(harness.simulator.contactID(named: "Brandt & Söhne"))
            _ = try await client.createInvoice(token: token, customerID: acme, reference: "006A000001")
            harness.clock.advance(bySeconds: 60)
            _ = try await client.createInvoice(token: token, customerID: brandt, reference: "006A000002")
            harness.clock.advance(bySeconds: 60)
            let third = try await client.createInvoice(token: token, customerID: acme, reference: "006A000003")

            let list = try await client.api(.get, "invoices", token: token)
            let row = list.json["invoices"][0]
            // Every member of the recorded rows, nothing else (`invoice_url` appears in one recording only).
            #expect(recorded["invoices"][0].keys.subtracting(row.keys).isEmpty)
            #expect(row.keys.subtracting(recorded["invoices"][0].keys.union(sortedSample["invoices"][0].keys)).isEmpty)
            #expect(list.json["page_context"].keys == recorded["page_context"].keys)
            #expect(row.kindMismatches(against: recorded["invoices"][0]) == [])
            #expect(list.json["page_context"]["sort_column"] == recorded["page_context"]["sort_column"])
            #expect(list.json["page_context"]["sort_order"] == recorded["page_context"]["sort_order"])
            #expect(list.json["invoices"].array.compactMap { $0["invoice_number"].string }
                == ["INV-000003", "INV-000002", "INV-000001"])
            #expect(Formats.isTimestamp(row["last_modified_time"].string))

            #expect(try await client.invoiceNumbers(token: token, query: "reference_number=006A000002") == ["INV-000002"])
            #expect(try await client.invoiceNumbers(token: token, query: "reference_number=006A00000") == [])
            #expect(try await client.invoiceNumbers(token: token, query: "customer_id=\(brandt)") == ["INV-000002"])
            #expect(try await client.invoiceNumbers(token: token, query: "invoice_number=INV-000001") == ["INV-000001"])
            #expect(try await client.invoiceNumbers(token: token, query: "status=sent") == [])
            #expect(try await client.invoiceNumbers(token: token, query: "status=draft").count == 3)
            #expect(try await client.invoiceNumbers(token: token, query: "sort_column=invoice_number&sort_order=A")
                == ["INV-000001", "INV-000002", "INV-000003"])
            let since = try #require(third["last_modified_time"].string)
            #expect(try await client.invoiceNumbers(
                token: token, query: "last_modified_time=" + ZohoClient.escape(since)) == ["INV-000003"])
            let minuteEarlier = "2026-06-09T13:15:59-0400"
            #expect(try await client.invoiceNumbers(
                token: token, query: "last_modified_time=" + ZohoClient.escape(minuteEarlier)).count == 2)
            let rawPlus = try await client.api(
                .get, "invoices", query: "last_modified_time=2026-06-09T17:15:59+0000", token: token)
            #expect(rawPlus.status == 400)
            #expect(rawPlus.json["code"].int == 2)
            let paged = try await client.api(.get, "invoices", query: "per_page=2&page=1", token: token)
            #expect(paged.json["page_context"]["has_more_page"].bool == true)
        }
    }

    @Test("email records each email, marks the invoice sent; send=true emails on create")
    func email() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoSample("invoices/email-invoice.200.json")["response"]
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try await client.createInvoice(token: token, customerID: acme)
            let id = try #require(invoice["invoice_id"].string)
            let content = try await client.api(.get, "invoices/\(id)/email", token: token).json["data"]
            #expect(content["to_contacts"].array.compactMap { $0["email"].string }
                == ["ann@acme.example", "bob@acme.example"])
            let explicit = try await client.api(
                .post, "invoices/\(id)/email", token: token, body: #"{"to_mail_ids":["test@example.com"]}"#)
            #expect(explicit.status == recorded["status"].int)
            #expect(explicit.json.keys == recorded["body"].keys)
            #expect(explicit.json["message"] == recorded["body"]["message"])
            let toPersons = try await client.api(.post, "invoices/\(id)/email", token: token, body: "{}")
            #expect(toPersons.status == 200)
            let emails = harness.simulator.sentEmails(invoiceID: id)
            #expect(emails.map(\.to) == [["test@example.com"], ["ann@acme.example", "bob@acme.example"]])
            let after = try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]
            #expect(after["status"].string == "sent")
            #expect(after["is_emailed"].bool == true)

            let sent = try await client.createInvoice(token: token, customerID: acme, query: "send=true")
            #expect(sent["status"].string == "sent")
            #expect(harness.simulator.sentEmails(invoiceID: sent["invoice_id"].string).count == 1)
            #expect(harness.simulator.sentEmails().count == 3)
        }
    }

    @Test("emailing a customer with no email anywhere is a 400 with a non-zero code")
    func emailWithoutRecipient() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let brandt = try #require(harness.simulator.contactID(named: "Brandt & Söhne"))
            let invoice = try await client.createInvoice(token: token, customerID: brandt)
            let id = try #require(invoice["invoice_id"].string)
            let content = try await client.api(.get, "invoices/\(id)/email", token: token)
            #expect(content.status == 200)
            #expect(content.json["data"]["to_contacts"].array.isEmpty)
            let reply = try await client.api(.post, "invoices/\(id)/email", token: token, body: "{}")
            #expect(reply.status == 400)
            #expect((reply.json["code"].int ?? 0) != 0)
            #expect(harness.simulator.sentEmails(invoiceID: id).isEmpty)
        }
    }

    @Test("status/sent and status/void answer the recorded messages")
    func statusChanges() async throws {
        let harness = ZohoHarness()
        let sentSample = try Reference.zohoBody("invoices/mark-invoice-sent.200.json")
        let voidSample = try Reference.zohoBody("invoices/void-invoice.200.json")
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let id = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            #expect(try await client.api(.post, "invoices/\(id)/status/sent", token: token).json == sentSample)
            #expect(try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]["status"].string == "sent")
            #expect(try await client.api(.post, "invoices/\(id)/status/void", token: token).json == voidSample)
            let void = try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]
            #expect(void["status"].string == "void")
            #expect(void["balance"].number == 0)
        }
    }
}
