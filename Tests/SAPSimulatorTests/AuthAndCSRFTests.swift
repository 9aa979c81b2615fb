import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("SAP authentication and CSRF handshake")
struct AuthAndCSRFTests {
    static let orderURI = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"
    static let order = #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"17100001","to_Item":[{"Material":"TG11","RequestedQuantity":"1"}]}"#

    @Test("Basic with the configured user passes; wrong password and no credentials get 401")
    func basic() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let uri = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=1"
            #expect(try await client.get(uri).status == .ok)
            let wrong = "Basic " + Data("CRMSYNC_COMM:nope".utf8).base64EncodedString()
            let bad = try await client.send(.get, uri, auth: .some(wrong))
            #expect(bad.status == .unauthorized)
            #expect(bad.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
            #expect(try await client.send(.get, uri, auth: .some(nil)).status == .unauthorized)
        }
    }

    @Test("client credentials: XSUAA-shaped token response; Bearer accepted until expires_in passes")
    func oauth() async throws {
        let sample = try ReferenceFiles.json("sap/samples/xsuaa-client-credentials-token-response.json")
        let sampleKeys = Set(sample.keys)
        let sampleType = sample["token_type"] as? String
        let sampleExpiry = sample["expires_in"] as? Int
        try await SAPFixtures.withSAP { client, _, clock in
            let config = client.configuration
            let credentials = "Basic " + Data("\(config.oauthClientID):\(config.oauthClientSecret)".utf8).base64EncodedString()
            let response = try await client.client.execute(
                uri: "/oauth/token", method: .post,
                headers: [.authorization: credentials, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "grant_type=client_credentials"))
            let body = try jsonObject(response)
            #expect(response.status == .ok)
            #expect(Set(body.keys) == sampleKeys)
            #expect(body["token_type"] as? String == sampleType)
            #expect(body["expires_in"] as? Int == sampleExpiry)
            let token = try #require(body["access_token"] as? String)
            let uri = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=1"
            #expect(try await client.send(.get, uri, auth: .some("Bearer \(token)")).status == .ok)
            clock.advance(bySeconds: 43_201)
            #expect(try await client.send(.get, uri, auth: .some("Bearer \(token)")).status == .unauthorized)
        }
    }

    @Test("token endpoint: wrong secret 401, wrong grant 400 unsupported_grant_type")
    func oauthErrors() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let config = client.configuration
            let wrong = "Basic " + Data("\(config.oauthClientID):wrong".utf8).base64EncodedString()
            let denied = try await client.send(.post, "/oauth/token", json: nil,
                                               headers: [.contentType: "application/x-www-form-urlencoded"],
                                               auth: .some(wrong))
            #expect(denied.status == .unauthorized)
            let good = "Basic " + Data("\(config.oauthClientID):\(config.oauthClientSecret)".utf8).base64EncodedString()
            let grant = try await client.client.execute(
                uri: "/oauth/token", method: .post,
                headers: [.authorization: good, .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "grant_type=password"))
            #expect(grant.status == .badRequest)
            #expect(try jsonObject(grant)["error"] as? String == "unsupported_grant_type")
        }
    }

    @Test("fetch returns token and SAP session cookies; POST with token and cookie passes CSRF")
    func handshake() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let fetch = try await client.send(.get, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/",
                                              headers: [SAPTestClient.csrf: "Fetch"])
            #expect(fetch.headers[SAPTestClient.csrf]?.isEmpty == false)
            let cookies = fetch.headers[values: .setCookie]
            #expect(cookies.contains { $0.hasPrefix("SAP_SESSIONID_S4H_100=") })
            #expect(cookies.contains { $0.hasPrefix("sap-XSRF_S4H_100=") })
            let csrf = try await client.fetchCSRF()
            let created = try await client.modify(.post, Self.orderURI, json: Self.order, csrf: csrf)
            #expect(created.status == .created)
        }
    }

    @Test("missing token, missing cookie, another session's cookie and a stale token get 403 Required")
    func rejections() async throws {
        try await SAPFixtures.withSAP { client, _, clock in
            let first = try await client.fetchCSRF()
            let second = try await client.fetchCSRF()
            #expect(first.token != second.token)
            let noToken = try await client.send(.post, Self.orderURI, json: Self.order, headers: [.cookie: first.cookie])
            let noCookie = try await client.send(.post, Self.orderURI, json: Self.order,
                                                 headers: [SAPTestClient.csrf: first.token])
            let crossed = try await client.modify(.post, Self.orderURI, json: Self.order,
                                                  csrf: (first.token, second.cookie))
            clock.advance(bySeconds: 1_801)
            let stale = try await client.modify(.post, Self.orderURI, json: Self.order, csrf: first)
            for response in [noToken, noCookie, crossed, stale] {
                #expect(response.status == .forbidden)
                #expect(response.headers[SAPTestClient.csrf] == "Required")
                #expect(String(buffer: response.body) == "CSRF token validation failed")
            }
        }
    }

    @Test("a fetch with the live session cookie returns the same token")
    func refetchSameSession() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let first = try await client.fetchCSRF()
            let again = try await client.fetchCSRF(cookie: first.cookie)
            #expect(again.token == first.token)
        }
    }
}
