import Testing
@testable import SalesforceConnector

@Suite("Salesforce Id normalisation")
struct SalesforceIDTests {
    /// Ids listed as verified in the reference (§10), recorded in the samples.
    static let documented = [
        "001B000001LntWlIAJ", "0037Q000007vKjpQAE", "a00B000000FSjVUIA1", "003RO0000035WQgYAM", "a00D0000008pQRAIA2",
    ]

    @Test("15-character Ids get the documented 3-character suffix", arguments: documented)
    func fifteenToEighteen(_ id18: String) {
        #expect(SalesforceID.normalized(String(id18.prefix(15))) == id18)
    }

    @Test("valid 18-character Ids are kept, also with a lower-case suffix", arguments: documented)
    func eighteenKept(_ id18: String) {
        #expect(SalesforceID.normalized(id18) == id18)
        #expect(SalesforceID.normalized(String(id18.prefix(15)) + id18.suffix(3).lowercased()) != nil)
    }

    @Test("the documented bad checksum a00B000000FSjVUIB1 is rejected, like Salesforce's MALFORMED_ID")
    func badChecksum() {
        #expect(SalesforceID.normalized("a00B000000FSjVUIB1") == nil)
    }

    @Test("wrong lengths and characters are rejected", arguments: ["", "001B000001LntW", "001B000001LntWlIAJX", "001B000001Lnt-l", "001B000001LntWé", "001B000001LntWl\r\n"])
    func rejected(_ id: String) {
        #expect(SalesforceID.normalized(id) == nil)
    }

    @Test("every Id in the recorded samples has a valid checksum")
    func sampleIDs() throws {
        let ids = try Reference.json("sobject/get-updated.200.json")["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(ids.count == 7)
        for id in ids { #expect(SalesforceID.normalized(id) == id) }
        let created = try #require(try Reference.json("sobject/create-record.201.json")["id"]?.stringValue)
        #expect(SalesforceID.normalized(created) == created)
    }
}
