import Foundation
import Testing

@testable import SalesforceSimulator

@Suite("Query paging and queryAll")
struct PagingTests {
    @Test func batchSizeLocatorsAndSnapshot() async throws {
        let harness = Harness(extraAccounts: 450)  // 452 Accounts
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let options = ["Sforce-Query-Options": "batchSize=200"]
            let first = try await client.call(.get, queryURI("SELECT Name FROM Account ORDER BY Name"), token: token, headers: options)
            let page1 = try #require(first.json)
            let recordedPage1 = try Reference.json("query/query-page1-of-5.200.json")
            #expect(shape(page1).objectMembers?.map(\.0) == shape(recordedPage1).objectMembers?.map(\.0))
            #expect(page1.objectMembers?.map(\.0) == ["totalSize", "done", "nextRecordsUrl", "records"])  // recorded order
            #expect(page1["totalSize"] == .number(452))
            #expect(page1["done"] == .bool(false))
            #expect(page1.records.count == 200)
            let next = try #require(page1["nextRecordsUrl"]?.stringValue)
            #expect(next.wholeMatch(of: /\/services\/data\/v60\.0\/query\/01g[0-9A-Za-z]{15}-200/) != nil)

            // The result set was snapshotted: deleting a row now does not change later pages.
            try harness.simulator.deleteRecord(id: harness.simulator.seedId("account:bulk449")!)
            let second = try #require(try await client.call(.get, next, token: token).json)
            #expect(second["totalSize"] == .number(452))
            #expect(second.records.count == 200)
            #expect(second["nextRecordsUrl"]?.stringValue == String(next.dropLast(4)) + "-400")
            let third = try #require(try await client.call(.get, second["nextRecordsUrl"]!.stringValue!, token: token).json)
            #expect(third["done"] == .bool(true))
            #expect(third["nextRecordsUrl"] == nil)
            #expect(third.records.count == 52)
            #expect(third.records.last?["Name"] == .string("O'Brien & Söhne Maschinenbau Gesellschaft mbH"))
            #expect(third.records.contains { $0["Name"] == .string("Bulk 0449") })

            let defaultPage = try #require(try await client.call(.get, queryURI("SELECT Name FROM Account"), token: token).json)
            #expect(defaultPage["done"] == .bool(true))
            #expect(defaultPage.records.count == 451)

            let bad = try await client.call(.get, "/services/data/v60.0/query/01gB000003OCxSPIA1-2000", token: token)
            #expect(bad.status == 400)
            #expect(bad.json?.arrayValue?.first?["errorCode"] == .string("INVALID_QUERY_LOCATOR"))
        }
    }

    /// Ids order in base-62 order `0-9A-Za-z` (case-sensitive), so keyset paging on Id works past 36 records.
    @Test func idOrderingIsOrdinal() async throws {
        let harness = Harness(extraAccounts: 100)
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let page = try #require(try await client.call(.get, queryURI("SELECT Id FROM Account ORDER BY Id"), token: token).json)
            let ids = page.records.compactMap { $0["Id"]?.stringValue }
            try #require(ids.count == 102, "\(page)")
            #expect(ids == ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            #expect(Set(ids.map { $0.prefix(15).lowercased() }).count < 102)  // some 15-char Ids differ only in case
            let after = try #require(try await client.call(.get, queryURI("SELECT Id FROM Account WHERE Id > '\(ids[39])' ORDER BY Id"), token: token).json)
            #expect(after.records.compactMap { $0["Id"]?.stringValue } == Array(ids.dropFirst(40)))
        }
    }

    @Test func queryAllReturnsDeletedRows() async throws {
        let harness = Harness()
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let lost = harness.simulator.seedId("opportunity:lost")!
            let deletion = try await client.call(.delete, "/services/data/v60.0/sobjects/Opportunity/\(lost)", token: token)
            #expect(deletion.status == 204)
            let soql = "SELECT Id, IsDeleted, (SELECT Id, IsDeleted FROM OpportunityContactRoles) FROM Opportunity ORDER BY Name"
            let live = try #require(try await client.call(.get, queryURI(soql), token: token).json)
            #expect(live["totalSize"] == .number(2))
            let all = try #require(try await client.call(.get, queryURI(soql, resource: "queryAll"), token: token).json)
            #expect(all["totalSize"] == .number(3))
            let deleted = try #require(all.records.first { $0["Id"] == .string(lost) })
            #expect(deleted["IsDeleted"] == .bool(true))
            #expect(deleted["OpportunityContactRoles"]?.records.first?["IsDeleted"] == .bool(true))  // cascade
        }
    }
}
