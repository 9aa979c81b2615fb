import Foundation
import Testing
import ZohoBooksSimulator

@Suite("customer payments")
struct PaymentTests {
    @Test("partial then full payment: partially_paid, then paid with balance 0 and last_payment_date")
    func invoiceFollowsPayments() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoSample("customerpayments/create-customerpayment.201.json")["response"]
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try await client.createInvoice(token: token, customerID: acme)
            let id = try #require(invoice["invoice_id"].string)
            #expect(try await client.api(.post, "invoices/\(id)/status/sent", token: token).status == 200)
            harness.clock.advance(bySeconds: 1800)
            let body = #"""
                {"customer_id":"\#(acme)","payment_mode":"cash","amount":100,"date":"2026-06-09",
                 "invoices":[{"invoice_id":"\#(id)","amount_applied":100}]}
                """#
            let created = try await client.api(.post, "customerpayments", token: token, body: body)
            #expect(created.status == recorded["status"].int)
            #expect(created.json["message"] == recorded["body"]["message"])
            #expect(created.json["payment"].keys.subtracting(recorded["body"]["payment"].keys).isEmpty)
            var after = try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]
            #expect(after["status"].string == "partially_paid")
            #expect(after["payment_made"].number == 100)
            #expect(after["balance"].number == Decimal(string: "499.97"))
            #expect(after["last_payment_date"].string == "2026-06-09")
            #expect(after["last_modified_time"].string == "2026-06-09T13:44:59-0400")

            try harness.simulator.recordFullPayment(invoiceID: id)
            after = try await client.api(.get, "invoices/\(id)", token: token).json["invoice"]
            #expect(after["status"].string == "paid")
            #expect(after["balance"].number == 0)
            #expect(after["payment_made"] == after["total"])
            let row = try await client.api(.get, "invoices", query: "status=paid", token: token).json["invoices"]
            #expect(row.array.count == 1)
        }
    }

    @Test("applying more than the balance is 24016")
    func overApplication() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoError(when: "payment amount_applied larger than invoice balance")
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let id = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            let body = #"""
                {"customer_id":"\#(acme)","payment_mode":"cash","amount":600,
                 "invoices":[{"invoice_id":"\#(id)","amount_applied":600}]}
                """#
            let reply = try await client.api(.post, "customerpayments", token: token, body: body)
            #expect(reply.status == 400)
            #expect(reply.json == recorded)
            #expect(throws: ZohoBooksSimulator.OperatorError.self) {
                try harness.simulator.recordPayment([.init(invoiceID: id, amount: Decimal(string: "599.98")!)])
            }
        }
    }

    @Test("list rows have the recorded members and no per-invoice amounts; get has invoices[] and updated_time")
    func listAndGetShapes() async throws {
        let harness = ZohoHarness()
        let listSample = try Reference.zohoBody("customerpayments/list-customerpayments.200.json")
        let getSample = try Reference.zohoBody("customerpayments/get-customerpayment.200.json")
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let first = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            let second = try #require(try await client.createInvoice(
                token: token, customerID: acme, rate: "50", quantity: "1")["invoice_id"].string)
            let paymentID = try harness.simulator.recordPayment([
                .init(invoiceID: first, amount: 100), .init(invoiceID: second, amount: 50),
            ], paymentMode: "check")

            let list = try await client.api(.get, "customerpayments", token: token)
            let row = list.json["customerpayments"][0]
            #expect(row.keys == listSample["customerpayments"][0].keys)
            #expect(row.kindMismatches(against: listSample["customerpayments"][0]) == [])
            #expect(list.json["page_context"].keys == listSample["page_context"].keys)
            #expect(list.json["page_context"]["sort_column"] == listSample["page_context"]["sort_column"])
            #expect(list.json["page_context"]["report_name"] == listSample["page_context"]["report_name"])
            #expect(row["applied_invoices"].array.isEmpty)
            #expect(row["invoice_numbers"].string == "INV-000001, INV-000002")
            #expect(row["amount"].number == 150)
            #expect(!row.keys.contains("amount_applied"))
            #expect(Formats.isTimestamp(row["last_modified_time"].string))

            let got = try await client.api(.get, "customerpayments/\(paymentID)", token: token).json["payment"]
            let sample = getSample["payment"]
            #expect(got.keys.subtracting(sample.keys).isEmpty)
            #expect(got.kindMismatches(against: sample) == [])
            #expect(got.keys.contains("updated_time"))
            #expect(!got.keys.contains("last_modified_time"))
            let applied = got["invoices"].array
            #expect(applied.count == 2)
            #expect(applied[0].keys == sample["invoices"][0].keys)
            #expect(applied[0].kindMismatches(against: sample["invoices"][0]) == [])
            #expect(applied.map(\.["amount_applied"]) == [.number(100), .number(50)])
            #expect(applied[1]["balance"].number == 0)
            #expect(Formats.isID(applied[0]["invoice_payment_id"].string))
        }
    }

    @Test("last_modified_time filter is inclusive; sort by last_modified_time; equal timestamps; paging")
    func modificationTimeFiltering() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            let early = try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 10)])
            harness.clock.advance(bySeconds: 120)
            let instant = harness.clock.now()
            let twinA = try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 20)], stampedAt: instant)
            let twinB = try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 30)], stampedAt: instant)

            func ids(_ query: String) async throws -> [String] {
                try await client.api(.get, "customerpayments", query: query, token: token).json["customerpayments"]
                    .array.compactMap { $0["payment_id"].string }
            }
            let since = "last_modified_time=" + ZohoClient.escape("2026-06-09T13:16:59-0400")
            #expect(try await ids(since + "&sort_column=last_modified_time&sort_order=A").sorted()
                == [twinA, twinB].sorted())
            #expect(try await ids("sort_column=last_modified_time&sort_order=A").first == early)
            #expect(try await ids("sort_column=last_modified_time&sort_order=D").last == early)
            let rows = try await client.api(.get, "customerpayments", query: since, token: token).json
            let stamps = Set(rows["customerpayments"].array.compactMap { $0["last_modified_time"].string })
            #expect(stamps == ["2026-06-09T13:16:59-0400"])
            let page = try await client.api(.get, "customerpayments", query: "per_page=2", token: token).json
            #expect(page["page_context"]["has_more_page"].bool == true)
            #expect(page["customerpayments"].array.count == 2)
        }
    }

    @Test("commit lag: a payment appears later with an older last_modified_time")
    func commitLag() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            let lagged = try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 10)], commitLagSeconds: 30)
            harness.clock.advance(bySeconds: 10)
            let visible = try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 20)])
            func ids() async throws -> [String] {
                try await client.api(.get, "customerpayments", token: token).json["customerpayments"].array
                    .compactMap { $0["payment_id"].string }
            }
            #expect(try await ids() == [visible])
            #expect(try await client.api(.get, "customerpayments/\(lagged)", token: token).status == 404)
            harness.clock.advance(bySeconds: 20)
            #expect(Set(try await ids()) == [visible, lagged])
            let got = try await client.api(.get, "customerpayments/\(lagged)", token: token).json["payment"]
            #expect(got["updated_time"].string == "2026-06-09T13:14:59-0400")
        }
    }

    @Test("deleting a payment or voiding its invoice gives the balance back and restamps")
    func deleteAndVoid() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            #expect(try await client.api(.post, "invoices/\(invoice)/status/sent", token: token).status == 200)
            let payment = try harness.simulator.recordFullPayment(invoiceID: invoice)
            #expect(harness.simulator.allInvoices().first?.status == "paid")
            harness.clock.advance(bySeconds: 60)
            try harness.simulator.deletePayment(id: payment)
            var summary = try #require(harness.simulator.allInvoices().first)
            #expect(summary.status == "sent")
            #expect(summary.balance == Decimal(string: "599.97"))
            #expect(summary.lastModifiedTime == harness.clock.now())
            #expect(try await client.api(.get, "customerpayments", token: token).json["customerpayments"].array.isEmpty)

            try harness.simulator.recordPayment([.init(invoiceID: invoice, amount: 100)])
            try harness.simulator.voidInvoice(id: invoice)
            summary = try #require(harness.simulator.allInvoices().first)
            #expect(summary.status == "void")
            let row = try await client.api(.get, "customerpayments", token: token).json["customerpayments"][0]
            #expect(row["unused_amount"].number == 100)
        }
    }
}
