import Foundation
import SyncCore
import SyncHTTP
import Testing
@testable import ZohoBooksConnector

/// The envelope `code` → `SyncError` mapping, fed with the recorded error bodies of
/// `zoho/samples/errors/api-error-bodies.json` (expected codes per zoho.md §5 and the Books "Errors" page).
@Suite("Zoho error classification")
struct ErrorClassificationTests {
    /// One documented error: its HTTP status (nil where no source states one) and body.
    struct DocumentedError {
        var status: Int?
        var code: Int?
        var message: String
    }

    static func documentedErrors() throws -> [DocumentedError] {
        let object = try JSONSerialization.jsonObject(with: ReferenceSamples.data("errors/api-error-bodies.json"))
        let errors = (object as! [String: Any])["errors"] as! [[String: Any]]
        return errors.map { entry in
            let body = entry["body"] as! [String: Any]
            return DocumentedError(
                status: entry["http_status"] as? Int, code: body["code"] as? Int, message: body["message"] as! String)
        }
    }

    /// What each documented code must become (zoho.md §5 table and the team's mapping).
    enum Expected: Equatable {
        case refresh
        case failure(SyncError.Code)
    }

    static let expectations: [Int: Expected] = [
        45: .failure(.quotaExhausted), 44: .failure(.rateLimited), 1070: .failure(.rateLimited),
        1002: .failure(.notFound), 1000: .failure(.serverError), 57: .refresh, 14: .refresh,
        6041: .failure(.authenticationFailed), 2: .failure(.malformedRequest), 1038: .failure(.malformedRequest),
        3062: .failure(.conflict), 1001: .failure(.conflict), 24016: .failure(.validationFailed),
        3004: .failure(.validationFailed), 4001: .failure(.conflict),
    ]

    static func classify(_ error: DocumentedError, headers: [String: String] = [:]) -> ResponseDisposition {
        var body: [String: Any] = ["message": error.message]
        body["code"] = error.code ?? NSNull()
        let response = ReferenceSamples.httpResponse(status: error.status ?? 400, headers: headers, body: body)
        return ZohoResponseClassifier.classify(response, for: ZohoTestRequests.get)
    }

    @Test("Every documented error body maps to its SyncError code, with Zoho's message and code kept")
    func documentedBodies() throws {
        let errors = try Self.documentedErrors()
        #expect(errors.count == 18)
        for error in errors {
            let disposition = Self.classify(error)
            guard let code = error.code else {
                // "The parameter JSONString is mandatory." / "Invalid URL Passed": no code, a request problem.
                guard case .failure(let syncError) = disposition else {
                    Issue.record("no failure for \(error.message)")
                    continue
                }
                #expect(syncError.code == .malformedRequest, "\(error.message)")
                continue
            }
            let expected = try #require(Self.expectations[code], "no expectation for code \(code)")
            switch (disposition, expected) {
            case (.refreshCredentials, .refresh):
                break
            case (.failure(let syncError), .failure(let expectedCode)):
                #expect(syncError.code == expectedCode, "code \(code)")
                #expect(syncError.vendorCode == String(code))
                #expect(syncError.system == .zohoBooks)
                #expect(syncError.message.contains(error.message), "code \(code) message")
            default:
                Issue.record("code \(code): \(disposition) instead of \(expected)")
            }
        }
    }

    @Test("Code 44 waits at least 60 s; code 45 is not retryable and carries the reset")
    func rateLimitWaits() throws {
        let errors = try Self.documentedErrors()
        let perMinute = try #require(errors.first { $0.code == 44 })
        guard case .failure(let limited) = Self.classify(perMinute, headers: ["X-Rate-Limit-Reset": "20"]) else {
            Issue.record("44 not a failure")
            return
        }
        #expect(limited.isRetryable && (limited.retryAfterSeconds ?? 0) >= 60)
        guard case .failure(let longer) = Self.classify(perMinute, headers: ["X-Rate-Limit-Reset": "90"]) else {
            Issue.record("44 not a failure")
            return
        }
        #expect(longer.retryAfterSeconds == 90)
        let daily = try #require(errors.first { $0.code == 45 })
        guard case .failure(let quota) = Self.classify(daily, headers: ["x-rate-limit-reset": "38607"]) else {
            Issue.record("45 not a failure")
            return
        }
        #expect(!quota.isRetryable && quota.retryAfterSeconds == 38607)
    }

