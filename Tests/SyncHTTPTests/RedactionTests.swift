import Foundation
import NIOHTTP1
import SyncHTTP
import Testing

@Suite("Redaction")
struct RedactionTests {
    @Test("secret header values are replaced, SAP's CSRF handshake words stay")
    func headers() {
        let headers: HTTPHeaders = [
            "Authorization": "Bearer 00Dxx!AQ0AQH.secretsession", "Cookie": "SAP_SESSIONID=abc123",
            "Set-Cookie": "sap-usercontext=xyz; path=/", "x-csrf-token": "k8Ln2xTgY0pQ==", "Accept": "application/json",
        ]
        let redacted = Redaction.headers(headers)
        let rendered = redacted.map { "\($0): \($1)" }.joined(separator: "\n")
        for secret in ["secretsession", "abc123", "xyz", "k8Ln2xTgY0pQ"] { #expect(!rendered.contains(secret)) }
        #expect(redacted.contains { $0 == "Accept" && $1 == "application/json" })
        #expect(Redaction.headers(["x-csrf-token": "Fetch"]).first?.1 == "Fetch")
        #expect(Redaction.headers(["X-CSRF-Token": "Required"]).first?.1 == "Required")
    }

    @Test("secret query parameters are replaced, others kept")
    func query() {
        let url = "https://accounts.zoho.eu/oauth/v2/token?refresh_token=1000.8f2c&client_id=1000.CLIENT"
            + "&client_secret=9b1e&grant_type=refresh_token&code=1000.auth"
        let redacted = Redaction.url(url)
        for secret in ["1000.8f2c", "9b1e", "1000.auth"] { #expect(!redacted.contains(secret)) }
        #expect(redacted.hasPrefix("https://accounts.zoho.eu/oauth/v2/token?"))
        #expect(redacted.contains("client_id=1000.CLIENT"))
        #expect(redacted.contains("grant_type=refresh_token"))
    }

    @Test("JWT bearer assertions and passwords in form bodies are replaced")
    func formBody() {
        let form = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJhbGciOi.eyJpc3Mi.sig"
            + "&password=hunter2"
        let redacted = Redaction.body(Data(form.utf8), contentType: "application/x-www-form-urlencoded")
        #expect(!redacted.contains("eyJhbGciOi"))
        #expect(!redacted.contains("hunter2"))
        #expect(redacted.contains("grant_type=urn%3Aietf"))
    }

    @Test("Slack and simulator webhook URLs lose their secret path")
    func webhooks() {
        let slack = Redaction.url("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(!slack.contains("T00000000"))
        #expect(!slack.contains("XXXXXXXX"))
        #expect(slack.hasPrefix("https://hooks.slack.com/"))
        let local = Redaction.url("http://127.0.0.1:8089/services/T1/B2/s3cr3t")
        #expect(local == "http://127.0.0.1:8089/services/[REDACTED]")
        let query = "https://acme.my.salesforce.com/services/data/v60.0/query?q=SELECT%20Id%20FROM%20Opportunity"
        #expect(Redaction.url(query) == query)
        let token = "https://login.salesforce.com/services/oauth2/token"
        #expect(Redaction.url(token) == token)
        let withUser = Redaction.url("https://user:pa55@example.com/path")
        #expect(!withUser.contains("pa55"))
    }

    @Test("token responses and nested secrets in JSON bodies are replaced")
    func jsonBody() {
        let json = """
            {"access_token":"00Dxx!ARsecret","refresh_token":"5Aep861","instance_url":"https://x.my.salesforce.com",
             "nested":{"client_secret":"abc","webhook":"https://hooks.slack.com/services/T1/B1/zzz"},
             "key":"-----BEGIN PRIVATE KEY-----MIIE","token_type":"Bearer","items":[{"id_token":"eyJid"}]}
            """
        let redacted = Redaction.body(Data(json.utf8), contentType: "application/json")
        for secret in ["ARsecret", "5Aep861", "\"abc\"", "zzz", "MIIE", "eyJid"] { #expect(!redacted.contains(secret)) }
        #expect(redacted.contains("https://x.my.salesforce.com"))
        #expect(Redaction.body(Data("<html>token=1</html>".utf8), contentType: "text/html") == "<20 bytes, not logged>")
    }
}
