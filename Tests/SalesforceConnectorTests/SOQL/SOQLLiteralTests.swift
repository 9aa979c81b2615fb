import Foundation
import SyncCore
import SyncHTTP
import Testing
@testable import SalesforceConnector

/// Reads back one SOQL string literal with the escape rules of the SOQL reference ("Quoted String Escape
/// Sequences"): returns the value and the number of characters the literal spans, or nil when it is not one.
private func readSOQLStringLiteral(_ text: String) -> (value: String, length: Int)? {
    let characters = Array(text.unicodeScalars)
    guard characters.first == "'" else { return nil }
    var value = String.UnicodeScalarView()
    var index = 1
    while index < characters.count {
        let scalar = characters[index]
        if scalar == "'" { return (String(value), index + 1) }
        if scalar == "\\" {
            guard index + 1 < characters.count else { return nil }
            let escape = characters[index + 1]
            switch escape {
            case "n", "N": value.append("\n")
            case "r", "R": value.append("\r")
            case "t", "T": value.append("\t")
            case "b", "B": value.append("\u{08}")
            case "f", "F": value.append("\u{0C}")
            case "\"", "'", "\\": value.append(escape)
            case "u":
                guard index + 5 < characters.count,
                      let code = UInt32(String(String.UnicodeScalarView(characters[(index + 2)...(index + 5)])), radix: 16),
                      let decoded = Unicode.Scalar(code)
                else { return nil }
                value.append(decoded)
                index += 4
            default: return nil  // "a backslash in any other context is an error"
            }
            index += 2
            continue
        }
        value.append(scalar)
        index += 1
    }
    return nil
}

@Suite("SOQL literals")
struct SOQLLiteralTests {
    @Test("the documented example Bob's BBQ")
    func documentedApostrophe() {
        #expect(SOQL.literal("Bob's BBQ") == #"'Bob\'s BBQ'"#)
    }

    @Test("each reserved and control character gets its documented escape")
    func escapes() {
        #expect(SOQL.literal(#"C:\temp"#) == #"'C:\\temp'"#)
        #expect(SOQL.literal(#"say "hi""#) == #"'say \"hi\"'"#)
        #expect(SOQL.literal("line1\nline2") == #"'line1\nline2'"#)
        #expect(SOQL.literal("a\rb\tc") == #"'a\rb\tc'"#)
        #expect(SOQL.literal("x\u{08}y\u{0C}z") == #"'x\by\fz'"#)
        #expect(SOQL.literal("bell\u{07}") == #"'bell\u0007'"#)
    }

    @Test("non-ASCII letters pass unchanged")
    func unicode() {
        #expect(SOQL.literal("Müller & Søn Zürich 東京 🚀") == "'Müller & Søn Zürich 東京 🚀'")
    }

    @Test(
        "injection attempts stay one literal that reads back to the input",
        arguments: [
            "' OR Name != '", #"\' OR Name != \'"#, "x' OR IsWon = true OR Name = 'y", #"\"#, #"\\'"#,
            "'; DELETE", "a\\nb", "O'Brien\n' OR Id != null", "%' LIKE '_",
        ])
    func injection(_ input: String) throws {
        let literal = SOQL.literal(input)
        let read = try #require(readSOQLStringLiteral(literal))
        #expect(read.value == input)
        #expect(read.length == literal.unicodeScalars.count)  // nothing after the closing quote
    }

    @Test("dateTime literals are UTC with whole seconds and Z")
    func dateTime() {
        // 1704067200 is 2024-01-01T00:00:00Z (Unix epoch reference).
        #expect(SOQL.literal(Date(timeIntervalSince1970: 1_704_067_200)) == "2024-01-01T00:00:00Z")
        #expect(SOQL.literal(Date(timeIntervalSince1970: 1_704_067_200.999)) == "2024-01-01T00:00:00Z")
        #expect(SOQL.literal(Date(timeIntervalSince1970: 1_709_209_845)) == "2024-02-29T12:30:45Z")
        #expect(SOQL.literal(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test("date, number and boolean literals")
    func otherLiterals() throws {
        #expect(SOQL.literal(CalendarDate(year: 2010, month: 1, day: 1)) == "2010-01-01")
        #expect(SOQL.literal(try #require(Decimal(string: "1234.50"))) == "1234.5")
        #expect(SOQL.literal(try #require(Decimal(string: "-0.1"))) == "-0.1")
        #expect(SOQL.literal(true) == "true")
        #expect(SOQL.literal(false) == "false")
    }

    @Test("IN lists quote every element; an empty list has no literal")
    func inList() {
        #expect(SOQL.inList(["006A", "b'c"]) == #"('006A','b\'c')"#)
        #expect(SOQL.inList([]) == nil)
    }

    @Test("the percent-encoded statement keeps + and quotes")
    func percentEncoding() {
        let soql = "SELECT Id FROM Account WHERE Name = \(SOQL.literal("A+B & C"))"
        #expect(
            percentEncodeQueryValue(soql)
                == "SELECT%20Id%20FROM%20Account%20WHERE%20Name%20%3D%20%27A%2BB%20%26%20C%27")
    }
}
