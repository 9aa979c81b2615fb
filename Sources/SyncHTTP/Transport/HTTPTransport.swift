import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SyncCore

/// The one HTTP layer: timeouts, TLS with an optional extra trusted CA, retries per ``RetryPolicy``, one credential
/// refresh and one session renewal per request, an in-flight cap and request pacing, metrics and debug logging with
/// secrets redacted.
///
/// Retries: a failure is repeated when its `SyncError.isRetryable` (rate limited, server error, connection failed,
/// timeout, row locked, malformed response) and attempts remain, and only when repeating cannot create a second
/// effect: the request is idempotent, or the failure proves it was not processed (HTTP 429, HTTP 503, a
/// `.rateLimited` classification, or a connection that failed before anything was sent). `.quotaExhausted` is
/// never retried. A non-idempotent request that may have been carried out (timeout or connection loss after
/// sending, a 502/504 gateway failure, or a success status whose body the vendor reports as `.malformedResponse`)
/// throws with `outcomeUnknown = true`: the caller looks the target up by its reference before creating again.
public final class HTTPTransport: Sendable {
    /// The configuration the transport runs with.
    public let configuration: Configuration
    /// The vendor plugged in.
    public let vendor: any VendorProtocol
    /// The request pacer, when the configuration has pacing or one was passed in; vendors report their observed
    /// allowance to it with ``RequestPacer/observe(remaining:resetIn:)``.
    public let pacer: RequestPacer?
    let httpClient: HTTPClient
    let logger: Logger
    let metrics: TransportMetrics
    let sleeper: any Sleeper
    let random: @Sendable () -> Double
    let limiter: ConcurrencyLimiter

    /// Creates a transport for one vendor.
    /// - Parameters:
    ///   - configuration: timeouts, retry policy, pacing, limits (the client's own timeouts and TLS come from
    ///     ``makeHTTPClient(configuration:)``).
    ///   - vendor: authorization and classification of the vendor's responses.
    ///   - httpClient: the shared client, owned and shut down by the caller.
    ///   - logger: where requests and responses are logged (debug; bodies at trace, redacted).
    ///   - metrics: the metrics factory; nil uses the bootstrapped `MetricsSystem.factory`.
    ///   - sleeper: waits for back-off and pacing (inject a recording one in tests).
    ///   - random: the jitter source, values in 0..<1 (inject a constant in tests).
    ///   - pacer: a pacer shared with the vendor; nil creates one from `configuration.pacing` (if any).
    public init(
        configuration: Configuration, vendor: any VendorProtocol, httpClient: HTTPClient,
        logger: Logger, metrics: (any MetricsFactory)? = nil, sleeper: any Sleeper = TaskSleeper(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        pacer: RequestPacer? = nil
    ) {
        self.configuration = configuration
        self.vendor = vendor
        self.httpClient = httpClient
        self.logger = logger
        self.metrics = TransportMetrics(factory: metrics, system: vendor.system)
        self.sleeper = sleeper
        self.random = random
        self.pacer = pacer ?? configuration.pacing.map { RequestPacer(pacing: $0, sleeper: sleeper) }
        self.limiter = ConcurrencyLimiter(limit: configuration.maxConcurrentRequests)
    }

    /// Sends `request` with the vendor's authorization, classifies the response and retries per the policy.
    /// - Returns: the response the vendor classified as success.
    /// - Throws: `SyncError`: the vendor's classification codes; `.timeout` / `.connectionFailed` for transport
    ///   failures; `.authenticationFailed` when a refresh or session renewal did not help; `.quotaExhausted` when the
    ///   pacer knows the quota is used up; `.malformedResponse` for a body over `maxResponseBytes`.
    ///   `CancellationError` when the task is cancelled.
    public func execute(_ request: HTTPRequestSpec) async throws -> HTTPResponseData {
        var attempt = 1
        var refreshed = false
        var renewed = false
        while true {
            var authorized = request
            try await recordingVendorErrors(request) { try await vendor.authorize(&authorized) }
            let failure: TransportFailure
            do {
                let response = try await send(authorized, attempt: attempt)
                await vendor.observe(response)
                switch vendor.classify(response, for: authorized) {
                case .success:
                    return response
                case .refreshCredentials:
                    guard !refreshed else {
                        let message = "The credentials were rejected again after a token refresh."
                        throw recorded(credentialsFailure(message, response), request)
                    }
                    refreshed = true
                    logger.debug("Refreshing credentials and repeating the request", metadata: metadata(request))
                    try await recordingVendorErrors(request) { try await vendor.refresh() }
                    continue
                case .renewSession:
                    guard !renewed else {
                        let message = "The session token was rejected again after renewing it."
                        throw recorded(credentialsFailure(message, response), request)
                    }
                    renewed = true
                    logger.debug("Renewing the session and repeating the request", metadata: metadata(request))
                    try await recordingVendorErrors(request) { try await vendor.renewSession() }
                    continue
                case .failure(let error):
                    failure = responseFailure(error, response: response, request: request)
                }
            } catch let transportFailure as TransportFailure {
                failure = transportFailure
            }
            var error = failure.error
            if !request.isIdempotent && failure.maybeSent { error.outcomeUnknown = true }
            guard attempt < configuration.retryPolicy.maxAttempts, shouldRetry(failure, request: request) else {
                throw recorded(error, request)
            }
            let delay = configuration.retryPolicy.delay(
                afterAttempt: attempt, retryAfterSeconds: error.retryAfterSeconds, random: random())
            var retryMetadata = metadata(request)
            retryMetadata["attempt"] = "\(attempt)"
            retryMetadata["code"] = "\(error.code.rawValue)"
            retryMetadata["delay"] = "\(delay)"
            logger.debug("Retrying the request after a retryable failure", metadata: retryMetadata)
            metrics.recordRetry(endpoint: request.endpoint)
            try await sleeper.sleep(for: delay)
            attempt += 1
        }
    }

    /// Sends `request` once, WITHOUT vendor authorization, classification or retry (token endpoints use it).
    /// - Returns: the response, whatever its status.
    /// - Throws: `SyncError` `.timeout` / `.connectionFailed` / `.malformedRequest` / `.malformedResponse` for
    ///   transport failures (with `outcomeUnknown` for a non-idempotent request that may have been carried out);
    ///   `CancellationError` when the task is cancelled.
    public func executeRaw(_ request: HTTPRequestSpec) async throws -> HTTPResponseData {
        do {
            return try await send(request, attempt: 1)
        } catch let failure as TransportFailure {
            var error = failure.error
            if !request.isIdempotent && failure.maybeSent { error.outcomeUnknown = true }
            throw recorded(error, request)
        }
    }
}
