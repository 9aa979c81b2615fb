import Foundation
import Testing
@testable import SalesforceConnector

@Suite("sObject samples")
struct SObjectSampleTests {
    @Test("create result: Id and success")
    func create() throws {
        let json = try Reference.json("sobject/create-record.201.json")
        #expect(try RecordReader(json).id("id") == "a00B000000FSkcvIAD")
        #expect(json["success"]?.boolValue == true)
        #expect(json["errors"]?.arrayValue?.isEmpty == true)
    }

    @Test("getUpdated: Ids and latestDateCovered in the …000+0000 form")
    func updated() throws {
        let json = try Reference.json("sobject/get-updated.200.json")
        let expected = try #require(SalesforceDateTimeTests.foundationParse("2015-08-19T08:17:00.000+0000"))
        #expect(try RecordReader(json).dateTime("latestDateCovered") == expected)
        #expect(json["ids"]?.arrayValue?.count == 7)
    }

    @Test("getDeleted: deleted records with their dates")
    func deleted() throws {
        let json = try Reference.json("sobject/get-deleted.200.json")
        let row = RecordReader(try #require(json["deletedRecords"]?.arrayValue?.first))
        #expect(try row.id("id") == "a00D0000008pQRAIA2")
        #expect(try row.dateTime("deletedDate") == SalesforceDateTimeTests.foundationParse("2013-05-07T22:07:19.000+0000"))
        #expect(try RecordReader(json).dateTime("earliestDateAvailable")
            == SalesforceDateTimeTests.foundationParse("2013-05-03T15:57:00.000+0000"))
    }
}
