import Foundation
import SimulatorKit
import Synchronization
import SyncCore
import Testing
import ZohoBooksSimulator
@testable import ZohoBooksConnector

/// Payments that move between pages while they are read.
@Suite("Zoho customer payment paging")
struct CustomerPaymentPagingTests {
    @Test("A payment modified during the scan is handed on once, and the rows it shifted are not lost")
    func dedupeWithinOneCall() async throws {
        try await SimulatorHarness.run(simulator: .init(maxPerPage: 2)) { simulator, client, sleeper in
            let acme = try #require(try await client.findContact(name: "Acme Corp"))
            var payments: [(invoice: String, payment: String)] = []
            for index in 0..<3 {
                let invoice = try await client.createInvoice(
                    ZohoInvoiceDraft(
                        customerId: acme.id, referenceNumber: "006Aa00000Dedup\(index)",
                        date: CalendarDate(year: 2026, month: 6, day: 9), paymentTermsDays: 0, currencyCode: "EUR",
                        lineItems: [ZohoInvoiceLineDraft(name: "TG-100", description: nil, rate: dec("10"), quantity: dec("1"), unit: nil)]),
                    send: false)
                try await sleeper.sleep(for: .seconds(10))
                payments.append((invoice.id, try simulator.recordFullPayment(invoiceID: invoice.id)))
            }
            let first = payments[0]
            let pages = Mutex<[[String]]>([])
            try await client.forEachCustomerPaymentPage(since: nil) { page in
                let isFirstPage = pages.withLock { $0.isEmpty }
                pages.withLock { $0.append(page.map(\.id)) }
                if isFirstPage {
                    // Voiding the invoice re-stamps its payment: it moves behind the others, onto page 2.
                    try await sleeper.sleep(for: .seconds(10))
                    try simulator.voidInvoice(id: first.invoice)
                }
            }
            let seen = pages.withLock { $0 }
            #expect(seen.first == [payments[0].payment, payments[1].payment])
            #expect(seen.flatMap { $0 }.filter { $0 == first.payment }.count == 1)
            #expect(Set(seen.flatMap { $0 }) == Set(payments.map(\.payment)))
            #expect(seen.flatMap { $0 }.count == 3)
        }
    }
}
