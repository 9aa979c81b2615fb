import Foundation
import Testing
@testable import SalesforceConnector

/// `JSONValue.validate` (the response classifier's check) must accept exactly what `JSONValue.parse` accepts, and
/// report the same offset, while building nothing.
@Suite("JSON validation without building values")
struct JSONValidationTests {
    static func offset(_ body: () throws(JSONSyntaxError) -> Void) -> Int? {
        do throws(JSONSyntaxError) {
            try body()
            return nil
        } catch {
            return error.offset
        }
    }

    @Test("every recorded Salesforce sample, whole and cut in half, gets the same verdict as parse")
    func referenceSamples() throws {
        var files: [String] = []
        for folder in try FileManager.default.contentsOfDirectory(atPath: Reference.salesforceRoot.path).sorted() {
            files += (try? Reference.files(in: folder)) ?? []
        }
        #expect(!files.isEmpty)
        for file in files {
            let data = try Reference.data(file)
            #expect(Self.offset { () throws(JSONSyntaxError) in try JSONValue.validate(data) } == nil, "\(file)")
            let half = data.prefix(data.count / 2)
            let parsed = Self.offset { () throws(JSONSyntaxError) in _ = try JSONValue.parse(half) }
            #expect(parsed != nil, "\(file) cut in half parses")
            #expect(Self.offset { () throws(JSONSyntaxError) in try JSONValue.validate(half) } == parsed, "\(file)")
        }
    }

    @Test(
        "malformed text fails at the same byte as parse (RFC 8259 grammar)",
        arguments: [
            #"{"a":1,}"#, #"[1 2]"#, #"{"a" 1}"#, #""unterminated"#, "\"tab\there\"", #"{"a":"\x"}"#, #"[01]"#,
            #"[1.]"#, #"{"a":"\ud800"}"#, #"{"a":tru}"#, #"<html>502</html>"#, #"{"a":1} x"#, #"["ok", "\u00e9"]"#,
        ])
    func sameVerdict(_ text: String) {
        let data = Data(text.utf8)
        let parsed = Self.offset { () throws(JSONSyntaxError) in _ = try JSONValue.parse(data) }
        #expect(Self.offset { () throws(JSONSyntaxError) in try JSONValue.validate(data) } == parsed)
    }
}
