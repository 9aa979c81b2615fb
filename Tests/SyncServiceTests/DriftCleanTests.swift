import Foundation
import SyncCore
import SyncService
import Testing

/// The clean case (exit 0 path) and the nightly drift summary alert, against the simulators.
@Suite(.serialized) struct DriftCleanTests {
    @Test func cleanSync_hasNoDrift_thenDriftSendsOneSlackSummaryNamingTheRecords() async throws {
        try await DriftHarness.run(seed: DriftHarness.cleanSeed) { h in
            try await h.sync()
            let clean = try await h.drift()
            #expect(clean.items.isEmpty, "\(clean.items.map { "\($0.kind.rawValue) \($0.records)" })")
            #expect(!clean.hasDrift)
            #expect(clean.csv() == DriftReport.csvColumns.joined(separator: ",") + "\r\n")
            await DriftDetector(engine: h.runtime.engine).sendSummary(to: h.runtime.alerts)
            #expect(h.running.slack.messages.isEmpty)

            let deal = h.goodDeal()
            let dealName = h.seed.opportunities.first { $0.key == deal.key }!.name
            try h.running.salesforce.updateRecord(id: deal.id, fields: ["SAP_Order_Number__c": .string("1")])
            let product = h.seed.products.first { $0.stock.count == 1 }!
            h.running.sap.setStock(material: product.code, plant: product.stock[0].plant,
                                   storageLocation: product.stock[0].storageLocation, quantity: 2)

            // --flow narrows the comparison to that flow's data.
            #expect(try await h.drift([.stock]).items.map(\.kind) == [.stockDiffers])
            #expect(try await h.drift([.orders]).items.map(\.kind) == [.salesOrderNumberWrong])
            #expect(try await h.drift([.invoices, .payments]).items.isEmpty)

            let report = await DriftDetector(engine: h.runtime.engine).sendSummary(to: h.runtime.alerts)
            #expect(report?.items.count == 2)
            let messages = h.running.slack.messages
            try #require(messages.count == 1)
            let blocks = messages[0].blocksJSON ?? ""
            let text = messages[0].text ?? ""
            // Block Kit: names the deal with a link into Salesforce (instance URL + Id) and the Material.
            #expect(blocks.contains("\(h.running.salesforceURL)/\(deal.id)"))
            #expect(blocks.contains(DriftKind.salesOrderNumberWrong.label))
            #expect(blocks.contains(product.code))
            #expect(text.contains(DriftKind.stockDiffers.label) && text.contains(DriftKind.salesOrderNumberWrong.label))
            #expect(blocks.contains(dealName.replacingOccurrences(of: "&", with: "&amp;")))
        }
    }
}
