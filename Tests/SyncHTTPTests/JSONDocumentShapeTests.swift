import Foundation
import SyncHTTP
import Testing

/// `JSONDocumentShape` against RFC 8259 documents, the HTML pages proxies send, and bodies cut off mid-transfer.
@Suite struct JSONDocumentShapeTests {
    @Test(arguments: [
        #"{"d":{"results":[]}}"#,
        "  [1, 2, {\"a\": [true, null]}]\r\n",
        #"{"text":"brackets } ] { [ inside a string"}"#,
        #"{"text":"an escaped quote \" then } and a backslash \\"}"#,
        #"{"d":{"__next":"A_Product?$skiptoken=2000","results":[{"Material":"BM-000001"}]}}"#,
        #""a bare string""#,
        "42",
        "null",
    ])
    func wholeDocuments(_ body: String) {
        #expect(JSONDocumentShape.isComplete(Data(body.utf8)))
    }

    @Test(arguments: [
        "",
        "   \n",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        #"{"d":{"results":[{"Material":"BM-0"#,
        #"{"d":{"results":[]}"#,
        #"{"text":"an escaped quote \"}"#,
        #"{"d":{}} trailing"#,
        #"{"d":{}}}"#,
        "[1, 2",
        "nul",
    ])
    func notDocuments(_ body: String) {
        #expect(!JSONDocumentShape.isComplete(Data(body.utf8)))
    }

    @Test func everyTruncationOfARealPageIsIncomplete() throws {
        let page = Data(#"{"d":{"results":[{"__metadata":{"uri":"A_Product('BM-000001')"},"Material":"BM-000001","Text":"a \"quoted\" {name}"}]}}"#.utf8)
        #expect(JSONDocumentShape.isComplete(page))
        for length in 1..<page.count {
            #expect(!JSONDocumentShape.isComplete(page.prefix(length)), "cut at \(length)")
        }
    }
}
