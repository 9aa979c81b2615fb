import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP
import Testing
@testable import SAPConnector

@Suite("SAP response classification")
struct ClassifierTests {
    private func disposition(
        _ status: Int, body: String = "", headers: [(String, String)] = [], method: HTTPMethod = .POST,
        canRefresh: Bool = true
    ) -> ResponseDisposition {
        SAPResponseClassifier.classify(
            HTTPResponseData(status: status, headers: HTTPHeaders(headers), body: Data(body.utf8)),
            for: HTTPRequestSpec(method: method, url: "http://sap.test/x", endpoint: "A_SalesOrder.create"),
            canRefresh: canRefresh)
    }

    @Test("403 with x-csrf-token: Required renews the session (reference/sap.md §4)")
    func csrfRequired() {
        guard case .renewSession = disposition(403, body: "CSRF token validation failed", headers: [("x-csrf-token", "Required")])
        else { Issue.record("expected renewSession"); return }
        guard case .failure(let other) = disposition(403, body: "{}") else { Issue.record("expected failure"); return }
        #expect(other.code == .forbidden)
    }

    @Test("401 refreshes an OAuth token; with Basic it is .authenticationFailed")
    func unauthorized() {
        guard case .refreshCredentials = disposition(401) else { Issue.record("expected refresh"); return }
        guard case .failure(let error) = disposition(401, canRefresh: false) else { Issue.record("expected failure"); return }
        #expect(error.code == .authenticationFailed)
    }

    @Test("404 Gateway resource not found -> .notFound")
    func notFound() {
        let body = #"{"error":{"code":"/IWBEP/CM_MGW_RT/020","message":{"lang":"en","value":"Resource not found for segment 'A_SalesOrderType'"}}}"#
        let error = classifiedError(status: 404, body: Data(body.utf8), endpoint: "A_SalesOrder.read")
        #expect(error.code == .notFound)
        #expect(error.vendorCode == "/IWBEP/CM_MGW_RT/020")
        #expect(error.message == "Resource not found for segment 'A_SalesOrderType'")
    }

    @Test("API Management Spike Arrest on HTTP 500 is retryable rate limiting (reference/sap.md §9)")
    func spikeArrest() {
        let body = #"{"fault":{"faultstring":"Spike arrest violation. Allowed rate : 5ps","detail":{"errorcode":"policies.ratelimit.SpikeArrestViolation"}}}"#
        let error = classifiedError(status: 500, body: Data(body.utf8), endpoint: "x")
        #expect(error.code == .rateLimited)
        #expect(error.isRetryable)
        #expect(error.vendorCode == "policies.ratelimit.SpikeArrestViolation")
    }

    @Test("429, 502, 503, 504 are retryable", arguments: [429, 502, 503, 504])
    func retryable(status: Int) {
        let headers: HTTPHeaders = status == 429 ? ["Retry-After": "7"] : [:]
        let error = classifiedError(status: status, body: Data(), headers: headers, endpoint: "x")
        #expect(error.isRetryable)
        if status == 429 { #expect(error.retryAfterSeconds == 7) }
    }

    @Test("an HTML page or a cut-off 200 body is .malformedResponse")
    func malformed() {
        let html = classifiedError(
            status: 502, body: Data("<html><body>Bad Gateway</body></html>".utf8),
            headers: ["Content-Type": "text/html"], endpoint: "x")
        #expect(html.code == .malformedResponse)
        guard case .failure(let cut) = disposition(200, body: #"{"d":{"results":[{"Mate"#, method: .GET)
        else { Issue.record("expected failure"); return }
        #expect(cut.code == .malformedResponse)
        guard case .success = disposition(201, body: #"{"d":{}}"#) else { Issue.record("expected success"); return }
    }

    @Test("Gateway framework 400s are .malformedRequest, business 400s .validationFailed")
    func badRequests() {
        let framework = #"{"error":{"code":"/IWBEP/CM_MGW_RT/004","message":{"lang":"en","value":"Invalid filter"}}}"#
        #expect(classifiedError(status: 400, body: Data(framework.utf8), endpoint: "x").code == .malformedRequest)
        let business = #"{"error":{"code":"FSBP_ECC/030","message":{"lang":"en","value":"Standard address doesn't have a language, needed for customer"},"innererror":{"errordetails":[{"code":"FSBP_ECC/030","message":"Standard address doesn't have a language, needed for customer","propertyref":"","severity":"error","target":"Language"}]}}}"#
        let error = classifiedError(status: 400, body: Data(business.utf8), endpoint: "x")
        #expect(error.code == .validationFailed)
        #expect(error.field == "Language")
        #expect(error.message == "Standard address doesn't have a language, needed for customer")
    }
}
