import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOHTTP1
import SyncCore
import SyncHTTP

/// Posts alerts to a Slack incoming webhook as Block Kit messages (``SlackAlertRenderer``), implementing
/// ``AlertSink``.
///
/// Messages are spaced at least `minimumInterval` apart (1.1 s; Slack allows about one per second), a 429 is
/// retried by the HTTP layer after its `Retry-After` and holds later messages back as long. Slack's error strings
/// become `SyncError`s with system `.slack` (see ``SlackWebhookVendor``). The webhook URL never reaches logs or
/// errors. Callers journal a failed alert and carry on; an alert never fails a sync.
public final class SlackWebhookNotifier: AlertSink {
    let configuration: Configuration
    let transport: HTTPTransport
    let pacer: SlackMessagePacer
    let sleeper: any Sleeper
    let logger: Logger

    /// Creates the notifier; nothing is sent until ``send(_:)``.
    /// - Parameters:
    ///   - configuration: the webhook URL (secret), pacing interval and HTTP settings.
    ///   - httpClient: the shared AsyncHTTPClient; the caller shuts it down.
    ///   - logger: the logger; the webhook URL is never logged.
    ///   - metrics: the metrics factory for the transport's counters (the global one when `nil`).
    ///   - sleeper: waits for pacing and retries, and tells the time for pacing (tests inject a virtual one).
    public init(
        configuration: Configuration, httpClient: HTTPClient, logger: Logger, metrics: (any MetricsFactory)? = nil,
        sleeper: any Sleeper = TaskSleeper()
    ) {
        self.configuration = configuration
        self.logger = logger
        self.sleeper = sleeper
        let pacer = SlackMessagePacer(interval: configuration.minimumInterval)
        self.pacer = pacer
        self.transport = HTTPTransport(
            configuration: configuration.http, vendor: SlackWebhookVendor(pacer: pacer, sleeper: sleeper),
            httpClient: httpClient, logger: logger, metrics: metrics, sleeper: sleeper)
    }

    /// Posts one alert; every attempt (the first and each retry) waits for its own pacing slot.
    ///
    /// A failed attempt is repeated like any idempotent request (HTTP 5xx, 429 after its `Retry-After`, a
    /// connection failure), up to the HTTP layer's attempts: a webhook message that may have arrived twice is
    /// better than a lost alert.
    /// - Throws: `SyncError` (system `.slack`): `.malformedRequest` (`invalid_payload`, `invalid_blocks`, …),
    ///   `.configuration` (`no_service`, `channel_not_found`, `channel_is_archived`), `.authenticationFailed`
    ///   (`invalid_token`), `.forbidden` (`action_prohibited`), `.rateLimited` (429 after the retries),
    ///   `.serverError`, `.timeout`, `.connectionFailed`.
    public func send(_ alert: Alert) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        let request = HTTPRequestSpec(
            method: .POST, url: configuration.webhookURL, headers: headers,
            body: try encoder.encode(SlackAlertRenderer.render(alert)), endpoint: "webhook", isIdempotent: true)
        _ = try await transport.execute(request)
        logger.debug("Slack alert posted", metadata: ["alert.kind": "\(alert.kind.rawValue)"])
    }
}
