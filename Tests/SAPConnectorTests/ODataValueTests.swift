import Foundation
import Testing
@testable import SAPConnector

@Suite("OData V2 primitive values")
struct ODataValueTests {
    @Test("/Date(ms)/ and /Date(ms±hhmm)/ (reference/sap.md §2.1)")
    func dates() {
        // Sample so-A_SalesOrder-collection-page.json: LastChangeDateTime and its etag 2005-10-24T15:36:52Z.
        #expect(ODataDateTime.parse("/Date(1130168212000+0000)/") == Reference.utc("2005-10-24T15:36:52Z"))
        // Date-only field, midnight UTC: /Date(1518393600000)/ = 2018-02-12.
        #expect(ODataDateTime.parse("/Date(1518393600000)/") == Reference.utc("2018-02-12T00:00:00Z"))
        // Max validity 9999-12-31T23:59:59Z.
        #expect(ODataDateTime.parse("/Date(253402300799000+0000)/") == Reference.utc("9999-12-31T23:59:59Z"))
        // The offset names the entry zone; the milliseconds are UTC either way.
        #expect(ODataDateTime.parse("/Date(1130168212000+0120)/") == Reference.utc("2005-10-24T15:36:52Z"))
        #expect(ODataDateTime.parse("/Date(1130168212000-0300)/") == Reference.utc("2005-10-24T15:36:52Z"))
        #expect(ODataDateTime.parse("/Date(-86400000)/") == Reference.utc("1969-12-31T00:00:00Z"))
        #expect(ODataDateTime.parse("/Date(-86400000-0100)/") == Reference.utc("1969-12-31T00:00:00Z"))
    }

    @Test("malformed dates are rejected", arguments: [
        "", "2024-05-01T00:00:00Z", "/Date()/", "/Date(abc)/", "/Date(123+00)/", "/Date(123+00000)/", "Date(123)",
        "/Date(12.5)/", "/Date(--5)/",
    ])
    func badDates(_ text: String) {
        #expect(ODataDateTime.parse(text) == nil)
    }

    @Test("Edm.Decimal strings convert exactly")
    func decimals() throws {
        let total = try #require(ODataDecimal.parse("2656.24"))
        #expect(total == Decimal(sign: .plus, exponent: -2, significand: 265_624))
        #expect("\(total)" == "2656.24")
        #expect(ODataDecimal.parse("1.000") == 1)
        #expect(ODataDecimal.parse("0.1") == Decimal(sign: .plus, exponent: -1, significand: 1))
        #expect(ODataDecimal.parse("-12.50") == Decimal(sign: .minus, exponent: -1, significand: 125))
        #expect(ODataDecimal.parse("12345678901234567.12345678901234") != nil)
        #expect(ODataDecimal.parse("") == nil)
        #expect(ODataDecimal.parse("1,5") == nil)
        #expect(ODataDecimal.format(Decimal(sign: .plus, exponent: -1, significand: 125)) == "12.5")
        #expect(ODataDecimal.format(5) == "5")
    }
}
