import Foundation

/// A webhook message parsed and validated from a request body.
struct WebhookPayload: Equatable {
    /// Largest body accepted, in bytes.
    static let maxBodyBytes = 1024 * 1024

    var text: String?
    var blocksJSON: String?
    var blockCount: Int

    /// Parses `body` sent with `contentType`.
    ///
    /// JSON bodies (`application/json`, or no content type) are read directly; form bodies
    /// (`application/x-www-form-urlencoded`) from the legacy `payload` field, or as JSON when there is no such field
    /// (as `curl -d '{...}'` sends). Any other content type, a body that is not a JSON object, or a non-string
    /// `text` is `invalid_payload`; bad `blocks` are `invalid_blocks`; a message without text, blocks and
    /// attachments is `no_text`.
    static func parse(_ body: Data, contentType: String?) -> Result<WebhookPayload, SlackWebhookError> {
        guard let json = jsonBody(body, contentType: contentType),
            let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any]
        else { return .failure(.invalidPayload) }

        var text: String?
        switch object["text"] {
        case nil, is NSNull: text = nil
        case let value as String: text = value.isEmpty ? nil : value
        default: return .failure(.invalidPayload)
        }

        var blocksJSON: String?
        var blockCount = 0
        if let rawBlocks = object["blocks"], !(rawBlocks is NSNull) {
            guard let blocks = rawBlocks as? [Any], BlockKitValidator.isValid(blocks: blocks) else {
                return .failure(.invalidBlocks)
            }
            blockCount = blocks.count
            if !blocks.isEmpty {
                let data = try? JSONSerialization.data(withJSONObject: blocks, options: [.sortedKeys, .withoutEscapingSlashes])
                blocksJSON = data.map { String(decoding: $0, as: UTF8.self) }
            }
        }

        let hasAttachments = (object["attachments"] as? [Any]).map { !$0.isEmpty } ?? false
        if text == nil && blockCount == 0 && !hasAttachments { return .failure(.noText) }
        return .success(WebhookPayload(text: text, blocksJSON: blocksJSON, blockCount: blockCount))
    }

    /// The JSON text inside `body`, or `nil` for a content type Slack does not read.
    private static func jsonBody(_ body: Data, contentType: String?) -> Data? {
        let mediaType = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        switch mediaType {
        case nil, "application/json":
            return body
        case "application/x-www-form-urlencoded":
            let form = String(decoding: body, as: UTF8.self)
            for pair in form.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, formDecode(parts[0]) == "payload" else { continue }
                return formDecode(parts[1]).map { Data($0.utf8) }
            }
            return body
        default:
            return nil
        }
    }

    /// Decodes a form component (`+` is a space, then percent escapes).
    private static func formDecode(_ component: String) -> String? {
        component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
