import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP
import Testing
@testable import SalesforceConnector

@Suite("Error samples")
struct ErrorSampleTests {
    /// The mapping the issue and the REST API error table give, keyed by `errorCode`.
    static let expectedCodes: [String: SyncError.Code] = [
        "REQUEST_LIMIT_EXCEEDED": .quotaExhausted, "UNABLE_TO_LOCK_ROW": .rowLocked,
        "MALFORMED_QUERY": .malformedRequest, "INVALID_FIELD": .malformedRequest,
        "ENTITY_IS_DELETED": .notFound, "NOT_FOUND": .notFound,
        "MALFORMED_ID": .validationFailed, "REQUIRED_FIELD_MISSING": .validationFailed,
        "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST": .validationFailed,
    ]

    /// The HTTP status in the file name (`*.404.json`); the lock sample has none ("n/a") and is sent with 400.
    static func status(of file: String) -> Int {
        let parts = file.split(separator: ".")
        return parts.count >= 3 ? Int(parts[parts.count - 2]) ?? 400 : 400
    }

    static func response(_ file: String) throws -> HTTPResponseData {
        HTTPResponseData(status: status(of: file), body: try Reference.data(file))
    }

    @Test("every error sample maps to its SyncError code with the vendor code, message and field",
          arguments: try Reference.files(in: "errors"))
    func classify(_ file: String) throws {
        let raw = try #require((try Reference.foundation(file) as? [[String: Any]])?.first)
        let vendorCode = try #require(raw["errorCode"] as? String)
        let disposition = SalesforceErrorClassifier.classify(try Self.response(file))
        if vendorCode == "INVALID_SESSION_ID" {
            guard case .refreshCredentials = disposition else { Issue.record("expected a refresh for \(file)"); return }
            return
        }
        guard case .failure(let error) = disposition else { Issue.record("expected a failure for \(file)"); return }
        #expect(error.code == Self.expectedCodes[vendorCode], "\(file)")
        #expect(error.system == .salesforce)
        #expect(error.vendorCode == vendorCode)
        #expect(error.httpStatus == Self.status(of: file))
        #expect(error.field == (raw["fields"] as? [String])?.first)
        let message = (raw["message"] as? String ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(message.hasPrefix(error.message.replacingOccurrences(of: "…", with: "")))
    }

    @Test("retryable and permanent classes follow SyncError")
    func retryability() throws {
        func error(_ file: String) throws -> SyncError {
            guard case .failure(let error) = SalesforceErrorClassifier.classify(try Self.response(file)) else {
                throw SyncError(code: .configuration, system: .salesforce, message: "no failure")
            }
            return error
        }
        #expect(try error("errors/unable-to-lock-row.json").isRetryable)
        #expect(try !error("errors/request-limit-exceeded.403.json").isRetryable)
        #expect(try !error("errors/request-limit-exceeded.403.json").isRecordFault)
        #expect(try error("errors/required-field-missing.400.json").isRecordFault)
    }

    @Test("5xx is a server error whatever the body; HTML and truncated bodies are malformed responses")
    func nonJSON() {
        let html = Data("<html><body>502 Bad Gateway</body></html>".utf8)
        guard case .failure(let gateway) = SalesforceErrorClassifier.classify(HTTPResponseData(status: 502, body: html))
        else { Issue.record("expected failure"); return }
        #expect(gateway.code == .serverError)
        guard case .failure(let forbidden) = SalesforceErrorClassifier.classify(HTTPResponseData(status: 400, body: html))
        else { Issue.record("expected failure"); return }
        #expect(forbidden.code == .malformedResponse)
        let truncated = Data(#"{"totalSize":5,"done":true,"records":[{"attributes""#.utf8)
        guard case .failure(let cut) = SalesforceErrorClassifier.classify(HTTPResponseData(status: 200, body: truncated))
        else { Issue.record("expected failure"); return }
        #expect(cut.code == .malformedResponse)
        guard case .success = SalesforceErrorClassifier.classify(HTTPResponseData(status: 204)) else {
            Issue.record("204 with no body is a success"); return
        }
    }

    @Test("headers: the 401 sample carries WWW-Authenticate Token and the session error asks for a refresh")
    func invalidSessionHeaders() throws {
        let raw = try #require(try Reference.foundation("headers/invalid-session-401-response-headers.json") as? [String: String])
        #expect(raw["WWW-Authenticate"] == "Token")
        var headers = HTTPHeaders()
        for (name, value) in raw { headers.add(name: name, value: value) }
        let response = HTTPResponseData(status: 401, headers: headers, body: try Reference.data("errors/invalid-session-id.401.json"))
        guard case .refreshCredentials = SalesforceErrorClassifier.classify(response) else {
            Issue.record("expected a refresh"); return
        }
    }

    @Test("headers: Sforce-Limit-Info api-usage of the recorded query response and the documented example")
    func limitInfo() throws {
        let raw = try #require(try Reference.foundation("headers/query-200-response-headers.json") as? [String: String])
        let header = try #require(raw["Sforce-Limit-Info"])
        let usage = try #require(SalesforceLimitInfo.apiUsage(header))
        #expect(usage.used == 16 && usage.limit == 100000)
        let documented = try #require(
            SalesforceLimitInfo.apiUsage("api-usage=18/5000; per-app-api-usage=17/250(appName=sample-connected-app)"))
        #expect(documented.used == 18 && documented.limit == 5000)
        #expect(SalesforceLimitInfo.apiUsage("api-bursts=1/750") == nil)
    }
}
