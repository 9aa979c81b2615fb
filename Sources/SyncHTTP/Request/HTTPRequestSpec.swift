import Foundation
import NIOHTTP1

/// One outbound request to a vendor API, before authorization.
///
/// The URL is absolute and its query is already percent-encoded with ``percentEncodeQueryValue(_:)`` or
/// ``makeQueryString(_:)``. `endpoint` is a low-cardinality label for metrics and logs (`"query"`,
/// `"A_SalesOrder.create"`), never a URL or an id.
public struct HTTPRequestSpec: Sendable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The absolute URL, query already percent-encoded.
    public var url: String
    /// Request headers; the vendor's `authorize` adds Authorization, CSRF token and cookies.
    public var headers: HTTPHeaders
    /// The request body, when there is one.
    public var body: Data?
    /// Low-cardinality label for metrics and logs.
    public var endpoint: String
    /// Whether repeating the request cannot create a second effect (GET/PUT/PATCH/DELETE by default; POST is not).
    public var isIdempotent: Bool

    /// Creates a request; `isIdempotent` nil derives it from the method (GET, HEAD, PUT, PATCH, DELETE, OPTIONS: true).
    public init(
        method: HTTPMethod, url: String, headers: HTTPHeaders = [:], body: Data? = nil,
        endpoint: String, isIdempotent: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.endpoint = endpoint
        self.isIdempotent = isIdempotent ?? Self.isIdempotentMethod(method)
    }

    private static func isIdempotentMethod(_ method: HTTPMethod) -> Bool {
        switch method {
        case .GET, .HEAD, .PUT, .PATCH, .DELETE, .OPTIONS: true
        default: false
        }
    }
}
