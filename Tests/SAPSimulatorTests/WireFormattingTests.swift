import Foundation
@testable import SAPSimulator
import Testing

/// The hand-written formatters of the hot paths (URI literals, ETags, ALPHA key order, JSON escaping, GUIDs),
/// pinned to SAP's documented forms and to published reference values.
@Suite("Wire formatting of keys, ETags, JSON strings and GUIDs")
struct WireFormattingTests {
    @Test("ETag of a DateTimeOffset as SAP writes it (sap.md §2.1 example)")
    func etag() {
        let date = Date(timeIntervalSince1970: 1_130_168_212)  // 2005-10-24T15:36:52Z
        #expect(EDMFormat.etag(for: date) == "W/\"datetimeoffset'2005-10-24T15%3A36%3A52.0000000Z'\"")
        #expect(EDMFormat.etag(for: date.addingTimeInterval(0.5)) == "W/\"datetimeoffset'2005-10-24T15%3A36%3A52.5000000Z'\"")
    }

    @Test("UTC calendar fields around leap days, the epoch and the validity bounds", arguments: [
        (1_709_251_199.0, "2024-02-29T23:59:59"), (951_868_800.0, "2000-03-01T00:00:00"), (-1.0, "1969-12-31T23:59:59"),
        (-0.25, "1969-12-31T23:59:59"), (0.0, "1970-01-01T00:00:00"), (-2_208_988_800.0, "1900-01-01T00:00:00"),
        (253_402_300_799.0, "9999-12-31T23:59:59"), (4_107_542_400.0, "2100-03-01T00:00:00"),
    ])
    func isoSeconds(seconds: Double, expected: String) {
        #expect(EDMFormat.isoSeconds(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test("key literals: quotes doubled, URL-unsafe characters percent-encoded, typed prefixes", arguments: [
        (ODataValue.string("4000043"), "'4000043'"), (.string("O'Neil"), "'O''Neil'"), (.string(""), "''"),
        (.string("A/B 1"), "'A%2FB%201'"), (.string("X&Y#"), "'X%26Y%23'"), (.string("-._~!*+,;=:@$"), "'-._~!*+,;=:@$'"),
        (.dateTimeOffset(Date(timeIntervalSince1970: 1_130_168_212)), "datetimeoffset'2005-10-24T15%3A36%3A52Z'"),
        (.dateTime(Date(timeIntervalSince1970: 1_709_164_800)), "datetime'2024-02-29T00%3A00%3A00'"),
        (.int(10), "10"), (.guid("00163e30-4e2a-1ed8-a0f0-c0d5f6a1b2c3"), "guid'00163e30-4e2a-1ed8-a0f0-c0d5f6a1b2c3'"),
    ])
    func keyLiteral(value: ODataValue, expected: String) {
        #expect(KeyPredicate.literal(value) == expected)
    }

    @Test("ALPHA-converted strings compare as numbers; others as text", arguments: [
        ("0004000043", "4000043", ComparisonResult.orderedSame), ("9", "10", .orderedAscending),
        ("000", "0", .orderedSame), ("100", "099", .orderedDescending),
        ("ABC", "ABD", .orderedAscending), ("", "0", .orderedAscending), ("B", "", .orderedDescending),
    ])
    func alphaOrdering(left: String, right: String, expected: ComparisonResult) throws {
        #expect(try FilterEvaluator.ordering(.string(left), .string(right)) == expected)
        let reversed: ComparisonResult = expected == .orderedSame ? .orderedSame
            : (expected == .orderedAscending ? .orderedDescending : .orderedAscending)
        #expect(try FilterEvaluator.ordering(.string(right), .string(left)) == reversed)
    }

    @Test("JSON strings escape quotes, backslashes and control characters (RFC 8259 §7)")
    func jsonEscaping() {
        let value = JSONValue.object([("a\"b", .string("x\\y\n\r\t\u{01}\u{1F} Söhne")), ("n", .number("1.5")), ("z", .null)])
        #expect(value.serialized() == #"{"a\"b":"x\\y\n\r\t\u0001\u001f Söhne","n":1.5,"z":null}"#)
        #expect(value.data == Data(value.serialized().utf8))
    }

    @Test("GUIDs and hex ids follow SplitMix64 from state 0 (reference outputs e220a8397b1dcdaf, 6e789e6aa1b965f4)")
    func deterministicIdentifiers() throws {
        let catalog = try ServiceCatalog.bundled.get()
        var store = SAPStore(catalog: catalog)
        #expect(store.nextGUID() == "e220a839-7b1d-cdaf-6e78-9e6aa1b965f4")
        var other = SAPStore(catalog: catalog)
        #expect(other.nextHex(20) == "E220A8397B1DCDAF6E78")
    }
}
