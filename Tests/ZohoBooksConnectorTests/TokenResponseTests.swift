import Foundation
import SyncCore
import SyncHTTP
import Testing
@testable import ZohoBooksConnector

/// Token endpoint answers (`zoho/samples/oauth`): success with `api_domain`, errors with HTTP 200, throttling.
@Suite("Zoho token responses")
struct TokenResponseTests {
    static let fallback = ZohoDataCenter.eu.booksBaseURL

    @Test("refresh-token and authorization-code successes give the token and {api_domain}/books/v3", arguments: [
        "oauth/refresh-token.success.json", "oauth/authorization-code.success.json",
    ])
    func success(name: String) throws {
        let result = try ZohoTokenProvider.interpret(try ReferenceSamples.response(name), fallbackBooksBaseURL: Self.fallback)
        #expect(result.token == ZohoAccessToken(
            value: "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210",
            booksBaseURL: "https://www.zohoapis.com/books/v3"))
        #expect(result.expiresIn == 3600)
    }

    @Test("Errors sent with HTTP 200 are authentication failures without secrets", arguments: [
        ("oauth/error-invalid_code.json", "invalid_code"),
        ("oauth/error-invalid_client.json", "invalid_client"),
        ("oauth/error-invalid_client_secret.json", "invalid_client_secret"),
    ])
    func errors(name: String, error: String) throws {
        let response = try ReferenceSamples.response(name)
        #expect(response.status == 200)
        do {
            _ = try ZohoTokenProvider.interpret(response, fallbackBooksBaseURL: Self.fallback)
            Issue.record("\(name) accepted")
        } catch let syncError as SyncError {
            #expect(syncError.code == .authenticationFailed)
            #expect(syncError.vendorCode == error)
            #expect(!syncError.isRetryable)
        }
    }

    @Test("The 'Access Denied' throttle is rate limited with a long pause, whatever the status", arguments: [400, 200])
    func throttle(status: Int) throws {
        var response = try ReferenceSamples.response("oauth/error-rate-limited.json")
        response.status = status
        do {
            _ = try ZohoTokenProvider.interpret(response, fallbackBooksBaseURL: Self.fallback)
            Issue.record("throttle accepted")
        } catch let syncError as SyncError {
            #expect(syncError.code == .rateLimited)
            #expect((syncError.retryAfterSeconds ?? 0) >= 900)
        }
    }

    @Test("Data centers use the accounts servers of zoho.md §1")
    func dataCenters() {
        #expect(ZohoDataCenter.allCases.map(\.accountsURL) == [
            "https://accounts.zoho.com", "https://accounts.zoho.eu", "https://accounts.zoho.in",
            "https://accounts.zoho.com.au", "https://accounts.zoho.jp", "https://accounts.zohocloud.ca",
            "https://accounts.zoho.com.cn", "https://accounts.zoho.sa",
        ])
        #expect(ZohoDataCenter.ca.booksBaseURL == "https://www.zohoapis.ca/books/v3")
    }
}
