import Foundation

/// Files from `shared/reference` (beside the repository clone).
enum Reference {
    static let root = URL(fileURLWithPath: #filePath).appendingPathComponent("../../../../shared/reference").standardized

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// One documented webhook answer from `slack/webhook-responses.json`, found by its body.
    struct WebhookAnswer {
        var status: Int
        var body: String
        var contentType: String?
    }

    static func webhookAnswer(body: String) throws -> WebhookAnswer {
        let cases = try JSONSerialization.jsonObject(with: data("slack/webhook-responses.json")) as! [[String: Any]]
        guard let found = cases.first(where: { $0["body"] as? String == body }), let status = found["status"] as? Int
        else { throw CocoaError(.fileReadCorruptFile) }
        return WebhookAnswer(status: status, body: body, contentType: found["content_type"] as? String)
    }
}
