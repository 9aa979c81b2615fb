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
        #expect(SalesforceId.canonical("001A0000006Vm9\u{E9}") == nil)
        #expect(SalesforceId.canonical("001A0000006Vm9rIA\u{C7}") == nil)
    }

    /// The 18-character form is case-insensitive: its suffix is accepted in lower case and answered upper case.
    @Test func acceptsLowerCaseSuffix() {
        #expect(SalesforceId.canonical("001A0000006Vm9riac") == "001A0000006Vm9rIAC")
        #expect(SalesforceId.canonical("a00D0000008pQRAia2") == "a00D0000008pQRAIA2")
    }

    /// `2026-11-30T12:00:00.000+0000` ("Valid Date and DateTime Formats"), milliseconds kept, whole seconds padded.
    @Test func dateTimeText() throws {
        let noon = try #require(SalesforceDateFormat.parseDateTime("2026-01-02T03:04:05.067Z"))
        #expect(SalesforceDateFormat.dateTime(noon) == "2026-01-02T03:04:05.067+0000")
        #expect(SalesforceDateFormat.date(noon) == "2026-01-02")
        let early = try #require(SalesforceDateFormat.parseDateTime("0999-12-31T23:59:59.000+0000"))
        #expect(SalesforceDateFormat.dateTime(early) == "0999-12-31T23:59:59.000+0000")
    }

    @Test func generatedIdsCarryValidChecksums() {
        let id = SalesforceId.make(keyPrefix: "006", pod: "7Q0", counter: 12345)
        #expect(id.count == 18)
        #expect(id.hasPrefix("006"))
        #expect(SalesforceId.canonical(String(id.prefix(15))) == id)
    }
}
