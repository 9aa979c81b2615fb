import Foundation
import SyncCore
import SyncHTTP
import Testing
@testable import SalesforceConnector

@Suite("sObject Collections and composite samples")
struct CompositeSampleTests {
    /// The two records of the documented request sample.
    static let documentedUpdates = [
        SObjectUpdate(type: "Account", id: "001xx000003DGb2AAG", fields: ["NumberOfEmployees": .number("27000")]),
        SObjectUpdate(type: "Contact", id: "003xx000004TmiQAAS", fields: ["Title": .string("Lead Engineer")]),
    ]

    @Test("the request body equals the documented request")
    func requestBody() throws {
        let expected = try Reference.json("composite/sobject-collections-update.request.json")
        #expect(SObjectCollections.requestBody(Self.documentedUpdates) == expected)
    }

    @Test("all-success results map to the inputs in order")
    func allSuccess() throws {
        let updates = [
            SObjectUpdate(type: "Account", id: "001RM000003oCprYAE", fields: [:]),
            SObjectUpdate(type: "Contact", id: "003RM0000068og4YAA", fields: [:]),
        ]
        let results = try SObjectCollections.results(
            try Reference.json("composite/sobject-collections-update-all-success.200.json"), for: updates)
        #expect(results == updates.map { RecordWriteResult(id: $0.id, error: nil) })
    }

    @Test("a partial failure names the input record (the failed entry has no id) and the field")
    func partialFailure() throws {
        let results = try SObjectCollections.results(
            try Reference.json("composite/sobject-collections-update-partial-failure-allOrNone-false.200.json"),
            for: Self.documentedUpdates)
        #expect(results[0].succeeded && results[0].id == "001xx000003DGb2AAG")
        let error = try #require(results[1].error)
        #expect(results[1].id == "003xx000004TmiQAAS")
        #expect(error.code == .validationFailed)
        #expect(error.vendorCode == "MALFORMED_ID")
        #expect(error.recordID == "003xx000004TmiQAAS")
        #expect(error.field == "Id")
        #expect(error.message == "Contact ID: id value of incorrect type: 001xx000003DGb2999")
    }

    @Test("allOrNone=true rollbacks are reported per record")
    func allOrNone() throws {
        let results = try SObjectCollections.results(
            try Reference.json("composite/sobject-collections-update-failure-allOrNone-true.200.json"),
            for: Self.documentedUpdates)
        #expect(results[0].error?.vendorCode == "ALL_OR_NONE_OPERATION_ROLLED_BACK")
        #expect(results[1].error?.code == .validationFailed)
    }

    @Test("a result count that does not match the request is a malformed response")
    func countMismatch() throws {
        let json = try Reference.json("composite/sobject-collections-update-all-success.200.json")
        #expect(throws: SyncError.self) { try SObjectCollections.results(json, for: [Self.documentedUpdates[0]]) }
    }

    @Test("composite and graph results: bodies are records, error arrays, or null for 204")
    func compositeResults() throws {
        let subrequest = try Reference.json("composite/composite-subrequest-result.json")
        #expect(subrequest["httpStatusCode"]?.intValue == 201)
        #expect(try RecordReader(try #require(subrequest["body"])).id("id") == "001R00000064wdtIAA")

        func firstResponse(_ file: String) throws -> JSONValue {
            let graph = try #require(try Reference.json(file)["graphs"]?.arrayValue?.first)
            return try #require(graph["graphResponse"]?["compositeResponse"]?.arrayValue?.first)
        }
        let created = try firstResponse("composite/composite-graph-create.200.json")
        #expect(try RecordReader(try #require(created["body"])).id("id") == "a01B0000009gSoxIAE")
        let updated = try firstResponse("composite/composite-graph-single-update.200.json")
        #expect(updated["body"] == .null && updated["httpStatusCode"]?.intValue == 204)
        let failed = try firstResponse("composite/composite-graph-single-create-error.200.json")
        let status = try #require(failed["httpStatusCode"]?.intValue)
        let error = SalesforceErrorClassifier.error(
            for: HTTPResponseData(status: status, body: try #require(failed["body"]).serialized()))
        #expect(error.code == .validationFailed && error.field == "Rating__c")
        #expect(error.vendorCode == "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")

        let request = try Reference.json("composite/composite.request.json")
        #expect(request["compositeRequest"]?.arrayValue?.count == 2)
    }
}
