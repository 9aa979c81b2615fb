import Foundation
import Testing

@testable import SalesforceSimulator

@Suite("sObject Collections")
struct CollectionsTests {
    let harness = Harness()

    /// The recorded request with its first Id replaced by a seeded Account (the Contact keeps the recorded bad Id).
    private func request(allOrNone: Bool, accountId: String) throws -> String {
        try Reference.json("composite/sobject-collections-update.request.json").serialized()
            .replacingOccurrences(of: "001xx000003DGb2AAG", with: accountId)
            .replacingOccurrences(of: "003xx000004TmiQAAS", with: "001xx000003DGb2999")
            .replacingOccurrences(of: "\"allOrNone\":false", with: "\"allOrNone\":\(allOrNone)")
            .replacingOccurrences(of: "\"NumberOfEmployees\":27000", with: "\"Website\":\"https://acme.example\"")
    }

    @Test func partialFailureWithoutAllOrNone() async throws {
        let account = harness.simulator.seedId("account:acme")!
        let reply = try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.patch, "/services/data/v60.0/composite/sobjects", token: token, body: try request(allOrNone: false, accountId: account))
        }
        #expect(reply.status == 200)
        let expected = try Reference.json("composite/sobject-collections-update-partial-failure-allOrNone-false.200.json")
            .serialized().replacingOccurrences(of: "001RM000003oCprYAE", with: account)
        #expect(reply.json?.serialized() == expected)
        #expect(harness.simulator.record(id: account)?["Website"] == .string("https://acme.example"))
    }

    @Test func allOrNoneRollsBack() async throws {
        let account = harness.simulator.seedId("account:acme")!
        let reply = try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.patch, "/services/data/v60.0/composite/sobjects", token: token, body: try request(allOrNone: true, accountId: account))
        }
        #expect(reply.status == 200)
        let expected = try Reference.json("composite/sobject-collections-update-failure-allOrNone-true.200.json")
            .serialized().replacingOccurrences(of: "001RM000003oCprYAE", with: account)
        #expect(reply.json?.serialized() == expected)
        #expect(harness.simulator.record(id: account)?["Website"] == .null)
    }

    @Test func allSuccessAndSizeLimit() async throws {
        let account = harness.simulator.seedId("account:acme")!
        let contact = harness.simulator.seedId("contact:carl")!
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let body = #"{"allOrNone":true,"records":[{"attributes":{"type":"Account"},"id":"\#(account)","Phone":"1"},{"attributes":{"type":"Contact"},"id":"\#(contact)","Title":"Lead Engineer"}]}"#
            let reply = try await client.call(.patch, "/services/data/v60.0/composite/sobjects", token: token, body: body)
            let expected = try Reference.json("composite/sobject-collections-update-all-success.200.json").serialized()
                .replacingOccurrences(of: "001RM000003oCprYAE", with: account).replacingOccurrences(of: "003RM0000068og4YAA", with: contact)
            #expect(reply.json?.serialized() == expected)
            let many = (0..<201).map { _ in #"{"attributes":{"type":"Account"},"id":"\#(account)","Phone":"2"}"# }
            let tooMany = try await client.call(.patch, "/services/data/v60.0/composite/sobjects", token: token,
                                                body: #"{"records":[\#(many.joined(separator: ","))]}"#)
            #expect(tooMany.status == 400)
        }
    }

    @Test func createWithAllOrNone() async throws {
        let before = harness.simulator.count("Account")
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let bad = #"{"allOrNone":true,"records":[{"attributes":{"type":"Account"},"Name":"One"},{"attributes":{"type":"Account"},"FavoritePet__c":"Dog"}]}"#
            let rejected = try #require(try await client.call(.post, "/services/data/v60.0/composite/sobjects", token: token, body: bad).json)
            #expect(rejected.arrayValue?.map { $0["success"] } == [.bool(false), .bool(false)])
            #expect(rejected.arrayValue?.first?["errors"]?.arrayValue?.first?["statusCode"] == .string("ALL_OR_NONE_OPERATION_ROLLED_BACK"))
            #expect(rejected.arrayValue?.last?["errors"]?.arrayValue?.first?["statusCode"] == .string("INVALID_FIELD"))
            #expect(harness.simulator.count("Account") == before)
            let good = #"{"allOrNone":false,"records":[{"attributes":{"type":"Account"},"Name":"One"},{"attributes":{"type":"Contact"},"LastName":"Two"}]}"#
            let created = try #require(try await client.call(.post, "/services/data/v60.0/composite/sobjects", token: token, body: good).json)
            let ids = created.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            #expect(ids.count == 2 && ids[0].hasPrefix("001") && ids[1].hasPrefix("003"))
            #expect(harness.simulator.count("Account") == before + 1)
        }
    }
}
