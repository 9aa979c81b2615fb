import Foundation
import SyncCore
import SyncHTTP

/// Slack incoming-webhook knowledge for ``HTTPTransport``: no auth header (the URL is the credential), success is
/// HTTP 200 (body `ok`), failures are a plain-text error string with a 4xx/5xx status. Source:
/// `reference/salesforce-and-slack.md` §12 and `reference/slack/webhook-responses.json`.
struct SlackWebhookVendor: VendorProtocol {
    let pacer: SlackMessagePacer
    let sleeper: any Sleeper

    var system: SyncSystem { .slack }

    /// No auth header (the URL is the credential); waits for the attempt's pacing slot, so retries keep Slack's
    /// pace of about one message per second too.
    func authorize(_ request: inout HTTPRequestSpec) async throws {
        let wait = await pacer.reserve(now: sleeper.now)
        if wait > .zero { try await sleeper.sleep(for: wait) }
    }

    func refresh() async throws {}

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        response.status == 200 ? .success : .failure(Self.error(for: response))
    }

    /// After a 429, holds later messages back for the `Retry-After` seconds.
    func observe(_ response: HTTPResponseData) async {
        guard response.status == 429,
              let seconds = response.headers.first(name: "Retry-After").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
              seconds.isFinite, seconds > 0
        else { return }
        await pacer.holdUntil(sleeper.now.advanced(by: .milliseconds(Int64(seconds * 1000))))
    }

    /// The `SyncError` (system `.slack`) for a failed delivery: the documented error string as `vendorCode`, a
    /// message saying what to do, never the webhook URL.
    ///
    /// | error string | code |
    /// |---|---|
    /// | `invalid_payload`, `invalid_blocks`, `no_text`, `missing_text_or_fallback_or_attachments`, `too_many_attachments`, `user_not_found` | `.malformedRequest` |
    /// | `no_service`, `channel_not_found`, `channel_is_archived`, `no_team`, `team_disabled` | `.configuration` |
    /// | `invalid_token` | `.authenticationFailed` |
    /// | `action_prohibited`, `posting_to_general_channel_denied` | `.forbidden` |
    /// | HTTP 429 | `.rateLimited` (with `Retry-After`) |
    /// | `rollup_error`, HTTP 5xx | `.serverError` |
    static func error(for response: HTTPResponseData) -> SyncError {
        let status = response.status
        let body = String(decoding: response.body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let errorString = body.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) && !body.isEmpty
            ? body : nil
        let retryAfter = response.headers.first(name: "Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let (code, advice) = meaning(errorString, status: status)
        let named = errorString.map { " \($0)" } ?? ""
        return SyncError(
            code: code, system: .slack, message: "Slack rejected the alert (HTTP \(status)\(named)): \(advice)",
            httpStatus: status, vendorCode: errorString, retryAfterSeconds: retryAfter)
    }

    private static func meaning(_ errorString: String?, status: Int) -> (SyncError.Code, String) {
        switch errorString {
        case "invalid_payload", "invalid_blocks", "invalid_blocks_format", "no_text",
             "missing_text_or_fallback_or_attachments", "too_many_attachments", "user_not_found":
            return (.malformedRequest, "the message was not accepted as Block Kit JSON; this is a CRMSync bug")
        case "no_service":
            return (.configuration, "the webhook is disabled, removed or invalid; create a new incoming webhook")
        case "channel_not_found", "channel_is_archived":
            return (.configuration, "the webhook's channel is gone or archived; point the webhook at a live channel")
        case "no_team", "team_disabled":
            return (.configuration, "the Slack workspace of the webhook is unavailable")
        case "invalid_token":
            return (.authenticationFailed, "the webhook's token was revoked; create a new incoming webhook")
        case "action_prohibited", "posting_to_general_channel_denied":
            return (.forbidden, "a workspace admin restriction blocks this webhook")
        case "rollup_error":
            return (.serverError, "Slack failed; the alert is tried again")
        default:
            switch status {
            case 429: return (.rateLimited, "too many messages; waiting as Slack asked")
            case 500...599: return (.serverError, "Slack failed; the alert is tried again")
            case 401, 403: return (.forbidden, "Slack refused the webhook")
            case 404, 410: return (.configuration, "the webhook does not exist any more; create a new one")
            default: return (.malformedRequest, "Slack did not accept the message")
            }
        }
    }
}
