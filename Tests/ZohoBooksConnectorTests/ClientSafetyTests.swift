import Foundation
import SimulatorKit
import SyncCore
import Testing
import ZohoBooksSimulator
@testable import ZohoBooksConnector

/// Secrets kept out of logs, and creates never repeated blindly.
@Suite("Zoho Books client safety")
struct ClientSafetyTests {
    @Test("Trace logging of the token flow and API calls shows no secret")
    func noSecretsLogged() async throws {
        let log = CapturedLog()
        try await SimulatorHarness.run(logger: log.logger) { simulator, client, _ in
            _ = try await client.findContact(name: "Acme Corp")
            simulator.revokeAccessTokens()
            _ = try await client.findContact(name: "Acme Corp")
        }
        let text = log.text
        #expect(text.contains("contacts"))
        #expect(!text.contains(SimulatorHarness.clientSecret))
        #expect(!text.contains(SimulatorHarness.refreshToken))
        #expect(text.range(of: #"1000\.[0-9a-f]{32}\.[0-9a-f]{32}"#, options: .regularExpression) == nil)
    }

    @Test("An unreadable answer to an invoice create is outcome-unknown and not repeated")
    func truncatedCreate() async throws {
        try await SimulatorHarness.run { simulator, client, _ in
            let acme = try #require(try await client.findContact(name: "Acme Corp"))
            _ = try await client.currencyID(for: "EUR")
            let reference = "006Aa00000Truncat"
            let draft = ZohoInvoiceDraft(
                customerId: acme.id, referenceNumber: reference, date: CalendarDate(year: 2026, month: 6, day: 9),
                paymentTermsDays: 0, currencyCode: "EUR",
                lineItems: [ZohoInvoiceLineDraft(name: "TG-100", description: nil, rate: dec("10"), quantity: dec("1"), unit: nil)])
            simulator.faults.setPlan(FaultPlan(seed: 1, truncatedBody: 1))
            let error = await #expect(throws: SyncError.self) { try await client.createInvoice(draft, send: false) }
            #expect(error?.outcomeUnknown == true)
            simulator.faults.setPlan(.none)
            #expect(simulator.invoices(referenceNumber: reference).count == 1)
            #expect(try await client.findInvoice(referenceNumber: reference)?.referenceNumber == reference)
        }
    }
}
