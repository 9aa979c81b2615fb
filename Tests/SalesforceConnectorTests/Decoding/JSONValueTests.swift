import Foundation
import Testing
@testable import SalesforceConnector

@Suite("Number-preserving JSON")
struct JSONValueTests {
    @Test(
        "numbers become Decimal from their literal text, exactly",
        arguments: ["0.1", "0.07", "1234567.89", "50000.0", "23.0", "-3", "12345678901234567890.123", "1e2"])
    func exactDecimals(_ text: String) throws {
        let value = try JSONValue.parse(Data("{\"Amount\":\(text)}".utf8))
        #expect(value["Amount"] == .number(text))
        #expect(value["Amount"]?.decimalValue == Decimal(string: text))
    }

    @Test(
        "a number is sign × digits × 10^-(fraction digits), represented as Foundation reads the same text",
        arguments: [
            ("1234.50", FloatingPointSign.plus, Decimal(123_450), -2), ("-3", .minus, 3, 0), ("0.00", .plus, 0, -2),
            ("999999999999999999.5", .plus, Decimal(string: "9999999999999999995")!, -1), ("-0.07", .minus, 7, -2),
            ("100", .plus, 100, 0),
        ])
    func writtenForm(_ text: String, sign: FloatingPointSign, digits: Decimal, exponent: Int) throws {
        let number = try #require(JSONValue.number(text).decimalValue)
        #expect(number == Decimal(sign: sign, exponent: exponent, significand: digits))
        let foundation = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(number.significand == foundation.significand)
        #expect(number.exponent == foundation.exponent)
        #expect(number.description == foundation.description)
    }

    @Test("0.1 + 0.2 read from JSON is exactly 0.3 (no binary float on the way)")
    func noBinaryFloat() throws {
        let value = try JSONValue.parse(Data(#"[0.1, 0.2]"#.utf8))
        let sum = try #require(value.arrayValue?.compactMap(\.decimalValue).reduce(0, +))
        #expect(sum == Decimal(string: "0.3"))
    }

    @Test("strings with escapes, surrogate pairs and non-ASCII text")
    func strings() throws {
        let value = try JSONValue.parse(Data(#"{"a":"O\u0027Brien \"x\"\n\u00e9\ud83d\ude80","b":"Zürich"}"#.utf8))
        #expect(value["a"]?.stringValue == "O'Brien \"x\"\né🚀")
        #expect(value["b"]?.stringValue == "Zürich")
    }

    @Test(
        "truncated or non-JSON text fails",
        arguments: [#"{"totalSize":1,"done":tr"#, "<html><body>Bad Gateway</body></html>", "", #"[1,]"#, #"{"a":1} x"#, "01"])
    func syntaxErrors(_ text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("serialization round-trips and writes numbers verbatim")
    func roundTrip() throws {
        let value = JSONValue.object([
            "n": .decimal(Decimal(string: "1234.50")!), "s": .string("a\"b\\c\n"), "b": .bool(true), "z": .null,
            "arr": .array([.number("0.1")]),
        ])
        let text = String(decoding: value.serialized(), as: UTF8.self)
        #expect(text == #"{"arr":[0.1],"b":true,"n":1234.5,"s":"a\"b\\c\n","z":null}"#)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }
}
