/// The plain-text error strings an incoming webhook answers, with their HTTP statuses.
///
/// Source: Slack changelog 2016-05-17 "Improving error conditions for Incoming Webhooks" and observed answers
/// (reference/slack/webhook-responses.json).
public enum SlackWebhookError: String, Error, Sendable, CaseIterable {
    /// The body is not a JSON object (bad JSON, wrong content type, wrong field types).
    case invalidPayload = "invalid_payload"
    /// Neither `text` nor `blocks` nor `attachments` (older wording; see `Configuration.emptyMessageError`).
    case noText = "no_text"
    /// The Block Kit JSON is invalid (not an array, more than 50 blocks, a malformed block).
    case invalidBlocks = "invalid_blocks"
    /// The webhook is disabled, removed or unknown (404).
    case noService = "no_service"
    /// The webhook's token was revoked (403; 400 is also observed).
    case invalidToken = "invalid_token"
    /// The workspace restricts this webhook (403).
    case actionProhibited = "action_prohibited"
    /// The channel was archived (410).
    case channelIsArchived = "channel_is_archived"
    /// The channel no longer exists (404).
    case channelNotFound = "channel_not_found"

    /// The HTTP status Slack answers with.
    public var httpStatus: Int {
        switch self {
        case .invalidPayload, .noText, .invalidBlocks: 400
        case .noService, .channelNotFound: 404
        case .invalidToken, .actionProhibited: 403
        case .channelIsArchived: 410
        }
    }
}
