import Foundation
import SyncHTTP
import Testing
@testable import SAPConnector

@Suite("OData $filter literals and query encoding")
struct ODataLiteralTests {
    @Test("string literals double single quotes (OData V2 URI conventions)")
    func stringLiteral() {
        #expect(ODataLiteral.string("O'Neil") == "'O''Neil'")
        #expect(ODataLiteral.string("") == "''")
        #expect(ODataLiteral.string("''") == "''''''")
    }

    @Test("an injection attempt stays inside one literal")
    func injection() throws {
        let attack = "x' or BusinessPartner ne '"
        let literal = ODataLiteral.string(attack)
        #expect(literal == "'x'' or BusinessPartner ne '''")
        // The literal body contains only doubled quotes: removing the outer quotes and un-doubling gives the input.
        let inner = literal.dropFirst().dropLast()
        #expect(inner.replacingOccurrences(of: "''", with: "").contains("'") == false)
        #expect(inner.replacingOccurrences(of: "''", with: "'") == attack)
    }

    @Test("datetime and datetimeoffset literals as in the SAP Cloud SDK (reference/sap.md §2.1)")
    func dateLiterals() {
        let instant = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
        #expect(ODataLiteral.dateTime(instant) == "datetime'2023-11-14T22:13:20'")
        #expect(ODataLiteral.dateTimeOffset(instant) == "datetimeoffset'2023-11-14T22:13:20Z'")
        // Floored to whole seconds so `ge` never misses a row.
        #expect(ODataLiteral.dateTimeOffset(instant.addingTimeInterval(0.999)) == "datetimeoffset'2023-11-14T22:13:20Z'")
    }

    @Test("the whole $filter value is percent-encoded (reference/sap.md §3 examples)")
    func encodedFilters() {
        var byOpportunity = ODataQuery()
        byOpportunity.add("$filter", "PurchaseOrderByCustomer eq " + ODataLiteral.string("006Aa00000AbCdEIAV"))
        #expect(byOpportunity.encoded == "$filter=PurchaseOrderByCustomer%20eq%20%27006Aa00000AbCdEIAV%27")

        var changed = ODataQuery()
        changed.add("$filter", "LastChangeDateTime gt " + ODataLiteral.dateTimeOffset(Reference.utc("2024-05-01T00:00:00Z")))
        #expect(changed.encoded == "$filter=LastChangeDateTime%20gt%20datetimeoffset%272024-05-01T00%3A00%3A00Z%27")
    }

    @Test("a hostile value cannot add query options")
    func hostileQueryValue() throws {
        var query = ODataQuery()
        query.add("$filter", "BusinessPartnerIDByExtSystem eq " + ODataLiteral.string("A'&$top=1&x=+%"))
        let encoded = query.encoded
        #expect(encoded.components(separatedBy: "&").count == 1)
        #expect(!encoded.dropFirst("$filter=".count).contains("'"))
        #expect(encoded.contains("%2B") && encoded.contains("%25") && encoded.contains("%26"))
        let decoded = try #require(String(encoded.dropFirst("$filter=".count)).removingPercentEncoding)
        #expect(decoded == "BusinessPartnerIDByExtSystem eq 'A''&$top=1&x=+%'")
    }
}
