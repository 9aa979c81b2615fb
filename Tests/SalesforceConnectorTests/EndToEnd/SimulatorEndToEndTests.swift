import Foundation
import SalesforceSimulator
import SimulatorKit
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("SalesforceClient against the Salesforce simulator")
struct SimulatorEndToEndTests {
    typealias Harness = SimulatorHarness

    @Test("JWT bearer login once, instance URL from the token response, Product2 read, quota from Sforce-Limit-Info")
    func tokenFlowAndQuota() async throws {
        try await Harness.run { context in
            #expect(await context.client.instanceURL() == nil)
            let collector = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { collector.append($0) }
            try await context.client.forEachProduct2Page { collector.append($0) }
            let products = collector.all.flatMap { $0 }
            #expect(products.count == 2 * Harness.productCodes.count)
            #expect(Set(products.compactMap(\.productCode)) == Set(Harness.productCodes))
            #expect(products.allSatisfy { SalesforceID.normalized($0.id) == $0.id && $0.id.hasPrefix("01t") })
            #expect(await context.client.instanceURL() == context.baseURL)
            #expect(context.simulator.requestLog.count(endpoint: "oauth.token") == 1)
            let quota = try #require(await context.client.quota())
            #expect(quota.limit == SalesforceSimulator.Configuration().dailyApiRequestLimit)
            #expect(quota.used >= 2)
            #expect(quota.observedAt == Harness.start)
        }
    }

    @Test("Opportunities come page by page (batchSize 200), each once, ordered by LastModifiedDate and Id")
    func paging() async throws {
        try await Harness.run { context in
            let collector = PageCollector<Opportunity>()
            try await context.client.forEachOpportunityPage(OpportunityQuery(onlyWon: true)) { collector.append($0) }
            let pages = collector.all
            let rows = pages.flatMap { $0 }
            #expect(pages.count >= 3)
            #expect(pages.allSatisfy { $0.count <= 200 })
            #expect(rows.count == Harness.wonCount)
            #expect(Set(rows.map(\.id)).count == rows.count)
            #expect(rows.allSatisfy { $0.isWon })
            #expect(zip(rows, rows.dropFirst()).allSatisfy { ($0.lastModifiedDate, $0.id) < ($1.lastModifiedDate, $1.id) })
            #expect(context.simulator.requestLog.count(endpoint: "queryMore") == pages.count - 1)

            let first = try #require(rows.first)
            #expect(first.lastModifiedDate == Harness.opportunityBase)
            #expect(first.name == "Deal 0")
            #expect(first.currencyIsoCode == "EUR")
            #expect(first.account?.name == "Bob's BBQ & Søn")
            #expect(first.account?.billingCountry == "CH")
            let line = try #require(first.lineItems.first)
            #expect(first.lineItems.count == 1)
            #expect(line.productCode == "P-100")
            #expect(line.quantity == Decimal(2))
            #expect(line.unitPrice == Decimal(string: "10.10"))
            #expect(line.totalPrice == Decimal(string: "20.20"))
            #expect(first.contacts.map(\.email) == ["ada@example.com"])
            #expect(first.contacts.first?.isPrimary == true)
        }
    }

    @Test("a window selects field >= from AND field < to; an Id filter selects those Ids")
    func windowAndIDs() async throws {
        try await Harness.run { context in
            let window = OpportunityQuery(
                from: Harness.opportunityBase.addingTimeInterval(100), to: Harness.opportunityBase.addingTimeInterval(200),
                onlyWon: true)
            let collector = PageCollector<Opportunity>()
            try await context.client.forEachOpportunityPage(window) { collector.append($0) }
            let rows = collector.all.flatMap { $0 }
            #expect(rows.count == 100)
            #expect(rows.map(\.name) == (100..<200).map { "Deal \($0)" })

            let picked = Array(rows.prefix(3).map(\.id))
            let byID = PageCollector<Opportunity>()
            try await context.client.forEachOpportunityPage(OpportunityQuery(onlyWon: false, ids: picked)) { byID.append($0) }
            #expect(byID.all.flatMap { $0 }.map(\.id) == picked)

            let open = PageCollector<Opportunity>()
            try await context.client.forEachOpportunityPage(OpportunityQuery(onlyWon: false)) { open.append($0) }
            #expect(open.all.flatMap { $0 }.count == Harness.wonCount + Harness.openCount)
        }
    }

