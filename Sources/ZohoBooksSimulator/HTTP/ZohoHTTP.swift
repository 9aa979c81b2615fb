import Foundation
import Hummingbird

/// Request and response plumbing shared by the Zoho Books routes.
enum ZohoHTTP {
    /// Largest accepted request body, in bytes.
    static let maxBodyBytes = 4 * 1024 * 1024

    static let rateLimitLimit = HTTPFields.Element.Name("X-Rate-Limit-Limit")!
    static let rateLimitRemaining = HTTPFields.Element.Name("X-Rate-Limit-Remaining")!
    static let rateLimitReset = HTTPFields.Element.Name("X-Rate-Limit-Reset")!
    static let host = HTTPFields.Element.Name("Host")!

    /// A JSON response (`application/json;charset=UTF-8`, as Zoho sends).
    static func response(_ json: ZohoJSON, status: Int = 200) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json;charset=UTF-8"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: json.serialized)))
    }

    /// The error body with its status.
    static func response(_ error: ZohoAPIError) -> Response { response(error.body, status: error.status) }

    /// The query parameters, form-decoded (`+` is a space).
    static func query(_ request: Request) -> [String: String] { ZohoQueryString.parse(request.uri.query) }

    /// The `Host` the client addressed (for absolute URLs).
    static func host(_ request: Request) -> String {
        request.head.authority ?? request.headers[host] ?? "127.0.0.1"
    }

    /// The JSON object in the body: a JSON document, or the legacy `JSONString=` form parameter. An empty body is
    /// an empty object.
    /// - Throws: `ZohoAPIError.malformedJSON` (code 1038) for anything else, e.g. plain form fields.
    static func jsonBody(_ request: Request) async throws -> ZohoJSONObject {
        let buffer = try await request.body.collect(upTo: maxBodyBytes)
        let text = String(buffer: buffer)
        if text.unicodeScalars.allSatisfy(CharacterSet.whitespacesAndNewlines.contains) { return ZohoJSONObject() }
        var document = ZohoJSON.parse(Data(text.utf8))
        if document == nil, let legacy = ZohoQueryString.parse(text)["JSONString"] {
            document = ZohoJSON.parse(Data(legacy.utf8))
        }
        guard case .object(let object) = document else { throw ZohoAPIError.malformedJSON }
        return object
    }

    /// The request-log label: the path after `/books/v3/` with id segments as `{id}` (`invoices/{id}/email`).
    static func endpoint(_ request: Request) -> String {
        var path = request.uri.path
        for prefix in ["/books/v3/", "/"] where path.hasPrefix(prefix) {
            path.removeFirst(prefix.count)
            break
        }
        return path.split(separator: "/").map { segment in
            segment.allSatisfy(\.isNumber) ? "{id}" : String(segment)
        }.joined(separator: "/")
    }
}
