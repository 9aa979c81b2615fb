import Foundation
import HTTPTypes
import HummingbirdTesting
import SAPSimulator
import SimulatorKit
import Testing

@Suite("SAP fault rendering")
struct FaultTests {
    static let products = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=1"

    @Test("rateLimited: 429 with the Apigee spike-arrest fault and Retry-After")
    func rateLimited() async throws {
        try await SAPFixtures.withSAP(.init(faultPlan: FaultPlan(rateLimited: 1))) { client, simulator, _ in
            let response = try await client.get(Self.products)
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] != nil)
            let fault = try #require(try jsonObject(response)["fault"] as? [String: Any])
            #expect((fault["detail"] as? [String: Any])?["errorcode"] as? String == "policies.ratelimit.SpikeArrestViolation")
            #expect(simulator.faults.injectedCount == 1)
        }
    }

    @Test("rateLimitedWithoutRetryAfter: 429 without Retry-After")
    func rateLimitedNoHeader() async throws {
        try await SAPFixtures.withSAP(.init(faultPlan: FaultPlan(rateLimitedWithoutRetryAfter: 1))) { client, _, _ in
            let response = try await client.get(Self.products)
            #expect(response.status == .tooManyRequests)
            #expect(response.headers[.retryAfter] == nil)
        }
    }

    @Test("serverError: 500 Apigee quota fault, then 502/503/504 SAP error bodies")
    func serverErrors() async throws {
        try await SAPFixtures.withSAP(.init(faultPlan: FaultPlan(serverError: 1))) { client, _, _ in
            var statuses: [Int] = []
            for _ in 0..<4 {
                let response = try await client.get(Self.products)
                statuses.append(response.status.code)
                let body = try jsonObject(response)
                if response.status.code == 500 {
                    #expect(((body["fault"] as? [String: Any])?["detail"] as? [String: Any])?["errorcode"] as? String
                        == "policies.ratelimit.QuotaViolation")
                } else {
                    #expect((body["error"] as? [String: Any])?["innererror"] != nil)
                }
            }
            #expect(Set(statuses) == [500, 502, 503, 504])
        }
    }

    @Test("csrfExpired: modifying requests get the CSRF 403, reads pass; a re-fetch then works")
    func csrfExpired() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF()
            simulator.faults.setPlan(FaultPlan(csrfExpiry: 1))
            #expect(try await client.get(Self.products).status == .ok)
            let body = #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"17100001","to_Item":[{"Material":"TG11","RequestedQuantity":"1"}]}"#
            let rejected = try await client.modify(.post, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder", json: body, csrf: csrf)
            #expect(rejected.status == .forbidden)
            #expect(rejected.headers[SAPTestClient.csrf] == "Required")
            #expect(String(buffer: rejected.body) == "CSRF token validation failed")
            simulator.faults.setPlan(.none)
            let stale = try await client.modify(.post, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder", json: body, csrf: csrf)
            #expect(stale.status == .forbidden)
            let fresh = try await client.fetchCSRF(cookie: csrf.cookie)
            #expect(fresh.token != csrf.token)
            let accepted = try await client.modify(.post, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder", json: body, csrf: fresh)
            #expect(accepted.status == .created)
        }
    }

    @Test("tokenExpired: Bearer requests get 401 and the token stays invalid; Basic requests are unaffected")
    func tokenExpired() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let config = client.configuration
            let credentials = "Basic " + Data("\(config.oauthClientID):\(config.oauthClientSecret)".utf8).base64EncodedString()
            let tokenResponse = try await client.client.execute(
                uri: "/oauth/token", method: .post,
                headers: [.authorization: credentials, .contentType: "application/x-www-form-urlencoded"],
                body: .init(string: "grant_type=client_credentials"))
            let token = try #require(try jsonObject(tokenResponse)["access_token"] as? String)
            simulator.faults.setPlan(FaultPlan(tokenExpiry: 1))
            #expect(try await client.get(Self.products).status == .ok)
            let expired = try await client.send(.get, Self.products, auth: .some("Bearer \(token)"))
            #expect(expired.status == .unauthorized)
            simulator.faults.setPlan(.none)
            #expect(try await client.send(.get, Self.products, auth: .some("Bearer \(token)")).status == .unauthorized)
        }
    }

    @Test("request log counts per entity set")
    func requestLog() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            _ = try await client.get(Self.products)
            _ = try await client.get("/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product('TG11')")
            _ = try await client.get("/sap/opu/odata/sap/API_PRODUCT_SRV/$metadata")
            #expect(simulator.requestLog.count(endpoint: "A_Product", method: "GET") == 2)
            #expect(simulator.requestLog.count(endpoint: "$metadata") == 1)
        }
    }
}
