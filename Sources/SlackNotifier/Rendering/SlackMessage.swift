/// An incoming-webhook message: `{"text": "...", "blocks": [...]}` (Slack "Sending messages using incoming
/// webhooks"). `text` is always sent: it is the notification and the fallback where blocks cannot be shown.
public struct SlackMessage: Sendable, Hashable, Encodable {
    /// The fallback and notification text (mrkdwn, escaped).
    public var text: String
    /// At most 50 Block Kit blocks.
    public var blocks: [SlackBlock]

    /// Creates a message.
    public init(text: String, blocks: [SlackBlock]) {
        self.text = text
        self.blocks = blocks
    }
}

/// The Block Kit blocks the notifier uses.
public enum SlackBlock: Sendable, Hashable, Encodable {
    /// `{"type":"header","text":{"type":"plain_text","text":…,"emoji":true}}`; text at most 150 characters.
    case header(String)
    /// `{"type":"section","text":{"type":"mrkdwn","text":…}}`; text at most 3000 characters.
    case section(mrkdwn: String)

    private enum CodingKeys: String, CodingKey { case type, text }
    private enum TextKeys: String, CodingKey { case type, text, emoji }

    /// Writes the block in Block Kit's JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .header(let text):
            try container.encode("header", forKey: .type)
            var inner = container.nestedContainer(keyedBy: TextKeys.self, forKey: .text)
            try inner.encode("plain_text", forKey: .type)
            try inner.encode(text, forKey: .text)
            try inner.encode(true, forKey: .emoji)
        case .section(let text):
            try container.encode("section", forKey: .type)
            var inner = container.nestedContainer(keyedBy: TextKeys.self, forKey: .text)
            try inner.encode("mrkdwn", forKey: .type)
            try inner.encode(text, forKey: .text)
        }
    }
}
