import Foundation
import HTTPTypes
import Hummingbird

/// Builders of responses in Salesforce's wire format.
enum RESTResponse {
    static let contentType = "application/json;charset=UTF-8"
    static let limitInfo = HTTPField.Name("Sforce-Limit-Info")!
    static let wwwAuthenticate = HTTPField.Name("WWW-Authenticate")!

    /// A JSON response (`application/json;charset=UTF-8`), or an empty one for `body == nil`.
    static func json(_ status: Int, _ body: JSONValue?, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        guard let body else {
            return Response(status: .init(code: status), headers: headers)
        }
        headers[.contentType] = contentType
        return Response(
            status: .init(code: status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body.serialized())))
    }

    /// An error array response; `INVALID_SESSION_ID` carries `WWW-Authenticate: Token`.
    static func error(_ error: SalesforceError, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        if error.errorCode == "INVALID_SESSION_ID" { headers[wwwAuthenticate] = "Token" }
        return json(error.status, error.body, headers: headers)
    }

    /// Query parameters of the request (see `formFields`).
    static func queryParameters(_ request: Request) -> [String: String] {
        formFields(request.uri.query ?? "")
    }

    /// `application/x-www-form-urlencoded` pairs with `+` as space and percent-escapes decoded (first value wins).
    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            let key = decode(parts[0])
            if fields[key] == nil { fields[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    /// `http(s)://<Host>` of the request.
    static func baseURL(_ request: Request, usesTLS: Bool) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return "\(usesTLS ? "https" : "http")://\(host)"
    }

    /// The request body as text (up to 16 MB).
    static func bodyText(_ request: Request) async -> String? {
        guard let buffer = try? await request.body.collect(upTo: 16 * 1024 * 1024) else { return nil }
        return String(buffer: buffer)
    }
}
