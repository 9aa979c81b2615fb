import Foundation

/// The Block Kit rules an incoming webhook enforces (a subset of Slack's: the limits that are documented per
/// block type). Source: Slack Block Kit reference, "Blocks" and "Composition objects".
enum BlockKitValidator {
    /// Most blocks in one message.
    static let maxBlocks = 50
    /// Block types Slack documents for messages.
    static let knownTypes: Set<String> = [
        "actions", "context", "divider", "file", "header", "image", "input", "markdown", "rich_text", "section",
        "table", "video",
    ]

    /// True when `blocks` is a valid message `blocks` array.
    static func isValid(blocks: [Any]) -> Bool {
        blocks.count <= maxBlocks && blocks.allSatisfy { isValid(block: $0) }
    }

    private static func isValid(block: Any) -> Bool {
        guard let block = block as? [String: Any], let type = block["type"] as? String, knownTypes.contains(type)
        else { return false }
        if let blockId = block["block_id"] {
            guard let blockId = blockId as? String, blockId.count <= 255 else { return false }
        }
        switch type {
        case "section":
            let fields = block["fields"] as? [Any]
            if block["text"] == nil && fields == nil { return false }
            if let text = block["text"], !isTextObject(text, maxLength: 3000) { return false }
            if let fields {
                guard (1...10).contains(fields.count), fields.allSatisfy({ isTextObject($0, maxLength: 2000) }) else {
                    return false
                }
            }
            return true
        case "header":
            return block["text"].map { isTextObject($0, maxLength: 150, plainOnly: true) } ?? false
        case "context":
            return (block["elements"] as? [Any]).map { (1...10).contains($0.count) } ?? false
        case "actions":
            return (block["elements"] as? [Any]).map { (1...25).contains($0.count) } ?? false
        case "image":
            return block["alt_text"] is String && (block["image_url"] is String || block["slack_file"] is [String: Any])
        default:
            return true
        }
    }

    /// A text composition object: `plain_text` or `mrkdwn` with non-empty `text` of at most `maxLength` characters.
    private static func isTextObject(_ value: Any, maxLength: Int, plainOnly: Bool = false) -> Bool {
        guard let object = value as? [String: Any], let type = object["type"] as? String,
            let text = object["text"] as? String
        else { return false }
        let typeAllowed = plainOnly ? type == "plain_text" : (type == "plain_text" || type == "mrkdwn")
        return typeAllowed && !text.isEmpty && text.count <= maxLength
    }
}
