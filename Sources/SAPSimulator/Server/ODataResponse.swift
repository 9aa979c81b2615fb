import Foundation
import HTTPTypes
import Hummingbird

/// Builders for the HTTP responses SAP Gateway sends.
enum ODataResponse {
    static let csrfHeader = HTTPField.Name("x-csrf-token")!
    static let dataServiceVersion = HTTPField.Name("dataserviceversion")!
    static let sapMessage = HTTPField.Name("sap-message")!

    /// A JSON response (`application/json; charset=utf-8`, `dataserviceversion: 2.0`).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[dataServiceVersion] = "2.0"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: value.bytes)))
    }

    /// A response with a raw body and content type.
    static func raw(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
        -> Response
    {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// 204 No Content.
    static func noContent(headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[dataServiceVersion] = "2.0"
        return Response(status: .noContent, headers: fields)
    }

    /// The CSRF rejection: 403, `x-csrf-token: Required`, body `CSRF token validation failed` (sap.md §4).
    static func csrfRequired() -> Response {
        var fields = HTTPFields()
        fields[csrfHeader] = "Required"
        return raw(Data("CSRF token validation failed".utf8), contentType: "text/plain; charset=utf-8",
                   status: .forbidden, headers: fields)
    }

    /// 401 as the ICM answers a failed logon (Basic challenge, or Bearer `invalid_token`).
    static func unauthorized(bearer: Bool, systemID: String, client: String) -> Response {
        var fields = HTTPFields()
        fields[.wwwAuthenticate] = bearer
            ? "Bearer realm=\"SAP NetWeaver Application Server [\(systemID)/\(client)]\", error=\"invalid_token\""
            : "Basic realm=\"SAP NetWeaver Application Server [\(systemID)/\(client)]\""
        let html = "<html><head><title>Logon Error Message</title></head><body><p>Logon failed</p></body></html>"
        return raw(Data(html.utf8), contentType: "text/html; charset=utf-8", status: .unauthorized, headers: fields)
    }

    /// The Apigee (SAP API Management) throttling fault body (sap.md §9).
    static func apigeeFault(status: HTTPResponse.Status, quota: Bool, retryAfterSeconds: Int?) -> Response {
        let fault: JSONValue = quota
            ? .object([("fault", .object([
                ("faultstring", .string("Rate limit quota violation. Quota limit  exceeded. Identifier : _default")),
                ("detail", .object([("errorcode", .string("policies.ratelimit.QuotaViolation"))])),
            ]))])
            : .object([("fault", .object([
                ("faultstring", .string("Spike arrest violation. Allowed rate : 5ps")),
                ("detail", .object([("errorcode", .string("policies.ratelimit.SpikeArrestViolation"))])),
            ]))])
        var fields = HTTPFields()
        if let retryAfterSeconds { fields[.retryAfter] = String(retryAfterSeconds) }
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: fault.data)))
    }
}
