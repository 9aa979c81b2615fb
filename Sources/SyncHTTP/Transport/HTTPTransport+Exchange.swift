import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import SyncCore

extension HTTPTransport {
    /// One attempt: waits for an in-flight permit and a pacing turn, then exchanges the request with the server.
    /// - Throws: ``TransportFailure`` for anything without a usable response; `CancellationError`.
    func send(_ request: HTTPRequestSpec, attempt: Int) async throws -> HTTPResponseData {
        try await limiter.withPermit {
            if let pacer, let untilReset = try await pacer.waitForTurn() {
                throw TransportFailure(
                    error: SyncError(
                        code: .quotaExhausted, system: vendor.system,
                        message: "The API quota is used up; requests resume after the server's reset.",
                        retryAfterSeconds: untilReset.seconds),
                    maybeSent: false, worthRetrying: false)
            }
            return try await timedExchange(request, attempt: attempt)
        }
    }

    private func timedExchange(_ request: HTTPRequestSpec, attempt: Int) async throws -> HTTPResponseData {
        let clock = ContinuousClock()
        let started = clock.now
        logRequest(request, attempt: attempt)
        do {
            let response = try await exchangeWithinDeadline(request)
            let duration = clock.now - started
            metrics.recordRequest(endpoint: request.endpoint, status: response.status, duration: duration)
            logResponse(response, for: request, attempt: attempt, duration: duration)
            return response
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let duration = clock.now - started
            let failure = error as? TransportFailure
                ?? TransportFailure.map(error, system: vendor.system, configuration: configuration)
            metrics.recordRequest(endpoint: request.endpoint, status: failure.error.httpStatus, duration: duration)
            logger.debug(
                "HTTP exchange failed",
                metadata: exchangeMetadata(request, attempt: attempt, duration: duration).merging(
                    ["code": "\(failure.error.code.rawValue)", "underlying": "\(failure.error.underlying ?? "")"],
                    uniquingKeysWith: { $1 }))
            throw failure
        }
    }

    /// Races the exchange against `requestDeadline`, so the deadline covers the body too (AsyncHTTPClient's own
    /// deadline ends with the response head).
    private func exchangeWithinDeadline(_ request: HTTPRequestSpec) async throws -> HTTPResponseData {
        let deadline = configuration.requestDeadline
        return try await withThrowingTaskGroup(of: HTTPResponseData?.self) { group in
            group.addTask { try await self.exchange(request, deadline: deadline) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let first else { throw HTTPClientError.deadlineExceeded }
            return first
        }
    }

    private func exchange(_ request: HTTPRequestSpec, deadline: Duration) async throws -> HTTPResponseData {
        var clientRequest = HTTPClientRequest(url: request.url)
        clientRequest.method = request.method
        clientRequest.headers = request.headers
        if let body = request.body {
            clientRequest.body = .bytes(body)
        }
        // No logger for AsyncHTTPClient: its trace output prints raw headers (Set-Cookie, Authorization).
        let response = try await httpClient.execute(
            clientRequest, deadline: .now() + .nanoseconds(deadline.nanoseconds), logger: nil)
        let status = Int(response.status.code)
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch is NIOTooManyBytesError {
            throw TransportFailure(
                error: SyncError(
                    code: .malformedResponse, system: vendor.system,
                    message: "The response body is larger than the \(configuration.maxResponseBytes)-byte limit.",
                    httpStatus: status),
                maybeSent: (200..<300).contains(status), worthRetrying: false)
        }
        return HTTPResponseData(status: status, headers: response.headers, body: Data(buffer.readableBytesView))
    }

    // MARK: Logging

    private func exchangeMetadata(_ request: HTTPRequestSpec, attempt: Int, duration: Duration?) -> Logger.Metadata {
        var metadata = metadata(request)
        metadata["method"] = "\(request.method.rawValue)"
        metadata["url"] = "\(Redaction.url(request.url))"
        metadata["attempt"] = "\(attempt)"
        if let duration { metadata["duration_ms"] = "\(Int64((duration.seconds * 1000).rounded()))" }
        return metadata
    }

    private func logRequest(_ request: HTTPRequestSpec, attempt: Int) {
        guard logger.logLevel <= .trace else { return }
        var metadata = exchangeMetadata(request, attempt: attempt, duration: nil)
        metadata["headers"] = .array(Redaction.headers(request.headers).map { "\($0): \($1)" })
        if let body = request.body {
            metadata["body"] = "\(Redaction.body(body, contentType: request.headers.first(name: "Content-Type")))"
        }
        logger.trace("HTTP request", metadata: metadata)
    }

    private func logResponse(
        _ response: HTTPResponseData, for request: HTTPRequestSpec, attempt: Int, duration: Duration
    ) {
        guard logger.logLevel <= .debug else { return }
        var metadata = exchangeMetadata(request, attempt: attempt, duration: duration)
        metadata["status"] = "\(response.status)"
        logger.debug("HTTP exchange", metadata: metadata)
        guard logger.logLevel <= .trace else { return }
        metadata["headers"] = .array(Redaction.headers(response.headers).map { "\($0): \($1)" })
        metadata["body"] = "\(Redaction.body(response.body, contentType: response.headers.first(name: "Content-Type")))"
        logger.trace("HTTP response", metadata: metadata)
    }
}
