import Foundation
import SimulatorKit
import Synchronization
import SyncCore
import SyncHTTP
import Testing
import ZohoBooksSimulator
@testable import ZohoBooksConnector

/// `ZohoBooksClient` end to end against the in-process Zoho Books simulator.
@Suite("Zoho Books client against the simulator")
struct ClientAgainstSimulatorTests {
    static func count(_ simulator: ZohoBooksSimulator, _ endpoint: String, status: Int? = nil) -> Int {
        simulator.requestLog.entries.filter { $0.endpoint == endpoint && (status == nil || $0.status == status) }.count
    }

    @Test("Token flow: one token for many calls, one refresh after code 57")
    func tokenFlow() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let acme = try #require(try await client.findContact(name: "Acme Corp"))
            #expect(acme.email == "jane.doe@example.com")
            #expect(try await client.findContact(name: "Acme Corp")?.id == acme.id)
            #expect(Self.count(simulator, "oauth/v2/token") == 1)

            simulator.revokeAccessTokens()
            #expect(try await client.findContact(name: "Acme Corp")?.id == acme.id)
            #expect(Self.count(simulator, "oauth/v2/token") == 2)
            #expect(Self.count(simulator, "contacts", status: 401) == 1)
            #expect(Self.count(simulator, "contacts", status: 200) == 3)
        }
    }

    @Test("A refresh token Zoho rejects (HTTP 200 invalid_code) is an authentication failure without secrets")
    func rejectedRefreshToken() async throws {
        let wrongToken = "1000.not-a-valid-refresh-token.0000"
        try await SimulatorHarness.run(client: { $0.refreshToken = wrongToken }) { simulator, client, _ in
            let error = await #expect(throws: SyncError.self) { try await client.findContact(name: "Acme Corp") }
            #expect(error?.code == .authenticationFailed)
            #expect(error?.vendorCode == "invalid_code")
            let text = "\(String(describing: error)) \(error?.underlying ?? "")"
            #expect(!text.contains(wrongToken) && !text.contains(SimulatorHarness.clientSecret))
            #expect(Self.count(simulator, "contacts") == 0)
        }
    }

    @Test("A wrong organization id (code 6041) names ZOHO_ORG_ID")
    func wrongOrganization() async throws {
        try await SimulatorHarness.run(client: { $0.organizationID = "99999999" }) { _, client, _ in
            let error = await #expect(throws: SyncError.self) { try await client.findContact(name: "Acme Corp") }
            #expect(error?.code == .authenticationFailed && error?.vendorCode == "6041")
            #expect(error?.message.contains("ZOHO_ORG_ID") == true)
        }
    }

    @Test("Contacts: exact find, create with contact person and currency, duplicate and unknown currency")
    func contacts() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let name = "Zoë's Bäckerei & Söhne GmbH"
            #expect(try await client.findContact(name: name) == nil)
            let draft = ZohoContactDraft(
                name: name, firstName: "Zoë", lastName: "Müller", email: "zoe@example.de", currencyCode: "USD",
                billingStreet: "Hauptstraße 1", billingCity: "Köln", billingPostalCode: "50667", billingCountry: "DE")
            let created = try await client.createContact(draft)
            #expect(created.name == name && created.email == "zoe@example.de" && created.currencyCode == "USD")
            #expect(created.id.count == 18 && created.id.allSatisfy(\.isNumber))
            #expect(simulator.contactID(named: name) == created.id)
            #expect(try await client.findContact(name: name) == created)
            #expect(try await client.findContact(name: name.uppercased()) == nil)
            #expect(try await client.findContact(name: "Zoë's Bäckerei") == nil)

            let duplicate = await #expect(throws: SyncError.self) { try await client.createContact(draft) }
            #expect(duplicate?.code == .conflict && duplicate?.vendorCode == "3062")
            var unknown = draft
            unknown.name = "Other Customer"
            unknown.currencyCode = "XYZ"
            let currency = await #expect(throws: SyncError.self) { try await client.createContact(unknown) }
            #expect(currency?.code == .invalidInput && currency?.message.contains("XYZ") == true)
            #expect(Self.count(simulator, "settings/currencies") == 2)
        }
    }

    @Test("Invoices: create with send, exact money, find by reference_number, read, email")
    func invoices() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let acme = try #require(try await client.findContact(name: "Acme Corp"))
            let reference = "006Aa00000AbCdEIAV"
            #expect(try await client.findInvoice(referenceNumber: reference) == nil)
            let draft = ZohoInvoiceDraft(
                customerId: acme.id, referenceNumber: reference, date: CalendarDate(year: 2026, month: 6, day: 9),
                paymentTermsDays: 30, currencyCode: "EUR",
                lineItems: [ZohoInvoiceLineDraft(name: "TG-100", description: "Widget", rate: dec("49.99"), quantity: dec("3"), unit: "pcs")])
            let created = try await client.createInvoice(draft, send: true)
            #expect(created.total == Money(dec("149.97"), "EUR") && created.balance == dec("149.97"))
            #expect(created.status == .sent && created.isEmailed)
            #expect(created.referenceNumber == reference && created.customerId == acme.id)
            #expect(simulator.sentEmails(invoiceID: created.id).map(\.to) == [["jane.doe@example.com"]])

            #expect(try await client.findInvoice(referenceNumber: reference) == created)
            #expect(try await client.findInvoice(referenceNumber: String(reference.dropLast())) == nil)
            #expect(try await client.invoice(id: created.id) == created)
            #expect(try await client.invoice(id: "460815999999999999") == nil)

            let noEmail = await #expect(throws: SyncError.self) { try await client.emailInvoice(id: created.id, to: []) }
            #expect(noEmail?.code == .invalidInput && noEmail?.recordID == created.id)
            try await client.emailInvoice(id: created.id, to: ["ap@acme.example"])
            #expect(simulator.sentEmails(invoiceID: created.id).map(\.to).last == ["ap@acme.example"])
        }
    }

    @Test("Customer payments since a watermark: +0530 offset sent as %2B, paging, partial payments")
    func payments() async throws {
        let simulatorConfiguration = ZohoBooksSimulator.Configuration(maxPerPage: 2)
        try await SimulatorHarness.run(simulator: simulatorConfiguration, timeZone: "Asia/Kolkata") { simulator, client, sleeper in
            let acme = try #require(try await client.findContact(name: "Acme Corp"))
            let line = ZohoInvoiceLineDraft(name: "TG-100", description: nil, rate: dec("49.99"), quantity: dec("3"), unit: nil)
            let invoice = try await client.createInvoice(
                ZohoInvoiceDraft(
                    customerId: acme.id, referenceNumber: "006Aa00000PartPay", date: CalendarDate(year: 2026, month: 6, day: 9),
                    paymentTermsDays: 0, currencyCode: "EUR", lineItems: [line]),
                send: false)
            let t0 = SimulatorHarness.start
            let early = try simulator.recordPayment([.init(invoiceID: invoice.id, amount: dec("50"))], stampedAt: t0.addingTimeInterval(60))
            let partiallyPaid = try #require(try await client.invoice(id: invoice.id))
            #expect(partiallyPaid.status == .partiallyPaid && partiallyPaid.balance == dec("99.97"))
            let second = try simulator.recordPayment([.init(invoiceID: invoice.id, amount: dec("40"))], stampedAt: t0.addingTimeInterval(120))
            let third = try simulator.recordPayment([.init(invoiceID: invoice.id, amount: dec("30"))], stampedAt: t0.addingTimeInterval(180))
            let last = try simulator.recordPayment([.init(invoiceID: invoice.id, amount: dec("29.97"))], stampedAt: t0.addingTimeInterval(240))
            try await sleeper.sleep(for: .seconds(300))

            let pages = Mutex<[[CustomerPaymentSummary]]>([])
            try await client.forEachCustomerPaymentPage(since: t0.addingTimeInterval(120)) { page in
                pages.withLock { $0.append(page) }
            }
            let seen = pages.withLock { $0 }
            #expect(seen.flatMap { $0.map(\.id) } == [second, third, last])
            #expect(seen.count == 2)
            #expect(seen.flatMap { $0 }.map(\.lastModifiedTime) == [120, 180, 240].map { t0.addingTimeInterval($0) })
            #expect(!seen.flatMap { $0 }.contains { $0.id == early })

            let partial = try await client.customerPayment(id: early)
            #expect(partial.amount == Money(dec("50"), "EUR"))
            #expect(partial.applications.map(\.invoiceId) == [invoice.id])
            #expect(partial.applications.map(\.amountApplied) == [dec("50")])
            #expect(partial.applications.map(\.invoiceTotal) == [dec("149.97")])
            let final = try await client.customerPayment(id: last)
            #expect(final.applications.map(\.amountApplied) == [dec("29.97")])
            #expect(final.applications.map(\.invoiceTotal) == [dec("149.97")])
            let paid = try #require(try await client.invoice(id: invoice.id))
            #expect(paid.status == .paid && paid.balance == 0)
        }
    }

    @Test("Pacing keeps 25 calls under 10 per 2 s with zero 429s")
    func pacing() async throws {
        let limits = ZohoBooksSimulator.Configuration(requestsPerWindow: 10, rateWindowSeconds: 2)
        try await SimulatorHarness.run(
            simulator: limits, client: { $0.http.pacing = RequestPacing(limit: 10, window: .seconds(2)) }
        ) { simulator, client, sleeper in
            for _ in 0..<25 { _ = try await client.findContact(name: "Acme Corp") }
            #expect(simulator.requestLog.entries.filter { $0.status == 429 }.isEmpty)
            #expect(Self.count(simulator, "contacts", status: 200) == 25)
            let waited = sleeper.sleeps.reduce(Duration.zero, +)
            #expect(waited >= .milliseconds(4_600))
        }
    }

    @Test("Control: without pacing the same burst hits 429 code 44, waited out for at least 60 s")
    func noPacingControl() async throws {
        let limits = ZohoBooksSimulator.Configuration(requestsPerWindow: 10, rateWindowSeconds: 2)
        try await SimulatorHarness.run(
            simulator: limits, client: { $0.http.pacing = RequestPacing(limit: 10_000, window: .seconds(2)) }
        ) { simulator, client, sleeper in
            for _ in 0..<12 { _ = try await client.findContact(name: "Acme Corp") }
            #expect(!simulator.requestLog.entries.filter { $0.status == 429 }.isEmpty)
            #expect(sleeper.sleeps.contains { $0 >= .seconds(60) })
        }
    }

    @Test("Daily quota (code 45) stops the client at once and is never retried")
    func dailyQuota() async throws {
        try await SimulatorHarness.run(simulator: .init(dailyRequestLimit: 3)) { simulator, client, _ in
            for _ in 0..<3 { _ = try await client.findContact(name: "Acme Corp") }
            let quota = try #require(await client.quota())
            #expect(quota.limit == 3 && quota.used == 3)
            for _ in 0..<2 {
                let error = await #expect(throws: SyncError.self) { try await client.findContact(name: "Acme Corp") }
                #expect(error?.code == .quotaExhausted && error?.isRetryable == false)
            }
            #expect(Self.count(simulator, "contacts", status: 429) <= 1)
            #expect(Self.count(simulator, "contacts") <= 4)
        }
    }

    @Test("The token throttle ('Access Denied') is rate limited and stops further token requests")
    func tokenThrottle() async throws {
        try await SimulatorHarness.run(simulator: .init(accessTokensPerWindow: 1)) { simulator, client, _ in
            _ = try await client.findContact(name: "Acme Corp")
            simulator.revokeAccessTokens()
            for _ in 0..<3 {
                let error = await #expect(throws: SyncError.self) { try await client.findContact(name: "Acme Corp") }
                #expect(error?.code == .rateLimited && (error?.retryAfterSeconds ?? 0) >= 800)
            }
            #expect(Self.count(simulator, "oauth/v2/token") == 2)
        }
    }

    @Test("Server errors on reads are retried")
    func serverErrorRetried() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            _ = try await client.findContact(name: "Acme Corp")
            simulator.faults.setPlan(FaultPlan(seed: 7, serverError: 0.3))
            for _ in 0..<6 { #expect(try await client.findContact(name: "Acme Corp") != nil) }
            #expect(simulator.faults.injectedCount > 0)
        }
    }
}
