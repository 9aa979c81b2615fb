import Hummingbird

/// Slack's plain-text answers.
enum SlackResponse {
    /// `200 ok`.
    static var ok: Response { text("ok", status: 200) }

    /// A documented error string with its status.
    static func error(_ error: SlackWebhookError, body: String? = nil) -> Response {
        text(body ?? error.rawValue, status: error.httpStatus)
    }

    /// HTTP 429 with `Retry-After` (seconds) when given; Slack documents no body for webhooks, so it is empty.
    static func rateLimited(retryAfterSeconds: Int?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain;charset=utf-8"
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        return Response(status: .tooManyRequests, headers: headers)
    }

    /// `body` as `text/plain;charset=utf-8` with `status`.
    static func text(_ body: String, status: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain;charset=utf-8"
        return Response(
            status: HTTPResponse.Status(code: status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: body))
        )
    }
}