    @Test("6041 names ZOHO_ORG_ID")
    func wrongOrganization() throws {
        let error = try #require(try Self.documentedErrors().first { $0.code == 6041 })
        guard case .failure(let syncError) = Self.classify(error) else {
            Issue.record("6041 not a failure")
            return
        }
        #expect(syncError.message.contains("ZOHO_ORG_ID"))
    }

    @Test("An error envelope sent with HTTP 200 is still an error")
    func errorWithHTTP200() {
        let response = ReferenceSamples.httpResponse(status: 200, body: ["code": 1002, "message": "Invoice does not exist."])
        guard case .failure(let error) = ZohoResponseClassifier.classify(response, for: ZohoTestRequests.get) else {
            Issue.record("HTTP 200 with code 1002 accepted")
            return
        }
        #expect(error.code == .notFound)
    }

    @Test("Non-JSON and truncated bodies are malformed responses; a create's is outcome-unknown")
    func malformedBodies() {
        let html = HTTPResponseData(status: 200, body: Data("<html><body>Bad gateway</body></html>".utf8))
        let truncated = HTTPResponseData(status: 201, body: Data(#"{"code":0,"message":"The invoice has been cre"#.utf8))
        guard case .failure(let htmlError) = ZohoResponseClassifier.classify(html, for: ZohoTestRequests.get),
              case .failure(let cutError) = ZohoResponseClassifier.classify(truncated, for: ZohoTestRequests.post)
        else {
            Issue.record("malformed body accepted")
            return
        }
        #expect(htmlError.code == .malformedResponse && !htmlError.outcomeUnknown)
        #expect(cutError.code == .malformedResponse && cutError.outcomeUnknown)
        let gateway = HTTPResponseData(status: 502, body: Data("<html>502</html>".utf8))
        guard case .failure(let gatewayError) = ZohoResponseClassifier.classify(gateway, for: ZohoTestRequests.get) else {
            Issue.record("502 accepted")
            return
        }
        #expect(gatewayError.code == .serverError)
    }

    @Test("A 401 without a body refreshes the token")
    func bare401() {
        guard case .refreshCredentials = ZohoResponseClassifier.classify(
            HTTPResponseData(status: 401), for: ZohoTestRequests.get)
        else {
            Issue.record("bare 401 not a refresh")
            return
        }
    }

    @Test("errors/rate-limit-headers.json: quota headers in either case")
    func quotaHeaders() async throws {
        let object = try JSONSerialization.jsonObject(with: ReferenceSamples.data("errors/rate-limit-headers.json"))
        let observations = (object as! [String: Any])["observations"] as! [[String: Any]]
        let parsed = observations.map { entry in
            ZohoRateLimitHeaders(ReferenceSamples.httpResponse(status: 200, headers: entry["headers"] as! [String: String], body: [:]).headers)
        }
        #expect(parsed == [
            ZohoRateLimitHeaders(limit: 7500, remaining: 6775, resetSeconds: 34881),
            ZohoRateLimitHeaders(limit: 1000, remaining: 513, resetSeconds: 24350),
        ])
        let tracker = ZohoQuotaTracker()
        let now = utc("2026-06-09T21:14:10Z")
        await tracker.record(parsed[1], at: now)
        #expect(await tracker.current() == QuotaSnapshot(
            used: 487, limit: 1000, resetsAt: now.addingTimeInterval(24350), observedAt: now))
    }
}
