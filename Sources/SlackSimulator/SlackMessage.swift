import Foundation

/// One message the webhook accepted.
public struct SlackMessage: Sendable, Hashable, Codable {
    /// The `text` field (with blocks, the notification fallback), or `nil` when absent.
    public var text: String?
    /// The `blocks` array as JSON (keys sorted), or `nil` when absent.
    public var blocksJSON: String?
    /// Number of blocks (0 without blocks).
    public var blockCount: Int
    /// When the webhook accepted it (simulator clock, UTC).
    public var receivedAt: Date

    /// Creates a message record.
    public init(text: String?, blocksJSON: String?, blockCount: Int, receivedAt: Date) {
        self.text = text
        self.blocksJSON = blocksJSON
        self.blockCount = blockCount
        self.receivedAt = receivedAt
    }
}
