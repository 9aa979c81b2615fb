import Testing

@testable import SalesforceSimulator

@Suite("Salesforce Ids")
struct SalesforceIdTests {
    /// 15 -> 18 conversions documented in the reference (§10) and Salesforce Help.
    @Test(arguments: [
        ("001A0000006Vm9r", "001A0000006Vm9rIAC"),
        ("001B000001LntWl", "001B000001LntWlIAJ"),
        ("0037Q000007vKjp", "0037Q000007vKjpQAE"),
        ("a00B000000FSjVU", "a00B000000FSjVUIA1"),
        ("003RO0000035WQg", "003RO0000035WQgYAM"),
        ("a00D0000008pQRA", "a00D0000008pQRAIA2"),
    ])
    func canonicalFormOfDocumentedIds(id15: String, id18: String) {
        #expect(SalesforceId.canonical(id15) == id18)
        #expect(SalesforceId.canonical(id18) == id18)
    }

    @Test func rejectsBadChecksumAndFormat() {
        #expect(SalesforceId.canonical("a00B000000FSjVUIB1") == nil)  // recorded MALFORMED_ID example
        #expect(SalesforceId.canonical("001xx000003DGb2999") == nil)
        #expect(SalesforceId.canonical("001A0000006Vm9") == nil)
        #expect(SalesforceId.canonical("001A0000006Vm9r!") == nil)
    }

    @Test func generatedIdsCarryValidChecksums() {
        let id = SalesforceId.make(keyPrefix: "006", pod: "7Q0", counter: 12345)
        #expect(id.count == 18)
        #expect(id.hasPrefix("006"))
        #expect(SalesforceId.canonical(String(id.prefix(15))) == id)
    }
}
