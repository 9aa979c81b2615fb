import Foundation
@testable import SAPSimulator
import Testing

@Suite("Percent-decoding of paths and query items")
struct PercentDecodingTests {
    @Test("%XX sequences decode (RFC 3986 §2.1); text without them is kept; invalid sequences are kept", arguments: [
        ("A_SalesOrder('4000043')", "A_SalesOrder('4000043')"), ("A_Product('A%2FB%20C')", "A_Product('A/B C')"),
        ("O%27Neil", "O'Neil"), ("100%", "100%"), ("%ZZ", "%ZZ"),
    ])
    func path(raw: String, expected: String) {
        #expect(PercentDecoding.decode(raw) == expected)
    }

    @Test("form-encoded query items: + is a space (HTML URL-encoded form data), then %XX", arguments: [
        ("Material+eq+%27A%2BB%27", "Material eq 'A+B'"), ("$top", "$top"), ("a+b", "a b"),
    ])
    func queryItem(raw: String, expected: String) {
        #expect(PercentDecoding.decodeQueryItem(Substring(raw)) == expected)
    }
}
