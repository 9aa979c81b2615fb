import Foundation
import Hummingbird
import SimulatorKit
import Synchronization

/// A local simulator of one Slack incoming webhook (`POST https://hooks.slack.com/services/T…/B…/<token>`).
///
/// Accepts `text` and/or Block Kit `blocks` (≤ 50) as JSON (or the legacy form field `payload`), answers
/// `200 text/plain ok` or Slack's plain-text error strings with their statuses (`invalid_payload`, `no_text`,
/// `invalid_blocks`, `no_service`, `invalid_token`, `channel_is_archived`, `action_prohibited`), and 429 with
/// `Retry-After` above the configured rate. Accepted messages are kept for assertions (`messages`). Source:
/// Slack "Sending messages using incoming webhooks", the 2016-05-17 changelog on webhook errors, and the
/// rate-limits page (see reference/salesforce-and-slack.md §12).
public final class SlackSimulator: Sendable {
    /// The webhook's identity and knobs.
    public let configuration: Configuration
    /// Fault plan applied to every request outside `/_operator`.
    public let faults: FaultInjector
    /// Every answered request; the webhook's endpoint label is `incoming-webhook`.
    public let requestLog: RequestLog
    let clock: any SimulatorClock
    let state: Mutex<WebhookState>

    /// Creates the webhook, active and with no messages.
    /// - Parameters:
    ///   - configuration: the webhook path and the rate limit.
    ///   - clock: source of `receivedAt` and of the rate-limit window (UTC).
    public init(configuration: Configuration = Configuration(), clock: any SimulatorClock) {
        self.configuration = configuration
        self.clock = clock
        faults = FaultInjector()
        requestLog = RequestLog()
        state = Mutex(
            WebhookState(
                bucket: TokenBucket(
                    capacity: Double(max(1, configuration.burstCapacity)), refillPerSecond: configuration.messagesPerSecond,
                    now: clock.now()
                )
            )
        )
    }

    /// The messages accepted so far (answered `ok`), oldest first.
    public var messages: [SlackMessage] {
        state.withLock { $0.messages }
    }

    /// A router serving the webhook and the operator API (`/_operator/...`), with the request log, fault
    /// middleware and the kit's operator routes installed.
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: requestLog, clock: clock) { request in
            request.uri.path.hasPrefix("/services/") ? "incoming-webhook" : "other"
        })
        router.add(middleware: FaultMiddleware(injector: faults) { fault, _ in
            Self.renderFault(fault)
        })
        addOperatorRoutes(to: router, faults: faults, log: requestLog)
        addSlackOperatorRoutes(to: router)
        router.post("/services/**") { [self] request, _ in
            try await self.handleWebhook(request)
        }
        return router
    }

    /// Slack-shaped answers for the vendor fault kinds (no CSRF on Slack).
    static func renderFault(_ fault: Fault) -> Response? {
        switch fault {
        case .rateLimited(let retryAfterSeconds):
            return SlackResponse.rateLimited(retryAfterSeconds: retryAfterSeconds)
        case .serverError(let status):
            return SlackResponse.text(status == 500 ? "rollup_error" : "server_error", status: status)
        case .tokenExpired:
            return SlackResponse.error(.invalidToken)
        case .csrfExpired, .connectionReset, .slowResponse, .htmlErrorBody, .truncatedBody:
            return nil
        }
    }
}

/// The webhook's mutable state.
struct WebhookState {
    var bucket: TokenBucket
    var availability = SlackWebhookAvailability.active
    var messages: [SlackMessage] = []
}
