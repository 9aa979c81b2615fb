import Foundation
import Hummingbird
import SimulatorKit

extension SalesforceSimulator {
    /// API versions the simulator accepts in `/services/data/vXX.X/...` (Summer '11 through Spring '26).
    static let knownVersions: ClosedRange<Int> = 20...66

    /// Entry point of `/services/data/...`: checks the version (404 `NOT_FOUND`), the session (401
    /// `INVALID_SESSION_ID`), counts the call against the daily allowance (403 `REQUEST_LIMIT_EXCEEDED`), dispatches,
    /// and adds `Sforce-Limit-Info: api-usage=N/M` to the response.
    func handleREST(_ request: Request) async -> Response {
        let parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.count > 2 else { return versionsResponse() }
        guard let version = Self.validVersion(parts[2]) else { return RESTResponse.error(.notFound) }
        guard authenticatedToken(request) != nil else { return RESTResponse.error(.invalidSession) }
        let limit = configuration.dailyApiRequestLimit
        let now = clock.now()
        let (allowed, usage) = withOrg { org in
            let used = org.apiUsage(now: now)
            guard used < limit else { return (false, used) }
            org.apiCalls.append(now)
            return (true, used + 1)
        }
        var headers = HTTPFields()
        headers[RESTResponse.limitInfo] = "api-usage=\(usage)/\(limit)"
        guard allowed else { return RESTResponse.error(.requestLimitExceeded, headers: headers) }
        var response: Response
        do throws(SalesforceError) {
            response = try await route(request, version: version, path: Array(parts.dropFirst(3)))
        } catch {
            response = RESTResponse.error(error)
        }
        response.headers[RESTResponse.limitInfo] = headers[RESTResponse.limitInfo]
        return response
    }

    /// `v60.0` when it names a known version, else nil.
    static func validVersion(_ text: String) -> String? {
        guard text.hasPrefix("v"), text.hasSuffix(".0"), let major = Int(text.dropFirst().dropLast(2)),
            knownVersions.contains(major)
        else { return nil }
        return text
    }

    /// `GET /services/data`: the versions list (no session needed, no limit header).
    private func versionsResponse() -> Response {
        .init(status: .ok, headers: [.contentType: RESTResponse.contentType], body: ResponseBody(byteBuffer: ByteBuffer(string:
            JSONValue.array(Self.knownVersions.suffix(5).map { major in
                .object([("version", .string("\(major).0")), ("url", .string("/services/data/v\(major).0"))])
            }).serialized())))
    }

    private func route(_ request: Request, version: String, path: [String]) async throws(SalesforceError) -> Response {
        let method = request.method
        switch (path.first, path.count) {
        case ("query", 1), ("queryAll", 1):
            try requireMethod(method, [.get])
            return try runQuery(request, version: version, includeDeleted: path[0] == "queryAll")
        case ("query", 2), ("queryAll", 2):
            try requireMethod(method, [.get])
            return try nextPage(locator: path[1], version: version)
        case ("limits", 1):
            try requireMethod(method, [.get])
            return limits()
        case ("sobjects", 1):
            try requireMethod(method, [.get])
            return describeGlobal(version: version)
        case ("sobjects", 2):
            try requireMethod(method, [.get, .post])
            if method == .get { return try describeBasic(type: path[1], version: version) }
            return try await createRecord(request, type: path[1], version: version)
        case ("sobjects", 3) where path[2] == "describe":
            try requireMethod(method, [.get])
            return try describe(type: path[1], version: version)
        case ("sobjects", 3) where path[2] == "updated" || path[2] == "deleted":
            try requireMethod(method, [.get])
            return try replication(request, type: path[1], deleted: path[2] == "deleted")
        case ("sobjects", 3):
            try requireMethod(method, [.get, .patch, .delete])
            return try await recordResource(request, type: path[1], id: path[2], version: version)
        case ("composite", 2) where path[1] == "sobjects":
            try requireMethod(method, [.patch, .post])
            return try await collections(request, version: version)
        default:
            throw .notFound
        }
    }

    private func requireMethod(_ method: HTTPRequest.Method, _ allowed: [HTTPRequest.Method]) throws(SalesforceError) {
        guard allowed.contains(method) else {
            throw SalesforceError(
                status: 405, errorCode: "METHOD_NOT_ALLOWED",
                message: "HTTP Method '\(method.rawValue)' not allowed. Allowed are \(allowed.map(\.rawValue).joined(separator: ","))")
        }
    }

    /// Parses a JSON request body.
    /// - Throws: `JSON_PARSER_ERROR` with the position of the syntax error.
    func jsonBody(_ request: Request) async throws(SalesforceError) -> JSONValue {
        let text = await RESTResponse.bodyText(request) ?? ""
        do throws(JSONParser.SyntaxError) {
            return try JSONParser.parse(text)
        } catch {
            throw .jsonParser("Unexpected character at [line:\(error.line), column:\(error.column)]")
        }
    }

    /// Renders a vendor-shaped fault (see `FaultMiddleware`):
    /// - `rateLimited` -> 503 `SERVER_UNAVAILABLE` with `Retry-After` when given. Salesforce has no HTTP 429: its
    ///   403 `REQUEST_LIMIT_EXCEEDED` is the daily quota (not retryable within seconds), so a transient
    ///   "slow down" is rendered as the 503 Salesforce answers when the instance is overloaded.
    /// - `serverError(status)` -> that status with `UNKNOWN_EXCEPTION` (500) or `SERVER_UNAVAILABLE` (others).
    /// - `tokenExpired` -> 401 `INVALID_SESSION_ID` (the presented session is ended), not on the token endpoint.
    /// - `csrfExpired` does not apply (nil).
    func renderFault(_ fault: Fault, for request: Request) -> Response? {
        let isTokenEndpoint = request.uri.path.hasPrefix("/services/oauth2")
        switch fault {
        case .rateLimited(let retryAfter):
            var headers = HTTPFields()
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            return RESTResponse.error(
                SalesforceError(status: 503, errorCode: "SERVER_UNAVAILABLE", message: "Server temporarily unavailable. Please try again later."),
                headers: headers)
        case .serverError(let status):
            let error =
                status == 500
                ? SalesforceError(
                    status: 500, errorCode: "UNKNOWN_EXCEPTION",
                    message: "An unexpected error occurred. Please include this ErrorId if you contact support: 1384907265-71829 (-1234567890)")
                : SalesforceError(status: status, errorCode: "SERVER_UNAVAILABLE", message: "Server temporarily unavailable. Please try again later.")
            return RESTResponse.error(error)
        case .tokenExpired:
            guard !isTokenEndpoint else { return nil }
            if let token = authenticatedToken(request) { withOrg { org in org.sessions[token] = nil } }
            return RESTResponse.error(.invalidSession)
        default:
            return nil
        }
    }
}
