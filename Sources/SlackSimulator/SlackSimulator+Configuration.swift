import Foundation

extension SlackSimulator {
    /// The incoming webhook's identity and knobs.
    ///
    /// Default sandbox webhook: `POST /services/T0CRMSYNC/B0SANDBOX/crmsyncSandboxWebhookToken1` (the last path
    /// segment is the secret; treat the whole URL as a secret).
    public struct Configuration: Sendable {
        /// Workspace (team) id, the first path segment after `/services/` (`T…`).
        public var teamId: String
        /// Webhook (bot) id, the second segment (`B…`).
        public var webhookId: String
        /// The secret token, the last segment.
        public var token: String
        /// Sustained messages per second before HTTP 429 (Slack: "about one message per second").
        public var messagesPerSecond: Double
        /// Messages accepted in a burst above the sustained rate (Slack: "short bursts tolerated"; the size is not
        /// documented, so it is a knob).
        public var burstCapacity: Int
        /// Body of the answer to a message with neither text nor blocks nor attachments: `no_text` (older
        /// wording) or `missing_text_or_fallback_or_attachments` (newer); both are observed.
        public var emptyMessageError: String

        /// Creates a configuration with the sandbox defaults.
        public init(
            teamId: String = "T0CRMSYNC", webhookId: String = "B0SANDBOX",
            token: String = "crmsyncSandboxWebhookToken1", messagesPerSecond: Double = 1, burstCapacity: Int = 3,
            emptyMessageError: String = "no_text"
        ) {
            self.teamId = teamId
            self.webhookId = webhookId
            self.token = token
            self.messagesPerSecond = messagesPerSecond
            self.burstCapacity = burstCapacity
            self.emptyMessageError = emptyMessageError
        }

        /// The webhook path, `/services/<teamId>/<webhookId>/<token>` (a secret).
        public var webhookPath: String {
            "/services/\(teamId)/\(webhookId)/\(token)"
        }
    }
}
