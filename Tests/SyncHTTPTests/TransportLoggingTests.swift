import Foundation
import NIOHTTP1
import SyncHTTP
import Testing

/// Everything the transport logs at trace level, with secrets on every channel (headers, query, body, webhook URL,
/// Set-Cookie, token response), must not contain any secret.
@Suite("Transport logging")
struct TransportLoggingTests {
    @Test("no secret reaches the log at trace level")
    func noSecretsLogged() async throws {
        let harness = TransportHarness()
        let tokenResponse = "{\"access_token\":\"SECRET-ACCESS\",\"refresh_token\":\"SECRET-REFRESH\",\"api_domain\":\"https://www.zohoapis.eu\"}"
        let script = ReplyScript([
            .respond(200, headers: [("Set-Cookie", "SAP_SESSIONID=SECRET-COOKIE; path=/"), ("Content-Type", "application/json")],
                     body: tokenResponse),
            .respond(200, body: "ok"),
        ])
        try await harness.run(script) { transport, base in
            var headers: HTTPHeaders = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "sid=SECRET-SID"]
            headers.add(name: "x-csrf-token", value: "SECRET-CSRF")
            let form = makeQueryString([
                ("grant_type", "refresh_token"), ("refresh_token", "SECRET-FORM-REFRESH"), ("client_secret", "SECRET-CLIENT"),
            ])
            _ = try await transport.execute(
                HTTPRequestSpec(
                    method: .POST, url: base + "/oauth/v2/token?code=SECRET-CODE&client_id=visible-client",
                    headers: headers, body: Data(form.utf8), endpoint: "token"))
            _ = try await transport.executeRaw(
                HTTPRequestSpec(method: .POST, url: base + "/services/T0001/B0001/SECRET-WEBHOOK", endpoint: "webhook"))
        }
        let logs = harness.logs.all
        let exchange = logs.first { $0.hasPrefix("debug HTTP exchange ") && $0.contains("endpoint=token") }
        for field in ["method=POST", "status=200", "attempt=1", "duration_ms=", "url=http://127.0.0.1:"] {
            #expect(exchange?.contains(field) == true, "\(field)")
        }
        #expect(logs.contains { $0.contains("visible-client") })
        #expect(logs.contains { $0.contains("https://www.zohoapis.eu") })
        for line in logs {
            #expect(!line.contains("SECRET"), "\(line)")
            #expect(!line.contains("token-1"), "\(line)")
        }
    }
}
