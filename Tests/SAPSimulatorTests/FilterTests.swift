import Foundation
import HummingbirdTesting
@testable import SAPSimulator
import Testing

@Suite("$filter parser and evaluator")
struct FilterTests {
    /// A minimal entity type for evaluation.
    static let type = EntityTypeModel(
        name: "T", keys: ["Key"],
        properties: [
            PropertyModel(name: "Key", type: "Edm.String", maxLength: 10, creatable: true, updatable: true, isConcurrencyToken: false),
            PropertyModel(name: "Name", type: "Edm.String", creatable: true, updatable: true, isConcurrencyToken: false),
            PropertyModel(name: "Amount", type: "Edm.Decimal", scale: 3, creatable: true, updatable: true,
                          isConcurrencyToken: false),
            PropertyModel(name: "Changed", type: "Edm.DateTimeOffset", creatable: true, updatable: true,
                          isConcurrencyToken: false),
            PropertyModel(name: "Created", type: "Edm.DateTime", creatable: true, updatable: true, isConcurrencyToken: false),
            PropertyModel(name: "Blocked", type: "Edm.Boolean", creatable: true, updatable: true, isConcurrencyToken: false),
        ],
        navigations: [])

    /// 2024-05-01T00:00:00Z.
    static let may1 = Date(timeIntervalSince1970: 1_714_521_600)

    static let record: EntityRecord = [
        "Key": .string("4000043"), "Name": .string("O'Neil & Söhne"), "Amount": .decimal(Decimal(string: "12.5")!),
        "Changed": .dateTimeOffset(may1.addingTimeInterval(3600)), "Created": .dateTime(may1),
        "Blocked": .bool(false),
    ]

    func matches(_ filter: String) throws -> Bool {
        try FilterEvaluator(type: Self.type).matches(try FilterParser.parse(filter), Self.record)
    }

    @Test("string literal with doubled single quote", arguments: [
        ("Name eq 'O''Neil & Söhne'", true), ("Name eq 'O''Neil'", false), ("Name ne 'x'", true),
    ])
    func doubledQuotes(filter: String, expected: Bool) throws {
        #expect(try matches(filter) == expected)
    }

    @Test("datetimeoffset and datetime literals (sap.md §2.1 forms)", arguments: [
        ("Changed gt datetimeoffset'2024-05-01T00:00:00Z'", true),
        ("Changed gt datetimeoffset'2024-05-01T01:00:00Z'", false),
        ("Changed ge datetimeoffset'2024-05-01T01:00:00Z'", true),
        ("Changed lt datetimeoffset'2024-05-01T03:00:00+02:00'", false),
        ("Created eq datetime'2024-05-01T00:00:00'", true),
        ("Created lt datetime'2024-04-30T23:59:59'", false),
    ])
    func dates(filter: String, expected: Bool) throws {
        #expect(try matches(filter) == expected)
    }

    @Test("functions, boolean operators, parentheses, numbers, null", arguments: [
        ("substringof('Neil',Name)", true), ("startswith(Name,'O''N')", true), ("endswith(Name,'Söhne')", true),
        ("substringof('Neil',Name) eq false", false),
        ("not startswith(Name,'X')", true),
        ("Amount eq 12.5M", true), ("Amount gt 12", true), ("Amount le 12.499M", false),
        ("Key eq '0004000043'", true),
        ("Blocked eq false and (Name eq 'a' or Amount ge 12.5M)", true),
        ("Name eq 'a' or Name eq 'b' and Amount gt 0", false),
        ("Name eq null", false), ("Name ne null", true),
        ("tolower(Name) eq 'o''neil & söhne'", true),
    ])
    func operators(filter: String, expected: Bool) throws {
        #expect(try matches(filter) == expected)
    }

    @Test("malformed filters are rejected with a position", arguments: [
        "Name eq", "Name eq 'open", "Name eqq 'x'", "(Name eq 'x'", "Name eq 'x')", "substringof('x')",
        "Changed gt datetimeoffset'yesterday'", "Name eq 'x' and",
    ])
    func malformed(filter: String) {
        #expect(throws: FilterError.self) { try matches(filter) }
    }

    @Test("unknown property is an error")
    func unknownProperty() {
        #expect(throws: FilterError.self) { try matches("Nope eq 'x'") }
    }

    @Test("malformed $filter over HTTP answers 400 with the V2 error body")
    func malformedOverHTTP() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let response = try await client.get("/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$filter=Product%20eq%20%27TG11")
            #expect(response.status == .badRequest)
            let error = try #require(try jsonObject(response)["error"] as? [String: Any])
            #expect(error["code"] is String)
            #expect((error["innererror"] as? [String: Any])?["errordetails"] != nil || error["message"] != nil)
        }
    }

    @Test("$filter over HTTP with an encoded doubled quote and datetimeoffset")
    func filterOverHTTP() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let products = try results(try await client.get(
                "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$filter=LastChangeDateTime%20gt%20datetimeoffset%272026-04-15T00%3A00%3A00Z%27&$select=Product"))
            #expect(products.compactMap { $0["Product"] as? String }.sorted() == ["TG11", "TG12"])
            let partners = try results(try await client.get(
                "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?$filter=startswith(OrganizationBPName1,%27O%27%27Neil%27)"))
            #expect(partners.compactMap { $0["BusinessPartner"] as? String } == ["17100001"])
        }
    }
}
