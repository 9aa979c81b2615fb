import Foundation
import Hummingbird
import SimulatorKit

extension SlackSimulator {
    /// Whether the webhook accepts messages.
    public var availability: SlackWebhookAvailability {
        state.withLock { $0.availability }
    }

    /// Sets the webhook's availability, as a workspace admin does (disable, revoke, archive the channel).
    public func setAvailability(_ availability: SlackWebhookAvailability) {
        state.withLock { $0.availability = availability }
    }

    /// Forgets the received messages.
    public func resetMessages() {
        state.withLock { $0.messages.removeAll() }
    }

    /// `GET /_operator/messages` (JSON array of `SlackMessage`, `receivedAt` ISO 8601), `DELETE /_operator/messages`
    /// (204), `GET/PUT /_operator/webhook` (`{"availability": "active|disabled|revoked|channelArchived|prohibited"}`).
    func addSlackOperatorRoutes(to router: Router<BasicRequestContext>) {
        router.get("/_operator/messages") { [self] _, _ in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(
                status: .ok, headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(self.messages)))
            )
        }
        router.delete("/_operator/messages") { [self] _, _ in
            self.resetMessages()
            return Response(status: .noContent)
        }
        router.get("/_operator/webhook") { [self] _, _ in
            try OperatorJSON.response(["availability": self.availability])
        }
        router.put("/_operator/webhook") { [self] request, _ in
            let body = try await request.body.collect(upTo: OperatorJSON.maxBodyBytes)
            guard
                let setting = try? JSONDecoder().decode([String: SlackWebhookAvailability].self, from: Data(buffer: body)),
                let availability = setting["availability"]
            else {
                return try OperatorJSON.response(["error": "expected {\"availability\": \"active|disabled|revoked|channelArchived|prohibited\"}"], status: .badRequest)
            }
            self.setAvailability(availability)
            return try OperatorJSON.response(["availability": availability])
        }
    }
}
