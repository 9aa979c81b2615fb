import Foundation
import NIOHTTP1

/// One response with its body fully read (bounded by ``HTTPTransport/Configuration/maxResponseBytes``).
public struct HTTPResponseData: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// The response headers.
    public var headers: HTTPHeaders
    /// The complete response body.
    public var body: Data

    /// Creates a response value (the transport builds these; tests and classifiers may too).
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