    @Test("write-back through sObject Collections: 200 per call, a bad record fails alone, values read back exactly")
    func writeBack() async throws {
        try await Harness.run { context in
            let collector = PageCollector<Opportunity>()
            try await context.client.forEachOpportunityPage(OpportunityQuery(onlyWon: true)) { collector.append($0) }
            let opportunities = collector.all.flatMap { $0 }
            let fields = OpportunitySyncFields(
                sapOrderNumber: "4711", zohoInvoiceNumber: "INV-000042", syncStatus: .synced,
                lastSyncDate: Harness.start, paymentReceived: true,
                paymentDate: CalendarDate(year: 2026, month: 11, day: 17), paymentAmount: Decimal(string: "0.1"),
                paymentMethod: "banktransfer")
            var writeBacks = opportunities.prefix(250).map { OpportunityWriteBack(opportunityId: $0.id, fields: fields) }
            // A Product2 Id in an Opportunity update: Salesforce answers MALFORMED_ID for that record only.
            let productCollector = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { productCollector.append($0) }
            let productID = try #require(productCollector.all.first?.first?.id)
            writeBacks.insert(OpportunityWriteBack(opportunityId: productID, fields: fields), at: 5)
            // An Id with a wrong checksum never leaves the client.
            writeBacks.insert(OpportunityWriteBack(opportunityId: "a00B000000FSjVUIB1", fields: fields), at: 7)

            let results = try await context.client.updateOpportunities(writeBacks)
            #expect(results.map(\.id) == writeBacks.map(\.opportunityId))
            #expect(results.filter(\.succeeded).count == 250)
            #expect(results[5].error?.code == .validationFailed)
            #expect(results[5].error?.vendorCode == "MALFORMED_ID")
            #expect(results[5].error?.recordID == productID)
            #expect(results[7].error?.code == .validationFailed && results[7].error?.recordID == "a00B000000FSjVUIB1")
            #expect(context.simulator.requestLog.count(endpoint: "composite.sobjects") == 2)

            let readBack = PageCollector<Opportunity>()
            let ids = Array(opportunities.prefix(2).map(\.id))
            try await context.client.forEachOpportunityPage(OpportunityQuery(onlyWon: true, ids: ids)) { readBack.append($0) }
            for opportunity in readBack.all.flatMap({ $0 }) {
                #expect(opportunity.syncFields == fields)
            }
        }
    }

    @Test("Product2 stock write-back reads back")
    func stock() async throws {
        try await Harness.run { context in
            let collector = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { collector.append($0) }
            let product = try #require(collector.all.first?.first)
            let update = Product2StockUpdate(
                product2Id: product.id, availableStock: Decimal(string: "9.5")!, lowStockAlert: true,
                stockLastUpdated: Harness.start)
            let results = try await context.client.updateProduct2Stock([update])
            #expect(results == [RecordWriteResult(id: product.id, error: nil)])
            let after = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { after.append($0) }
            let updated = try #require(after.all.flatMap { $0 }.first { $0.id == product.id })
            #expect(updated.availableStock == Decimal(string: "9.5"))
            #expect(updated.lowStockAlert == true)
        }
    }

    @Test("an expired session (401 INVALID_SESSION_ID) is refreshed once and the request repeated")
    func refreshOn401() async throws {
        try await Harness.run { context in
            let collector = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { collector.append($0) }
            context.simulator.expireAllSessions()
            try await context.client.forEachProduct2Page { collector.append($0) }
            #expect(collector.all.count == 2)
            #expect(context.simulator.requestLog.count(endpoint: "oauth.token") == 2)
        }
    }

    @Test("the daily allowance used up stops the work with quotaExhausted, not retried")
    func quotaExhausted() async throws {
        try await Harness.run(simulator: .init(dailyApiRequestLimit: 2)) { context in
            let collector = PageCollector<Product2Record>()
            try await context.client.forEachProduct2Page { collector.append($0) }
            try await context.client.forEachProduct2Page { collector.append($0) }
            let queriesBefore = context.simulator.requestLog.count(endpoint: "query")
            do {
                try await context.client.forEachProduct2Page { collector.append($0) }
                Issue.record("expected quotaExhausted")
            } catch let error as SyncError {
                #expect(error.code == .quotaExhausted)
                #expect(error.vendorCode == "REQUEST_LIMIT_EXCEEDED")
            }
            #expect(context.simulator.requestLog.count(endpoint: "query") == queriesBefore + 1)
            let quota = try #require(await context.client.quota())
            #expect(quota.limit == 2)
        }
    }

    @Test("a wrong consumer key fails with authenticationFailed quoting Salesforce's description")
    func wrongClientID() async throws {
        try await Harness.run(clientID: "not-the-app") { context in
            do {
                try await context.client.forEachProduct2Page { _ in }
                Issue.record("expected authenticationFailed")
            } catch let error as SyncError {
                #expect(error.code == .authenticationFailed)
                #expect(error.vendorCode == "invalid_client_id")
                #expect(error.message.contains("client identifier invalid"))
            }
        }
    }

    @Test("malformed SOQL from a bad field name is a malformedRequest")
    func invalidField() async throws {
        let names = SalesforceFieldNames(availableStock: "No_Such_Field__c")
        try await Harness.run { context in
            let client = try SalesforceClient(
                configuration: .init(
                    loginURL: context.baseURL, clientID: context.simulator.configuration.clientId,
                    username: context.simulator.configuration.username,
                    privateKeyPEM: SalesforceSandboxCredentials.privateKeyPEM, fieldNames: names,
                    http: context.client.configuration.http),
                httpClient: context.httpClient, logger: Harness.logger, now: { context.clock.now() })
            do {
                try await client.forEachProduct2Page { _ in }
                Issue.record("expected malformedRequest")
            } catch let error as SyncError {
                #expect(error.code == .malformedRequest && error.vendorCode == "INVALID_FIELD")
            }
        }
    }
}
