import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP
import Testing
@testable import SlackNotifier

@Suite("Slack webhook answers -> SyncError")
struct ErrorMappingTests {
    /// Our classification of each documented error string (statuses and strings come from the reference).
    static let expectedCodes: [String: SyncError.Code] = [
        "invalid_payload": .malformedRequest, "user_not_found": .malformedRequest, "no_text": .malformedRequest,
        "missing_text_or_fallback_or_attachments": .malformedRequest, "invalid_blocks": .malformedRequest,
        "action_prohibited": .forbidden, "channel_not_found": .configuration, "channel_is_archived": .configuration,
        "no_service": .configuration, "invalid_token": .authenticationFailed,
        "posting_to_general_channel_denied": .forbidden, "rollup_error": .serverError,
    ]

    private func classify(status: Int, body: String?, headers: HTTPHeaders = [:]) -> ResponseDisposition {
        SlackWebhookVendor(pacer: SlackMessagePacer(interval: .seconds(1)), sleeper: VirtualSleeper()).classify(
            HTTPResponseData(status: status, headers: headers, body: Data((body ?? "").utf8)),
            for: HTTPRequestSpec(method: .POST, url: "https://hooks.slack.com/services/T0/B0/secret", endpoint: "webhook"))
    }

    @Test("every case of reference/slack/webhook-responses.json")
    func referenceCases() throws {
        let cases = try #require(try Reference.json("slack/webhook-responses.json") as? [[String: Any]])
        #expect(cases.count >= 14)
        for entry in cases {
            let body = entry["body"] as? String
            // posting_to_general_channel_denied has no documented status: try it as a 400.
            var statuses = [(entry["status"] as? Int) ?? 400]
            if let alternate = entry["alternate_status"] as? Int { statuses.append(alternate) }
            for status in statuses {
                var headers = HTTPHeaders()
                if status == 429 { headers.add(name: "Retry-After", value: "3") }
                let disposition = classify(status: status, body: body, headers: headers)
                if status == 200 {
                    guard case .success = disposition else { Issue.record("200 ok must succeed"); continue }
                    continue
                }
                guard case .failure(let error) = disposition else {
                    Issue.record("\(status) \(body ?? "") must fail"); continue
                }
                #expect(error.system == .slack)
                #expect(error.httpStatus == status)
                if status == 429 {
                    #expect(error.code == .rateLimited)
                    #expect(error.retryAfterSeconds == 3)
                    #expect(error.isRetryable)
                    continue
                }
                let errorString = try #require(body)
                #expect(error.vendorCode == errorString)
                #expect(error.code == Self.expectedCodes[errorString], "\(errorString)")
                #expect(error.message.contains(errorString))
                #expect(error.isRetryable == (status >= 500))
            }
        }
    }

    @Test("an HTML body is not taken for an error string")
    func htmlBody() {
        guard case .failure(let error) = classify(status: 503, body: "<html>Service Unavailable</html>") else {
            Issue.record("must fail"); return
        }
        #expect(error.code == .serverError)
        #expect(error.vendorCode == nil)
        #expect(!error.message.contains("html"))
    }

    @Test("no error message or description contains the webhook URL")
    func noSecrets() {
        guard case .failure(let error) = classify(status: 404, body: "no_service") else { Issue.record("must fail"); return }
        #expect(!error.description.contains("hooks.slack.com"))
        #expect(!error.description.contains("secret"))
        let configuration = SlackWebhookNotifier.Configuration(webhookURL: "https://hooks.slack.com/services/T0/B0/XyZsecretToken")
        #expect(!"\(configuration)".contains("XyZsecretToken"))
        #expect(!String(reflecting: configuration).contains("XyZsecretToken"))
    }
}

@Suite("Slack message pacing")
struct PacerTests {
    @Test("messages are spaced by the interval; a 429's Retry-After holds later ones back")
    func spacing() async {
        let pacer = SlackMessagePacer(interval: .milliseconds(1100))
        let start = ContinuousClock.now
        #expect(await pacer.reserve(now: start) == .zero)
        #expect(await pacer.reserve(now: start) == .milliseconds(1100))
        #expect(await pacer.reserve(now: start.advanced(by: .milliseconds(500))) == .milliseconds(1700))
        // Idle long enough: no wait.
        #expect(await pacer.reserve(now: start.advanced(by: .seconds(10))) == .zero)
        await pacer.holdUntil(start.advanced(by: .seconds(30)))
        #expect(await pacer.reserve(now: start.advanced(by: .seconds(20))) == .seconds(10))
    }
}
