import Foundation
import SimulatorKit
import Testing

@testable import SalesforceSimulator

@Suite("Bundled seed dataset")
struct BundledSeedTests {
    @Test func mapsEveryRecordDeterministically() async throws {
        let seed = try SeedDataset.bundled()
        let harness = Harness(seed: seed)
        let first = harness.simulator
        let second = Harness(seed: seed).simulator
        #expect(first.count("Account") == seed.accounts.count)
        #expect(first.count("Contact") == seed.accounts.reduce(0) { $0 + $1.contacts.count })
        #expect(first.count("Product2") == seed.products.filter(\.inSalesforce).count)
        #expect(first.count("Opportunity") == seed.opportunities.count)
        #expect(first.count("OpportunityLineItem") == seed.opportunities.reduce(0) { $0 + $1.lines.count })
        #expect(first.count("OpportunityContactRole") == seed.opportunities.reduce(0) { $0 + $1.contactRoles.count })
        let key = try #require(seed.opportunities.last?.key)
        #expect(first.seedId("opportunity:\(key)") == second.seedId("opportunity:\(key)"))

        // The connector's Opportunity query runs over the whole org.
        let soql = "SELECT Id, Name, AccountId, Account.Name, Account.BillingCountryCode, StageName, IsWon, IsClosed, CloseDate, "
            + "Amount, CurrencyIsoCode, LastModifiedDate, SystemModstamp, IsDeleted, SAP_Order_Number__c, "
            + "(SELECT Id, Product2Id, Product2.ProductCode, Quantity, UnitPrice, TotalPrice FROM OpportunityLineItems ORDER BY Id), "
            + "(SELECT ContactId, Contact.Email, IsPrimary FROM OpportunityContactRoles) "
            + "FROM Opportunity WHERE IsWon = true ORDER BY SystemModstamp, Id"
        let reply = try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.get, queryURI(soql), token: token)
        }
        #expect(reply.status == 200)
        let wonCount = seed.opportunities.filter { $0.stage == "Closed Won" }.count
        #expect(reply.json?["totalSize"] == .number(Decimal(wonCount)))
    }
}
