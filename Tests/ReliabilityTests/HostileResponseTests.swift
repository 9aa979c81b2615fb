import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// Hostile responses: HTML error pages (a proxy or gateway answering) and bodies cut in half, from each system in
/// turn (fault plans). The pass never throws, the other systems' work proceeds, errors carry no page text, and once
/// the system answers properly a full reconcile converges to exactly one Sales Order, invoice and email per deal.
@Suite(.serialized) struct HostileResponseTests {
    /// A few deals whose names also need escaping.
    static let deals = Array(HostileDealCases.legal.prefix(4))

    enum Target: String, CaseIterable, Sendable {
        case sapHTML, sapTruncated, zohoHTML, zohoTruncated, salesforceHTML
    }

    @Test(arguments: Target.allCases)
    func faultyResponses_failCleanly_thenConverge(_ target: Target) async throws {
        let seed = try HostileSeed.make(deals: Self.deals, products: HostileDealCases.products)
        try await HostileWorld.run(seed: seed) { world in
            let injector = switch target {
            case .sapHTML, .sapTruncated: world.running.sap.faults
            case .zohoHTML, .zohoTruncated: world.running.zoho.faults
            case .salesforceHTML: world.running.salesforce.faults
            }
            let html = [.sapHTML, .zohoHTML, .salesforceHTML].contains(target)
            injector.setPlan(FaultPlan(seed: 7, htmlErrorBody: html ? 1 : 0, truncatedBody: html ? 0 : 1))
            let faulty = try await world.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(injector.injectedCount > 0, "\(target): faults were served")

            let letters = try await world.runtime.store.deadLetters(status: .open)
            let texts = letters.map(\.error.description) + faulty.flows.compactMap { $0.stoppedBy?.description }
            for text in texts {
                #expect(!text.lowercased().contains("<html") && !text.lowercased().contains("<!doctype"), "\(target): page text in \(text)")
            }
            let ids = Self.deals.indices.map { world.id("opportunity:OPP-\(HostileSeed.key($0))") }
            for letter in letters {
                #expect(ids.contains(letter.recordID), "\(target): dead letter names a deal: \(letter.error)")
                #expect(letter.error.recordID != nil, "\(target): the error names its record: \(letter.error)")
            }
            switch target {
            case .sapHTML, .sapTruncated:
                #expect(ids.allSatisfy { world.running.zoho.invoices(referenceNumber: "SF-" + $0).count == 1 }, "\(target): Zoho work proceeds")
            case .zohoHTML, .zohoTruncated:
                #expect(ids.allSatisfy { world.running.sap.salesOrderCount(purchaseOrderByCustomer: $0) == 1 }, "\(target): SAP work proceeds")
            case .salesforceHTML:
                #expect(faulty.flows.allSatisfy { $0.stoppedBy != nil }, "\(target): the deal flows stop for the pass")
                #expect(world.running.sap.salesOrderCount() == 0)
            }

            injector.setPlan(.none)
            _ = try await world.runtime.engine.runPass(flows: [.orders, .invoices], mode: .full)
            for (index, id) in ids.enumerated() {
                #expect(world.running.sap.salesOrderCount(purchaseOrderByCustomer: id) == 1, "\(target) \(Self.deals[index]): one order")
                let invoices = world.running.zoho.invoices(referenceNumber: "SF-" + id)
                #expect(invoices.count == 1, "\(target) \(Self.deals[index]): one invoice")
                #expect(world.running.zoho.sentEmails(invoiceID: invoices.first?.invoiceID).count == 1, "\(target) \(Self.deals[index]): one email")
            }
            #expect(try await world.runtime.store.deadLetters(status: .open).isEmpty, "\(target): every dead letter recovered")
        }
    }
}
