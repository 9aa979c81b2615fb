import Foundation
import HTTPTypes
import Hummingbird

/// The responses behind the generic faults `FaultMiddleware` serves itself.
enum FaultResponses {
    /// Thrown from a response body writer to make the server close the connection mid-response.
    struct ConnectionResetError: Error {}

    /// Marks a connection-reset response so `RequestLogMiddleware` records it with status 0 (and strips it).
    static let connectionResetMarker = HTTPField.Name("X-SimulatorKit-Connection-Reset")!

    /// A head announcing 64 body bytes, then a closed connection.
    static func connectionReset() -> Response {
        let announcedLength = 64
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(announcedLength)
        headers[connectionResetMarker] = "1"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody(contentLength: announcedLength) { _ in throw ConnectionResetError() }
        )
    }

    /// The titles nginx puts on its gateway error pages.
    private static let nginxReasonPhrases = [
        500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Temporarily Unavailable",
        504: "Gateway Time-out",
    ]

    /// An nginx-style HTML error page with `status`.
    static func htmlError(status: Int) -> Response {
        let reason = nginxReasonPhrases[status] ?? "Error"
        let httpStatus = HTTPResponse.Status(code: status, reasonPhrase: reason)
        let title = "\(status) \(reason)"
        let page = """
            <html>
            <head><title>\(title)</title></head>
            <body>
            <center><h1>\(title)</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>

            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html"
        return Response(status: httpStatus, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// `response` with only the first half of its body.
    static func truncated(_ response: Response) async throws -> Response {
        let collector = BodyCollector()
        try await response.body.write(collector)
        var buffer = collector.buffer
        let half = buffer.readSlice(length: buffer.readableBytes / 2) ?? ByteBuffer()
        var cut = response
        cut.headers[.contentLength] = String(half.readableBytes)
        cut.body = ResponseBody(byteBuffer: half)
        return cut
    }
}

/// A response body writer that keeps what is written (used to cut a body).
private struct BodyCollector: ResponseBodyWriter {
    final class Storage {
        var buffer = ByteBuffer()
    }

    let storage = Storage()

    var buffer: ByteBuffer { storage.buffer }

    mutating func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        storage.buffer.writeBuffer(&buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
