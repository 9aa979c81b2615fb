import Foundation
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("API_BUSINESS_PARTNER deep insert")
struct BusinessPartnerTests {
    static let uri = "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner"

    /// The create body of sap.md §10, with switches for the validation cases.
    static func body(language: String = "EN", currency: String = "EUR", searchTerm: String = "001aa000000exmpAAA",
                     name: String = "Example Corp") -> String {
        #"{"BusinessPartnerCategory":"2","BusinessPartnerGrouping":"BP02","OrganizationBPName1":"\#(name)","SearchTerm1":"\#(searchTerm)","BusinessPartnerIDByExtSystem":"001aa000000exmpAAA","CorrespondenceLanguage":"EN","to_BusinessPartnerAddress":{"results":[{"Country":"de","Language":"\#(language)","CityName":"Musterstadt","PostalCode":"12345","StreetName":"Beispielweg","HouseNumber":"7"}]},"to_BusinessPartnerRole":{"results":[{"BusinessPartnerRole":"FLCU00"},{"BusinessPartnerRole":"FLCU01"}]},"to_Customer":{"to_CustomerSalesArea":{"results":[{"SalesOrganization":"1010","DistributionChannel":"10","Division":"00","Currency":"\#(currency)","CustomerPaymentTerms":"0004"}]},"to_CustomerCompany":{"results":[{"CompanyCode":"1010","ReconciliationAccount":"12100000"}]}}}"#
    }

    @Test("creates BP 1000000 with customer 1000000, upper-cases SearchTerm1/BusinessPartnerIDByExtSystem/Country")
    func create() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF(service: "API_BUSINESS_PARTNER")
            let response = try await client.modify(.post, Self.uri, json: Self.body(), csrf: csrf)
            #expect(response.status == .created)
            #expect(response.headers[.location] == "http://localhost/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('1000000')")
            let d = try dObject(response)
            #expect(d["BusinessPartner"] as? String == "1000000")
            #expect(d["Customer"] as? String == "1000000")
            #expect(d["SearchTerm1"] as? String == "001AA000000EXMPAAA")
            #expect(d["BusinessPartnerIDByExtSystem"] as? String == "001AA000000EXMPAAA")
            let found = try results(try await client.get(
                Self.uri + "?$filter=SearchTerm1%20eq%20%27001AA000000EXMPAAA%27&$expand=to_BusinessPartnerRole,to_Customer"))
            #expect(found.count == 1)
            let roles = (found.first?["to_BusinessPartnerRole"] as? [String: Any])?["results"] as? [[String: Any]]
            #expect(Set(roles?.compactMap { $0["BusinessPartnerRole"] as? String } ?? []) == ["FLCU00", "FLCU01"])
            #expect((found.first?["to_Customer"] as? [String: Any])?["Customer"] as? String == "1000000")
            let areas = try results(try await client.get(
                "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_Customer('1000000')/to_CustomerSalesArea"))
            #expect(areas.first?["Currency"] as? String == "EUR")
            let address = try results(try await client.get(Self.uri + "('1000000')/to_BusinessPartnerAddress")).first
            #expect(address?["Country"] as? String == "DE")
            #expect(simulator.businessPartners(searchTerm1: "001aa000000exmpaaa").map(\.businessPartner) == ["1000000"])
        }
    }

    @Test("validation errors", arguments: [
        (body(language: ""), "FSBP_ECC/030"),
        (body(currency: ""), "CVI_API/003"),
    ])
    func validation(body: String, code: String) async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF(service: "API_BUSINESS_PARTNER")
            let response = try await client.modify(.post, Self.uri, json: body, csrf: csrf)
            #expect(response.status == .badRequest)
            #expect(try errorCode(response) == code)
            #expect(simulator.businessPartners().count == 1)
        }
    }

    @Test("over-long fields are rejected naming the property", arguments: [
        (body(searchTerm: String(repeating: "A", count: 21)), "SearchTerm1"),
        (body(name: String(repeating: "N", count: 41)), "OrganizationBPName1"),
    ])
    func tooLong(body: String, property: String) async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let csrf = try await client.fetchCSRF(service: "API_BUSINESS_PARTNER")
            let response = try await client.modify(.post, Self.uri, json: body, csrf: csrf)
            #expect(response.status == .badRequest)
            #expect(try errorMessage(response)?.contains(property) == true)
        }
    }

    @Test("Business Partners cannot be deleted")
    func notDeletable() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let csrf = try await client.fetchCSRF(service: "API_BUSINESS_PARTNER")
            let response = try await client.modify(.delete, Self.uri + "('17100001')", json: nil, csrf: csrf)
            #expect(response.status == .methodNotAllowed)
        }
    }
}
