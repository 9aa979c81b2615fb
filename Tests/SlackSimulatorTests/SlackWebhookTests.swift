import Foundation
import Hummingbird
import HummingbirdTesting
import SimulatorKit
import SlackSimulator
import Testing

@Suite struct SlackWebhookTests {
    let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_796_000_000))

    private func post(
        _ simulator: SlackSimulator, path: String? = nil, body: Data, contentType: String? = "application/json"
    ) async throws -> (status: Int, body: String, headers: HTTPFields) {
        let app = Application(router: simulator.buildRouter())
        return try await app.test(.router) { client in
            var headers = HTTPFields()
            if let contentType { headers[.contentType] = contentType }
            return try await client.execute(
                uri: path ?? simulator.configuration.webhookPath, method: .post, headers: headers,
                body: ByteBuffer(bytes: body)
            ) { response in
                (Int(response.status.code), String(buffer: response.body), response.headers)
            }
        }
    }

    private func expectAnswer(_ reply: (status: Int, body: String, headers: HTTPFields), _ documentedBody: String) throws {
        let documented = try Reference.webhookAnswer(body: documentedBody)
        #expect(reply.status == documented.status)
        #expect(reply.body == documented.body)
    }

    @Test func textMessageIsAnsweredOkAsPlainText() async throws {
        let simulator = SlackSimulator(clock: clock)
        let reply = try await post(simulator, body: Reference.data("slack/webhook-request-text.json"))
        let documented = try Reference.webhookAnswer(body: "ok")
        #expect(reply.status == documented.status)
        #expect(reply.body == "ok")
        #expect(reply.headers[.contentType] == documented.contentType)
        #expect(simulator.messages == [SlackMessage(text: "Hello, World!", blocksJSON: nil, blockCount: 0, receivedAt: clock.now())])
    }

    @Test func textAndBlocksAreKept() async throws {
        let simulator = SlackSimulator(clock: clock)
        let sample = try Reference.data("slack/webhook-request-text-and-blocks.json")
        try expectAnswer(try await post(simulator, body: sample), "ok")
        let message = try #require(simulator.messages.first)
        #expect(message.text == "test")
        #expect(message.blockCount == 2)
        let expected = (try JSONSerialization.jsonObject(with: sample) as! [String: Any])["blocks"] as! NSArray
        let kept = try JSONSerialization.jsonObject(with: Data(try #require(message.blocksJSON).utf8)) as! NSArray
        #expect(kept == expected)
    }

    @Test func blocksWithoutTextAreAccepted() async throws {
        let simulator = SlackSimulator(clock: clock)
        let body = Data(#"{"blocks":[{"type":"divider"},{"type":"header","text":{"type":"plain_text","text":"Sync failed"}}]}"#.utf8)
        try expectAnswer(try await post(simulator, body: body), "ok")
        #expect(simulator.messages.first?.text == nil)
    }

    @Test func legacyFormPayloadIsAccepted() async throws {
        let simulator = SlackSimulator(clock: clock)
        let body = Data("payload=%7B%22text%22%3A%22Hello+form%22%7D".utf8)
        try expectAnswer(try await post(simulator, body: body, contentType: "application/x-www-form-urlencoded"), "ok")
        #expect(simulator.messages.first?.text == "Hello form")
    }

    @Test(arguments: [
        (#"{"text": "unterminated"#, "application/json"),
        (#"["text"]"#, "application/json"),
        (#"{"text": 42}"#, "application/json"),
        (#"{"text": "hi"}"#, "text/plain"),
    ])
    func unreadablePayloadIsInvalidPayload(body: String, contentType: String) async throws {
        let simulator = SlackSimulator(clock: clock)
        try expectAnswer(try await post(simulator, body: Data(body.utf8), contentType: contentType), "invalid_payload")
        #expect(simulator.messages.isEmpty)
    }

    @Test(arguments: [#"{}"#, #"{"text": ""}"#, #"{"text": "", "blocks": []}"#])
    func emptyMessageIsNoText(body: String) async throws {
        let simulator = SlackSimulator(clock: clock)
        try expectAnswer(try await post(simulator, body: Data(body.utf8)), "no_text")
    }

    @Test func emptyMessageWordingIsConfigurable() async throws {
        let wording = "missing_text_or_fallback_or_attachments"
        let simulator = SlackSimulator(configuration: .init(emptyMessageError: wording), clock: clock)
        try expectAnswer(try await post(simulator, body: Data("{}".utf8)), wording)
    }

    @Test func badBlocksAreInvalidBlocks() async throws {
        let divider = #"{"type":"divider"}"#
        let tooMany = #"{"text":"x","blocks":["# + Array(repeating: divider, count: 51).joined(separator: ",") + "]}"
        let bodies = [
            tooMany,
            #"{"text":"x","blocks":{"type":"divider"}}"#,
            #"{"text":"x","blocks":[{"type":"no_such_block"}]}"#,
            #"{"text":"x","blocks":[{"type":"section"}]}"#,
            #"{"text":"x","blocks":[{"type":"header","text":{"type":"mrkdwn","text":"*bold*"}}]}"#,
        ]
        for body in bodies {
            let simulator = SlackSimulator(clock: clock)
            try expectAnswer(try await post(simulator, body: Data(body.utf8)), "invalid_blocks")
        }
        let fifty = #"{"text":"x","blocks":["# + Array(repeating: divider, count: 50).joined(separator: ",") + "]}"
        try expectAnswer(try await post(SlackSimulator(clock: clock), body: Data(fifty.utf8)), "ok")
    }

    @Test func unknownWebhookIsNoService() async throws {
        let simulator = SlackSimulator(clock: clock)
        let reply = try await post(simulator, path: "/services/T0CRMSYNC/B0SANDBOX/wrongToken", body: Data(#"{"text":"x"}"#.utf8))
        try expectAnswer(reply, "no_service")
    }

    @Test func webhookStatesAnswerTheirErrors() async throws {
        let simulator = SlackSimulator(clock: clock)
        let body = Data(#"{"text":"x"}"#.utf8)
        simulator.setAvailability(.revoked)
        try expectAnswer(try await post(simulator, body: body), "invalid_token")
        simulator.setAvailability(.channelArchived)
        try expectAnswer(try await post(simulator, body: body), "channel_is_archived")
        simulator.setAvailability(.prohibited)
        try expectAnswer(try await post(simulator, body: body), "action_prohibited")
        simulator.setAvailability(.disabled)
        try expectAnswer(try await post(simulator, body: body), "no_service")
        simulator.setAvailability(.active)
        try expectAnswer(try await post(simulator, body: body), "ok")
        #expect(simulator.messages.count == 1)
    }
}
