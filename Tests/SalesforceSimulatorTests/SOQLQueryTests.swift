import Foundation
import Testing

@testable import SalesforceSimulator

@Suite("SOQL query")
struct SOQLQueryTests {
    let harness = Harness()

    private func query(_ soql: String, resource: String = "query") async throws -> Reply {
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.get, queryURI(soql, resource: resource), token: token)
        }
    }

    private func names(_ soql: String) async throws -> [String] {
        let reply = try await query(soql)
        #expect(reply.status == 200, "\(reply.text)")
        return (reply.json?.records ?? []).compactMap { $0["Name"]?.stringValue }
    }

    @Test func parentFieldsChildSubqueriesAndNulls() async throws {
        let reply = try await query(
            "SELECT Id, Name, Amount, CurrencyIsoCode, Account.Name, Account.BillingCountryCode, "
                + "(SELECT Quantity, UnitPrice, TotalPrice, Product2.ProductCode FROM OpportunityLineItems ORDER BY UnitPrice DESC), "
                + "(SELECT Contact.Email, IsPrimary FROM OpportunityContactRoles ORDER BY IsPrimary DESC) "
                + "FROM Opportunity ORDER BY Name DESC")
        #expect(reply.status == 200)
        let records = try #require(reply.json).records
        #expect(records.count == 3)
        let won = records[0]
        #expect(won["Name"] == .string("Won deal"))
        #expect(reply.text.contains(#""Amount":60.12"#))  // 3 × 19.99 + 1.5 × 0.1, no binary-float drift
        #expect(won["CurrencyIsoCode"] == .string("EUR"))
        #expect(won["Account"]?["Name"] == .string("O'Brien & Söhne Maschinenbau Gesellschaft mbH"))
        #expect(won["Account"]?["BillingCountryCode"] == .string("DE"))
        #expect(won["Account"]?["attributes"]?["type"] == .string("Account"))
        let lines = try #require(won["OpportunityLineItems"])
        // The nested QueryResult has the members of the recorded child subquery (`Contacts`).
        let recorded = try Reference.json("query/query-child-subquery-contacts.200.json").records[0]["Contacts"]!
        #expect(lines.objectMembers?.map(\.0) == recorded.objectMembers?.map(\.0))
        #expect(shape(lines.records[0]["attributes"]!) == shape(recorded.records[0]["attributes"]!))
        #expect(lines["totalSize"] == .number(2))
        #expect(lines.records[0]["Product2"]?["ProductCode"] == .string("P-100"))
        #expect(lines.records[0]["TotalPrice"] == .number(Decimal(string: "59.97")!))
        let roles = won["OpportunityContactRoles"]!.records
        #expect(roles[0]["Contact"]?["Email"] == .string("anna@obrien.example"))
        #expect(roles[1]["Contact"]?["Email"] == .null)  // contact without email
        let open = records[1]
        #expect(open["OpportunityLineItems"] == .null)  // no children -> null, not an empty QueryResult
        #expect(open["Amount"] == .null)
        let url = try #require(won["attributes"]?["url"]?.stringValue)
        #expect(url.hasPrefix("/services/data/v60.0/sobjects/Opportunity/006"))
        #expect(SalesforceId.canonical(String(url.suffix(18))) == String(url.suffix(18)))
    }

    @Test func booleanLogicComparisonsAndIn() async throws {
        #expect(try await names("SELECT Name FROM Opportunity WHERE IsClosed = true AND NOT (IsWon = true) ORDER BY Name") == ["Lost deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE StageName = 'Prospecting' OR (Amount > 60 AND Amount <= 60.12) ORDER BY Name") == ["Open deal", "Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE StageName != 'Closed Won' ORDER BY Name") == ["Lost deal", "Open deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE StageName <> 'closed won' ORDER BY Name") == ["Lost deal", "Open deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE StageName IN ('Closed Won', 'Closed Lost') ORDER BY Name") == ["Lost deal", "Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE StageName NOT IN ('Closed Won') AND Amount = null ORDER BY Name") == ["Lost deal", "Open deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE Amount != null") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE Amount < 100 AND Amount >= 60.12") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE Account.BillingCountryCode = 'US' ORDER BY Name") == ["Lost deal", "Open deal"])
    }

    @Test func stringEscapesAndLike() async throws {
        #expect(try await names(#"SELECT Name FROM Account WHERE Name = 'O\'Brien & Söhne Maschinenbau Gesellschaft mbH'"#).count == 1)
        let lastNames = try await query(#"SELECT LastName FROM Contact WHERE LastName = 'Back\\slash'"#)
        #expect(lastNames.json?.records.first?["LastName"] == .string(#"Back\slash"#))
        #expect(try await names("SELECT Name FROM Account WHERE Name LIKE 'o\\'brien%'").count == 1)  // case-insensitive
        #expect(try await names(#"SELECT Name FROM Account WHERE Name LIKE 'Acme\_100\%%'"#) == ["Acme_100% Corp"])
        #expect(try await names(#"SELECT Name FROM Account WHERE Name LIKE 'Acme\_100\% C_rp'"#) == ["Acme_100% Corp"])
        #expect(try await names(#"SELECT Name FROM Account WHERE Name LIKE 'Acme\_1\%%'"#).isEmpty)  // `\%` is a literal %
        #expect(try await names("SELECT Name FROM Account WHERE Name LIKE 'Acme_1%'") == ["Acme_100% Corp"])
        let bad = try await query(#"SELECT Name FROM Account WHERE Name = 'a\x'"#)
        #expect(bad.status == 400)
        #expect(bad.json?.arrayValue?.first?["errorCode"] == .string("MALFORMED_QUERY"))
    }

    @Test func dateAndDateTimeLiterals() async throws {
        // The won deal was stamped 2026-11-30T10:00:00Z.
        #expect(try await names("SELECT Name FROM Opportunity WHERE LastModifiedDate > 2026-11-30T09:59:59Z") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE LastModifiedDate = 2026-11-30T11:00:00+01:00") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE SystemModstamp = 2026-11-30T05:00:00-05:00") == ["Won deal"])
        // Milliseconds are ignored in comparisons.
        #expect(try await names("SELECT Name FROM Opportunity WHERE LastModifiedDate = 2026-11-30T10:00:00.900Z") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE CloseDate < 2026-12-01 ORDER BY CloseDate") == ["Lost deal", "Won deal"])
        let won = try await query("SELECT CloseDate, LastModifiedDate FROM Opportunity WHERE Name = 'Won deal'")
        #expect(won.json?.records.first?["CloseDate"] == .string("2026-11-30"))
        #expect(won.json?.records.first?["LastModifiedDate"] == .string("2026-11-30T10:00:00.000+0000"))
        let quoted = try await query("SELECT Name FROM Opportunity WHERE CloseDate = '2026-11-30'")
        #expect(quoted.status == 400)
        #expect(quoted.json?.arrayValue?.first?["errorCode"] == .string("INVALID_FIELD"))
        #expect(quoted.json?.arrayValue?.first?["message"]?.stringValue?.hasSuffix(
            "value of filter criterion for field 'CloseDate' must be of type date and should not be enclosed in quotes") == true)
    }

    @Test func orderByLimitOffsetAndCount() async throws {
        #expect(try await names("SELECT Name FROM Opportunity ORDER BY IsClosed DESC, Amount DESC NULLS LAST, Name") == ["Won deal", "Lost deal", "Open deal"])
        #expect(try await names("SELECT Name FROM Opportunity ORDER BY IsClosed DESC, Amount DESC NULLS FIRST, Name") == ["Lost deal", "Won deal", "Open deal"])
        #expect(try await names("SELECT Name FROM Opportunity ORDER BY Amount ASC, Name DESC") == ["Open deal", "Lost deal", "Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity ORDER BY Account.Name, Name LIMIT 2 OFFSET 1") == ["Open deal", "Won deal"])
        let count = try await query("SELECT COUNT() FROM Opportunity WHERE IsClosed = true")
        #expect(count.json == .object([("totalSize", .number(2)), ("done", .bool(true)), ("records", .array([]))]))
    }

    @Test func fifteenCharacterIdInFilter() async throws {
        let id = try #require(harness.simulator.seedId("opportunity:won"))
        #expect(try await names("SELECT Name FROM Opportunity WHERE Id = '\(id.prefix(15))'") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE Id IN ('\(id)')") == ["Won deal"])
        #expect(try await names("SELECT Name FROM Opportunity WHERE Id IN ('')").isEmpty)
        let bad = try await query("SELECT Name FROM Opportunity WHERE Id = 'nonsense'")
        #expect(bad.json?.arrayValue?.first?["errorCode"] == .string("INVALID_QUERY_FILTER_OPERATOR"))
    }

    @Test func recordedErrorBodies() async throws {
        let malformed = try await query("SELEKT Id FROM Account")
        #expect(malformed.status == 400)
        #expect(malformed.json == (try Reference.json("errors/malformed-query.400.json")))
        let invalidField = try await query("SELECT Bacon__c FROM Account LIMIT 2")
        #expect(invalidField.status == 400)
        #expect(invalidField.json == (try Reference.json("errors/invalid-field-in-query.400.json")))
        let unknownType = try await query("SELECT Id FROM Lead")
        #expect(unknownType.json?.arrayValue?.first?["errorCode"] == .string("INVALID_TYPE"))
    }

    @Test func currencyIsoCodeOnlyInMultiCurrencyOrgs() async throws {
        let single = Harness(multiCurrency: false)
        let reply = try await single.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.get, queryURI("SELECT Id, CurrencyIsoCode FROM Opportunity"), token: token)
        }
        #expect(reply.status == 400)
        #expect(reply.json?.arrayValue?.first?["message"]?.stringValue?.contains("No such column 'CurrencyIsoCode' on entity 'Opportunity'") == true)
    }
}
