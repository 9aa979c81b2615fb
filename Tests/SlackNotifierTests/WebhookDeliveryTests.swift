import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import SimulatorKit
import Synchronization
import SyncCore
import SyncHTTP
import Testing
@testable import SlackNotifier

/// A scripted webhook endpoint: answers POSTs on the webhook path from a queue (then `200 ok`) and keeps the bodies.
final class ScriptedWebhook: Sendable {
    static let path = "/services/T0TEST/B0TEST/XyZsecretToken123"
    private let state = Mutex<(answers: [(Int, [(String, String)], String)], bodies: [Data])>(([], []))

    init(answers: [(Int, [(String, String)], String)] = []) {
        state.withLock { $0.answers = answers }
    }

    var bodies: [Data] { state.withLock { $0.bodies } }

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.post(RouterPath(Self.path)) { [self] request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let (status, headers, text) = state.withLock { state in
                state.bodies.append(Data(buffer: body))
                return state.answers.isEmpty ? (200, [], "ok") : state.answers.removeFirst()
            }
            var fields = HTTPFields()
            fields[.contentType] = "text/plain;charset=utf-8"
            for (name, value) in headers { fields[HTTPField.Name(name)!] = value }
            return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        return router
    }
}

/// The stub server logs its own shutdown at error level; tests do not need that.
let quietLogger: Logger = {
    var logger = Logger(label: "test.stub")
    logger.logLevel = .critical
    return logger
}()

@Suite("SlackWebhookNotifier delivery", .serialized)
struct WebhookDeliveryTests {
    static let alert = Alert(
        kind: .persistentFailure, title: "Sales Order create failed", text: "Material TG99 is not defined",
        records: [AlertRecord(system: .salesforce, id: "006Aa00000AbCdEIAV", label: "Acme & Co",
                              url: "https://example.my.salesforce.com/006Aa00000AbCdEIAV")])

    /// Runs `body` with a notifier posting to a scripted webhook; returns nothing, checks inside.
    static func withNotifier(
        _ webhook: ScriptedWebhook, logs: LogStore = LogStore(), sleeper: VirtualSleeper = VirtualSleeper(),
        _ body: @Sendable (SlackWebhookNotifier) async throws -> Void
    ) async throws {
        var http = HTTPTransport.Configuration()
        http.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .seconds(30))
        let client = try makeHTTPClient(configuration: http)
        let configured = http
        do {
            try await withSimulatorServer(router: webhook.router(), logger: quietLogger) { baseURL in
                let notifier = SlackWebhookNotifier(
                    configuration: .init(webhookURL: baseURL + ScriptedWebhook.path, http: configured),
                    httpClient: client, logger: logs.logger(), sleeper: sleeper)
                try await body(notifier)
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test("posts text and blocks as JSON; three alerts are paced 1.1 s apart")
    func pacing() async throws {
        let webhook = ScriptedWebhook()
        let sleeper = VirtualSleeper()
        try await Self.withNotifier(webhook, sleeper: sleeper) { notifier in
            for _ in 0..<3 { try await notifier.send(Self.alert) }
        }
        #expect(webhook.bodies.count == 3)
        #expect(sleeper.sleeps == [.milliseconds(1100), .milliseconds(1100)])
        let json = try #require(try JSONSerialization.jsonObject(with: webhook.bodies[0]) as? [String: Any])
        #expect(json["text"] as? String == "Sales Order create failed: Material TG99 is not defined")
        #expect((json["blocks"] as? [Any])?.count == 3)
    }

    @Test("a 429 is retried after its Retry-After and holds the next message back")
    func rateLimited() async throws {
        let webhook = ScriptedWebhook(answers: [(429, [("Retry-After", "5")], "")])
        let sleeper = VirtualSleeper()
        try await Self.withNotifier(webhook, sleeper: sleeper) { notifier in
            try await notifier.send(Self.alert)
            try await notifier.send(Self.alert)
        }
        #expect(webhook.bodies.count == 3)
        // The retry waits the 5 s asked for (virtual time) and is sent in the slot the 429 held; the next message
        // then keeps Slack's pace of about one per second after it (1.1 s).
        #expect(sleeper.sleeps == [.seconds(5), .milliseconds(1100)])
    }

    @Test("Slack's error strings become SyncErrors; nothing logged or thrown holds the webhook token")
    func errors() async throws {
        let webhook = ScriptedWebhook(answers: [(404, [], "no_service"), (400, [], "invalid_blocks")])
        let logs = LogStore()
        try await Self.withNotifier(webhook, logs: logs) { notifier in
            let gone = try await #require(throws: SyncError.self) { try await notifier.send(Self.alert) }
            #expect(gone.code == .configuration)
            #expect(gone.vendorCode == "no_service")
            #expect(gone.system == .slack)
            let invalid = try await #require(throws: SyncError.self) { try await notifier.send(Self.alert) }
            #expect(invalid.code == .malformedRequest)
            for error in [gone, invalid] {
                #expect(!error.description.contains("XyZsecretToken123"))
            }
        }
        #expect(webhook.bodies.count == 2)
        #expect(!logs.all.isEmpty)
        #expect(logs.all.allSatisfy { !$0.contains("XyZsecretToken123") })
    }

    @Test("an unreachable webhook is a retryable connection failure without the URL")
    func unreachable() async throws {
        let client = try makeHTTPClient(configuration: .init())
        let notifier = SlackWebhookNotifier(
            configuration: .init(
                webhookURL: "http://127.0.0.1:9/services/T0/B0/XyZsecretToken123",
                http: .init(retryPolicy: RetryPolicy(maxAttempts: 1))),
            httpClient: client, logger: Logger(label: "test"), sleeper: VirtualSleeper())
        let error = await #expect(throws: SyncError.self) { try await notifier.send(Self.alert) }
        try await client.shutdown()
        #expect(error?.code == .connectionFailed)
        #expect(error.map { !$0.description.contains("XyZsecretToken123") } ?? false)
    }
}
