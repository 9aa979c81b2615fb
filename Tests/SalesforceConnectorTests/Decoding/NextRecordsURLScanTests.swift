import Foundation
import SyncHTTP
import Testing

/// The top-level `nextRecordsUrl` read from a page's bytes before it is parsed (to request the next page early):
/// the same link Foundation's parser finds in the real query pages, and never a child QueryResult's.
@Suite struct NextRecordsURLScanTests {
    @Test func realQueryPages_giveTheLinkFoundationParses() throws {
        let pages = try Reference.files(in: "query")
        #expect(pages.count >= 2)
        for page in pages {
            let data = try Reference.data(page)
            let expected = (try Reference.foundation(page) as? [String: Any])?["nextRecordsUrl"] as? String
            #expect(JSONTopLevelMember.string("nextRecordsUrl", in: data) == expected, "\(page)")
        }
    }

    @Test func aChildQueryResultsLink_isNotTaken_whereverTheTopLevelOneStands() {
        let body = """
            {"totalSize":2,"done":false,"records":[{"attributes":{"type":"Opportunity"},"Id":"006A","OpportunityLineItems":\
            {"totalSize":300,"done":false,"nextRecordsUrl":"/services/data/v60.0/query/01gCHILD-200","records":[]}}],\
            "nextRecordsUrl":"/services/data/v60.0/query/01gTOP-2000"}
            """
        #expect(JSONTopLevelMember.string("nextRecordsUrl", in: Data(body.utf8)) == "/services/data/v60.0/query/01gTOP-2000")
        let lastPage = #"{"totalSize":1,"done":true,"records":[{"X":{"done":false,"nextRecordsUrl":"/child-200"}}]}"#
        #expect(JSONTopLevelMember.string("nextRecordsUrl", in: Data(lastPage.utf8)) == nil)
    }

    @Test(arguments: [
        #"{"done":false,"nextRecordsUrl":"\/services\/data\/v60.0\/query\/01g-2000","records":[]}"#,  // escaped: left to the parser
        #"{"done":false,"records":[{"Name":"cut off"#,  // truncated before the link
        #"[{"nextRecordsUrl":"/x"}]"#,  // not an object
        #"{"nextRecordsUrl":null,"done":true}"#,  // not a string
        "",
    ])
    func noEarlyLink(_ body: String) {
        #expect(JSONTopLevelMember.string("nextRecordsUrl", in: Data(body.utf8)) == nil)
    }

    @Test func keysWithEscapesAndStringsWithBrackets_areSkipped() {
        let body = #"{"a\"b":"}{][","text":"nextRecordsUrl","nextRecordsUrl":"/services/data/v60.0/query/01g-4000"}"#
        #expect(JSONTopLevelMember.string("nextRecordsUrl", in: Data(body.utf8)) == "/services/data/v60.0/query/01g-4000")
    }
}
