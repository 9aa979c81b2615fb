import Foundation
import HTTPTypes
import Testing

@testable import SalesforceSimulator

@Suite("sObject resources")
struct SObjectTests {
    let harness = Harness()

    @Test func createReadUpdateDelete() async throws {
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let base = "/services/data/v60.0/sobjects"
            let created = try await client.call(.post, "\(base)/Account", token: token, body: #"{"Name":"New GmbH","BillingCountryCode":"AT"}"#)
            #expect(created.status == 201)
            let body = try #require(created.json)
            #expect(shape(body) == shape(try Reference.json("sobject/create-record.201.json")))
            let id = try #require(body["id"]?.stringValue)
            #expect(id.hasPrefix("001") && SalesforceId.canonical(id) == id)
            #expect(created.headers[.location] == "/services/data/v60.0/sobjects/Account/\(id)")

            harness.clock.advance(bySeconds: 300.4)
            let update = try await client.call(.patch, "\(base)/Account/\(id.prefix(15))", token: token, body: #"{"BillingCity":"Wien"}"#)
            #expect(update.status == 204)
            #expect(update.text.isEmpty)
            let fetched = try #require(try await client.call(.get, "\(base)/Account/\(id)?fields=Name,BillingCity,LastModifiedDate,SystemModstamp,CreatedDate", token: token).json)
            #expect(fetched["BillingCity"] == .string("Wien"))
            #expect(fetched["LastModifiedDate"] == .string("2026-12-01T12:05:00.000+0000"))
            #expect(fetched["SystemModstamp"] == .string("2026-12-01T12:05:00.000+0000"))
            #expect(fetched["CreatedDate"] == .string("2026-12-01T12:00:00.000+0000"))
            #expect(fetched.objectMembers?.map(\.0) == ["attributes", "Name", "BillingCity", "LastModifiedDate", "SystemModstamp", "CreatedDate"])

            #expect(try await client.call(.delete, "\(base)/Account/\(id)", token: token).status == 204)
            let again = try await client.call(.delete, "\(base)/Account/\(id)", token: token)
            #expect(again.status == 404)
            #expect(again.json == (try Reference.json("errors/entity-is-deleted.404.json")))
        }
    }

    @Test func errorBodies() async throws {
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let account = harness.simulator.seedId("account:acme")!
            let opportunity = harness.simulator.seedId("opportunity:won")!
            let base = "/services/data/v60.0/sobjects"
            let unknownField = try await client.call(.patch, "\(base)/Account/\(account)", token: token, body: #"{"FavoritePet__c":"Dog"}"#)
            #expect(unknownField.status == 400)
            #expect(unknownField.json == (try Reference.json("errors/invalid-field-on-write.400.json")))

            let unknownType = try await client.call(.get, "\(base)/Movie__c/\(account)", token: token)
            #expect(unknownType.status == 404)
            #expect(unknownType.json == (try Reference.json("errors/not-found-unknown-sobject.404.json")))
            let badVersion = try await client.call(.get, "/services/data/v99.0/sobjects/Account/\(account)", token: token)
            #expect(badVersion.status == 404)
            #expect(badVersion.json == (try Reference.json("errors/not-found-bad-api-version.404.json")))

            let badChecksum = String(account.prefix(15)) + "ZZZ"
            let malformed = try await client.call(.patch, "\(base)/Account/\(badChecksum)", token: token, body: #"{"Name":"x"}"#)
            #expect(malformed.status == 400)
            // Same body as the recorded MALFORMED_ID, with our Id.
            let recorded = try Reference.json("errors/malformed-id-bad-checksum.400.json")
            #expect(malformed.json?.serialized() == recorded.serialized().replacingOccurrences(of: "a00B000000FSjVUIB1", with: badChecksum))

            let picklist = try await client.call(.patch, "\(base)/Opportunity/\(opportunity)", token: token, body: #"{"Sync_Status__c":"Terrible"}"#)
            #expect(picklist.status == 400)
            let recordedPicklist = try Reference.json("errors/invalid-restricted-picklist-value.400.json")
            #expect(picklist.json?.serialized() == recordedPicklist.serialized()
                .replacingOccurrences(of: "Rating:", with: "Sync Status:").replacingOccurrences(of: "Rating__c", with: "Sync_Status__c"))

            let missing = try await client.call(.post, "\(base)/Contact", token: token, body: #"{"FirstName":"No"}"#)
            #expect(missing.status == 400)
            #expect(missing.json?.serialized() == (try Reference.json("errors/required-field-missing.400.json")).serialized()
                .replacingOccurrences(of: "Website__c", with: "LastName"))
        }
    }

    @Test func customFieldsAndDecimals() async throws {
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let opportunity = harness.simulator.seedId("opportunity:won")!
            let body = #"{"SAP_Order_Number__c":"0000012345","Sync_Status__c":"Synced","Last_Sync_Date__c":"2026-12-01T13:00:00.000+01:00","Payment_Received__c":true,"Payment_Date__c":"2026-12-01","Payment_Amount__c":1234567.89,"Payment_Method__c":"Bank Transfer"}"#
            let update = try await client.call(.patch, "/services/data/v60.0/sobjects/Opportunity/\(opportunity)", token: token, body: body)
            #expect(update.status == 204)
            let fetched = try await client.call(.get, "/services/data/v60.0/sobjects/Opportunity/\(opportunity)", token: token)
            #expect(fetched.text.contains(#""Payment_Amount__c":1234567.89"#))
            let record = try #require(fetched.json)
            #expect(record["Last_Sync_Date__c"] == .string("2026-12-01T12:00:00.000+0000"))
            #expect(record["Payment_Date__c"] == .string("2026-12-01"))
            #expect(record["IsWon"] == .bool(true))
            #expect(record["Sync_Status__c"] == .string("Synced"))
        }
    }

    @Test func replicationUpdatedAndDeleted() async throws {
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let open = harness.simulator.seedId("opportunity:open")!
            let lost = harness.simulator.seedId("opportunity:lost")!
            harness.clock.advance(bySeconds: 120)
            try harness.simulator.updateRecord(id: open, fields: ["Description": .string("edited")])
            try harness.simulator.deleteRecord(id: lost)
            harness.clock.advance(bySeconds: 600)
            let window = "start=2026-12-01T12%3A00%3A30%2B00%3A00&end=2026-12-01T12%3A05%3A59Z"
            let updated = try #require(try await client.call(.get, "/services/data/v60.0/sobjects/Opportunity/updated/?\(window)", token: token).json)
            #expect(shape(updated) == shape(try Reference.json("sobject/get-updated.200.json")))
            #expect(updated["ids"] == .array([.string(open)]))
            #expect(updated["latestDateCovered"] == .string("2026-12-01T12:05:00.000+0000"))
            let deleted = try #require(try await client.call(.get, "/services/data/v60.0/sobjects/Opportunity/deleted/?\(window)", token: token).json)
            #expect(shape(deleted) == shape(try Reference.json("sobject/get-deleted.200.json")))
            #expect(deleted["deletedRecords"]?.arrayValue?.first?["id"] == .string(lost))
            #expect(deleted["deletedRecords"]?.arrayValue?.first?["deletedDate"] == .string("2026-12-01T12:02:00.000+0000"))
        }
    }
}
