import SyncHTTP

extension SlackWebhookNotifier {
    /// Where and how fast alerts are posted.
    ///
    /// `webhookURL` is a secret (whoever has it can post to the channel): it is never logged, put into errors or
    /// printed — this type's description shows it redacted.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The incoming-webhook URL `https://hooks.slack.com/services/T…/B…/<token>` (secret).
        public var webhookURL: String
        /// The least time between two messages (1.1 s: Slack allows about one message per second).
        public var minimumInterval: Duration
        /// Timeouts, retries (429 honours `Retry-After`) and TLS of the HTTP layer.
        public var http: HTTPTransport.Configuration

        /// Creates a configuration.
        public init(
            webhookURL: String, minimumInterval: Duration = .milliseconds(1100),
            http: HTTPTransport.Configuration = HTTPTransport.Configuration()
        ) {
            self.webhookURL = webhookURL
            self.minimumInterval = minimumInterval
            self.http = http
        }

        /// The configuration with the webhook URL redacted.
        public var description: String {
            "SlackWebhookNotifier.Configuration(webhookURL: \(Redaction.url(webhookURL)), minimumInterval: \(minimumInterval))"
        }
    }
}
