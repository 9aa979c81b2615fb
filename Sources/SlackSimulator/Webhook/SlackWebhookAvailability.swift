/// Whether the webhook accepts messages, as the workspace's admins set it (operator API).
public enum SlackWebhookAvailability: String, Sendable, Codable, CaseIterable {
    /// Messages are accepted.
    case active
    /// The webhook was disabled or removed: 404 `no_service`.
    case disabled
    /// The token was revoked: 403 `invalid_token`.
    case revoked
    /// The channel was archived: 410 `channel_is_archived`.
    case channelArchived
    /// A workspace restriction applies: 403 `action_prohibited`.
    case prohibited

    /// The error a message gets in this state (`nil` when active).
    var error: SlackWebhookError? {
        switch self {
        case .active: nil
        case .disabled: .noService
        case .revoked: .invalidToken
        case .channelArchived: .channelIsArchived
        case .prohibited: .actionProhibited
        }
    }
}
