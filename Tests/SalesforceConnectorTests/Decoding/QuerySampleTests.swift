import Foundation
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("Query samples")
struct QuerySampleTests {
    @Test("every query sample is a QueryResult whose totalSize, done, nextRecordsUrl and rows match the file",
          arguments: try Reference.files(in: "query"))
    func queryResult(_ file: String) throws {
        let page = try QueryResultPage(try Reference.json(file))
        let raw = try #require(try Reference.foundation(file) as? [String: Any])
        #expect(page.totalSize == raw["totalSize"] as? Int)
        #expect(page.done == raw["done"] as? Bool)
        #expect(page.nextRecordsURL == raw["nextRecordsUrl"] as? String)
        #expect(page.records.count == (raw["records"] as? [Any])?.count)
        for record in page.records {
            // Records with a url carry an 18-character Id with a valid checksum as its last path segment.
            if let url = record["attributes"]?["url"]?.stringValue {
                let id = String(url.split(separator: "/").last ?? "")
                #expect(SalesforceID.normalized(id) == id)
            }
        }
    }

    @Test("a page with done=false names the next page's locator")
    func paging() throws {
        let page1 = try QueryResultPage(try Reference.json("query/query-page1-of-5.200.json"))
        let page2 = try QueryResultPage(try Reference.json("query/query-page2-of-5.200.json"))
        #expect(!page1.done && page1.totalSize == 10000)
        #expect(page1.nextRecordsURL == "/services/data/v53.0/query/01gB000003OCxSPIA1-2000")
        #expect(page2.nextRecordsURL == "/services/data/v53.0/query/01gB000003OCxSPIA1-4000")
        // Null scalar fields are present with JSON null.
        #expect(try RecordReader(page1.records[0]).optionalString("RANDOM_2__c") == nil)
        #expect(try RecordReader(page1.records[0]).optionalString("RANDOM_1__c") == "NLEA")
    }

    @Test("done=false without nextRecordsUrl is a malformed response")
    func missingLocator() {
        let json = JSONValue.object(["totalSize": .number("5"), "done": .bool(false), "records": .array([])])
        #expect(throws: SyncError.self) { try QueryResultPage(json) }
    }

    @Test("child subquery results are read per parent")
    func childSubquery() throws {
        let file = "query/query-child-subquery-contacts.200.json"
        let page = try QueryResultPage(try Reference.json(file))
        let raw = try #require((try Reference.foundation(file) as? [String: Any])?["records"] as? [[String: Any]])
        for (record, rawRecord) in zip(page.records, raw) {
            let contacts = try RecordReader(record).children("Contacts")
            let rawContacts = try #require((rawRecord["Contacts"] as? [String: Any])?["records"] as? [[String: Any]])
            #expect(contacts.count == rawContacts.count)
            #expect(contacts.map { $0["LastName"]?.stringValue } == rawContacts.map { $0["LastName"] as? String })
        }
        #expect(try RecordReader(.object(["Contacts": .null])).children("Contacts").isEmpty)
    }

    @Test("a parent relationship is a nested record")
    func parentRelationship() throws {
        let page = try QueryResultPage(try Reference.json("query/query-parent-relationship-owner.200.json"))
        let owner = try #require(try RecordReader(page.records[0]).parent("Owner"))
        #expect(try owner.string("Name") == "Hana Vestergaard")
        #expect(try RecordReader(.object(["Owner": .null])).parent("Owner") == nil)
    }

    @Test("aggregate results: numbers as Decimal, null Ids")
    func aggregate() throws {
        let page = try QueryResultPage(try Reference.json("query/query-aggregate.200.json"))
        let values = try page.records.map { try RecordReader($0).optionalDecimal("expr0") }
        #expect(values == [Decimal(300), Decimal(100), Decimal(400)])
        #expect(try RecordReader(page.records[0]).optionalID("CampaignId") == "701E0000000JuFHIA0")
        #expect(try RecordReader(page.records[2]).optionalID("CampaignId") == nil)
    }
}
