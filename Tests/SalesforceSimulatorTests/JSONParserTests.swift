import Testing

@testable import SalesforceSimulator

@Suite("REST body JSON reader")
struct JSONParserTests {
    /// Strings per RFC 8259 §7: plain text, the two-character escapes, `\u` escapes with surrogate pairs.
    @Test func strings() throws {
        let text = #"{"plain":"Widget 01t","mixed":"a\"b\\c\/d\n","unicode":"caf\u00e9 \ud83d\ude00","utf8":"Söhne","empty":""}"#
        let parsed = try JSONParser.parse(text)
        #expect(parsed["plain"] == .string("Widget 01t"))
        #expect(parsed["mixed"] == .string("a\"b\\c/d\n"))
        #expect(parsed["unicode"] == .string("café 😀"))
        #expect(parsed["utf8"] == .string("Söhne"))
        #expect(parsed["empty"] == .string(""))
    }

    /// Numbers become exact decimals: `199.99` stays `199.99`.
    @Test func numbers() throws {
        let parsed = try JSONParser.parse(#"[199.99,-3,0.5e1]"#)
        #expect(parsed.arrayValue?.map { $0.serialized() } == ["199.99", "-3", "5"])
    }

    /// A raw control character or an unterminated string is a syntax error at its position.
    @Test(arguments: ["{\"a\":\"x\ty\"}", #"{"a":"abc"#, #"{"a":"ab\q"}"#])
    func rejectsBadStrings(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
    }
}
