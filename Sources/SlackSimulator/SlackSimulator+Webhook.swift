import Foundation
import Hummingbird

extension SlackSimulator {
    /// Answers `POST /services/…`: the path must be the configured webhook, the webhook active, the rate limit
    /// not exceeded, and the payload valid; then the message is kept and `ok` answered.
    func handleWebhook(_ request: Request) async throws -> Response {
        guard request.uri.path == configuration.webhookPath else { return SlackResponse.error(.noService) }
        if let error = state.withLock({ $0.availability.error }) { return SlackResponse.error(error) }
        let now = clock.now()
        if let retryAfter = state.withLock({ $0.bucket.take(now: now) }) {
            return SlackResponse.rateLimited(retryAfterSeconds: retryAfter)
        }
        let body = try await request.body.collect(upTo: WebhookPayload.maxBodyBytes)
        switch WebhookPayload.parse(Data(buffer: body), contentType: request.headers[.contentType]) {
        case .failure(.noText):
            return SlackResponse.error(.noText, body: configuration.emptyMessageError)
        case .failure(let error):
            return SlackResponse.error(error)
        case .success(let payload):
            let message = SlackMessage(
                text: payload.text, blocksJSON: payload.blocksJSON, blockCount: payload.blockCount, receivedAt: now
            )
            state.withLock { $0.messages.append(message) }
            return SlackResponse.ok
        }
    }
}
