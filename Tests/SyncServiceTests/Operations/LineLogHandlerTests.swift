import Foundation
import Logging
import Synchronization
import SyncService
import Testing

/// Collects the lines a handler writes.
final class LineCollector: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

@Suite struct LineLogHandlerTests {
    static let fixedTime = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T11:06:40Z

    func logger(_ format: LineLogHandler.Format, _ collector: LineCollector) -> Logger {
        var logger = Logger(label: "crm-sync.test") { label in
            LineLogHandler(label: label, format: format, logLevel: .trace, write: { collector.append($0) }, now: { Self.fixedTime })
        }
        logger.logLevel = .info
        return logger
    }

    /// logfmt (go-logfmt conventions): values with a space, `=`, `"` or a control character are double-quoted with
    /// `\"`, `\\` and `\n` escaped; plain values stay bare; keys sorted after ts, level, logger, msg.
    @Test func logfmt_quotesSpacesQuotesNewlinesAndEquals() {
        let collector = LineCollector()
        logger(.logfmt, collector).warning("action failed", metadata: [
            "note": "two words", "quote": "say \"hi\"", "multi": "line1\nline2", "eq": "a=b", "plain": "x",
            "slash": "C:\\tmp", "empty": "",
        ])
        #expect(collector.all == [
            #"ts=2026-11-18T11:06:40.000Z level=warning logger=crm-sync.test msg="action failed" empty="" eq="a=b" "#
                + #"multi="line1\nline2" note="two words" plain=x quote="say \"hi\"" slash="C:\\tmp""#,
        ])
    }

    @Test func logfmt_dropsEventsBelowTheLevel() {
        let collector = LineCollector()
        let logger = logger(.logfmt, collector)
        logger.debug("pass started")
        logger.info("pass finished", metadata: ["sync.flow": "orders"])
        #expect(collector.all.count == 1)
        #expect(collector.all.first?.hasSuffix("msg=\"pass finished\" sync.flow=orders") == true)
    }

    /// JSON lines parse, keep the constant message apart from the values, and carry metadata as strings.
    @Test func json_linesParseAndCarryMetadata() throws {
        let collector = LineCollector()
        logger(.json, collector).error("pass failed", metadata: ["sync.flow": "stock", "detail": "a \"b\"\nc", "count": "\(3)"])
        let line = try #require(collector.all.first)
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object == [
            "ts": "2026-11-18T11:06:40.000Z", "level": "error", "logger": "crm-sync.test", "msg": "pass failed",
            "sync.flow": "stock", "detail": "a \"b\"\nc", "count": "3",
        ])
    }

    /// Metadata cannot override the reserved fields: it is renamed `meta.<key>`.
    @Test func reservedKeys_areNotOverwritten() throws {
        let collector = LineCollector()
        logger(.json, collector).info("polling started", metadata: ["msg": "spoofed"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(collector.all[0].utf8)) as? [String: String])
        #expect(object["msg"] == "polling started")
        #expect(object["meta.msg"] == "spoofed")
    }

    /// Whatever a caller attaches, secrets never reach the line: secret-named keys and credential-looking values
    /// are replaced, webhook URL paths removed.
    @Test(arguments: LineLogHandler.Format.allCases)
    func secretLookingMetadata_isRedacted(format: LineLogHandler.Format) {
        let collector = LineCollector()
        let secrets = ["eyJhbGciOiJSUzI1NiJ9.canary", "00Dcanary!AQ", "pw-canary", "zoho-canary-refresh", "T0CANARY/B0CANARY/xoxcanary",
                       "sid=canarycookie", "c2VjcmV0LWNhbmFyeQ=="]
        logger(format, collector).notice("request sent", metadata: [
            "http.authorization": "Bearer eyJhbGciOiJSUzI1NiJ9.canary",
            "access_token": "00Dcanary!AQ",
            "sap.password": "pw-canary",
            "zoho.refresh_token": "zoho-canary-refresh",
            "alert.target": "https://hooks.slack.com/services/T0CANARY/B0CANARY/xoxcanary",
            "Cookie": "sid=canarycookie",
            "note": "Basic c2VjcmV0LWNhbmFyeQ==",
            "nested": ["client_secret": "pw-canary", "flow": "orders"],
            "sync.flow": "orders",
            "sync.error.code": "authentication_failed",
            "lease.fencing_token": "42",
        ])
        let line = collector.all.joined()
        for secret in secrets { #expect(!line.contains(secret), "\(secret) leaked in \(format)") }
        #expect(line.contains("[REDACTED]"))
        #expect(line.contains("hooks.slack.com"))
        #expect(line.contains("orders"))
        // Names that only look similar stay readable: an error code, a lease's fencing counter.
        #expect(line.contains("authentication_failed"))
        #expect(line.contains("42"))
    }
}
