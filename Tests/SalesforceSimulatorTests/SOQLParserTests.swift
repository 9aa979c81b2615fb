import Foundation
import Testing

@testable import SalesforceSimulator

@Suite("SOQL lexer and parser")
struct SOQLParserTests {
    @Test func documentedStringEscapes() throws {
        // SOQL "Quoted String Escape Sequences": \n \r \t \b \f \" \' \\ \uXXXX, and \% \_ as LIKE literals.
        let tokens = try SOQLLexer.tokenize(#"'a\nb\tc\'d\"e\\f\u00e9\%\_%_'"#)
        guard case .string(let value, let pattern) = tokens[0].kind else {
            Issue.record("not a string")
            return
        }
        #expect(value == "a\nb\tc'd\"e\\fé%_%_")
        #expect(pattern.suffix(4) == [.literal("%"), .literal("_"), .anyMany, .anyOne])
        #expect(throws: SOQLError.self) { try SOQLLexer.tokenize(#"'bad \q escape'"#) }
        #expect(throws: SOQLError.self) { try SOQLLexer.tokenize("'unterminated") }
    }

    @Test func dateTimeLiteralsWithOffsets() throws {
        let utc = try SOQLLexer.tokenize("2026-11-30T12:00:00Z")[0].kind
        let plus = try SOQLLexer.tokenize("2026-11-30T13:00:00+01:00")[0].kind
        let minus = try SOQLLexer.tokenize("2026-11-30T07:00:00.000-05:00")[0].kind
        #expect(utc == .dateTime(Date(timeIntervalSince1970: 1_796_040_000)))
        #expect(plus == utc)
        #expect(minus == utc)
        #expect(try SOQLLexer.tokenize("2026-11-30")[0].kind == .date(Date(timeIntervalSince1970: 1_795_996_800)))
    }

    @Test func statementStructure() throws {
        let statement = try SOQLParser.parse(
            "SELECT Id, Account.Name, (SELECT Quantity FROM OpportunityLineItems) FROM Opportunity "
                + "WHERE (StageName = 'Closed Won' OR NOT IsClosed = true) AND Amount IN (1, 2.5) "
                + "ORDER BY CloseDate DESC NULLS LAST, Name LIMIT 10 OFFSET 5")
        #expect(statement.from == "Opportunity")
        #expect(statement.items.count == 3)
        #expect(statement.limit == 10)
        #expect(statement.offset == 5)
        #expect(statement.orderBy.map(\.ascending) == [false, true])
        #expect(statement.orderBy.map(\.nullsFirst) == [false, true])
        guard case .and(.or, .membership(let path, _, let values, false)) = statement.condition else {
            Issue.record("unexpected condition tree")
            return
        }
        #expect(path == ["Amount"])
        #expect(values == [.number(1), .number(Decimal(string: "2.5")!)])
    }

    @Test func syntaxErrorsNameTheToken() {
        #expect(throws: SOQLError.malformed("unexpected token: SELEKT", offset: 0)) { try SOQLParser.parse("SELEKT Id FROM Account") }
        #expect(throws: SOQLError.malformed("unexpected token: <EOF>", offset: 14)) { try SOQLParser.parse("SELECT Id FROM") }
        #expect(throws: SOQLError.malformed("unexpected token: <EOF>", offset: 12)) { try SOQLParser.parse("SELECT COUNT") }
        #expect(throws: SOQLError.malformed("unexpected token: LIMIT", offset: 29)) {
            try SOQLParser.parse("SELECT Id FROM Account WHERE LIMIT 1")
        }
    }
}
