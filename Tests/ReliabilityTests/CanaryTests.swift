import Foundation
import Simulators
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// The secret canary: every secret gets a unique value, all flows run against the simulators with faults and with
/// rejected credentials so that errors, dead letters and alerts are produced, and everything people can read
/// (log events as emitted, logfmt and JSON lines at trace level, the journal, dead letters, runs, Slack messages,
/// error descriptions, pass reports, `status --json`, the configuration's description, the state file's bytes, and
/// the real `crm-sync` executable's `status`, `dead-letters list/show` and `plan` output with trace logs)
/// is searched for the canaries and for the shapes of the access tokens and JWTs the systems issue: zero hits.
///
/// Short in CI; with `CRMSYNC_RELIABILITY=full`, more faults and all flows twice per run.
@Suite(.serialized) struct CanaryTests {
    static let rounds = ReliabilityScale.pick(short: 1, full: 2)
    static let faultRate = ReliabilityScale.pick(short: 0.25, full: 0.4)

    @Test func secrets_neverReachLogsJournalDeadLettersSlackOrReports() async throws {
        let secrets = CanarySecrets()
        let capture = CanaryCapture()
        let deals = ReliabilityScale.isFull
            ? HostileDealCases.legal + HostileDealCases.rejected
            : Array(HostileDealCases.legal.prefix(8)) + Array(HostileDealCases.rejected.prefix(2))
        let seed = try HostileSeed.make(deals: deals, products: HostileDealCases.products)
        // One deal: every failing Slack delivery is paced too, and two system alerts show the failure path.
        let oneDeal = try HostileSeed.make(deals: [HostileDealCases.legal[0]], products: HostileDealCases.products)
        let keys = KeyCollector()

        // Healthy credentials, faults of every kind, SAP with Basic and with OAuth client credentials. Slack paces
        // alerts at about one a second, so the short form sends them to Slack in one of the two runs and logs them
        // (no webhook configured) in the other.
        for auth in SimulatorSuite.SAPAuth.allCases {
            let slack = auth == .basic || ReliabilityScale.isFull
            try await HostileWorld.run(
                seed: seed, simulators: { secrets.configure(&$0); $0.sapAuth = auth },
                environment: { _ in slack ? [:] : ["SLACK_WEBHOOK_URL": ""] }, logger: capture.logger()
            ) { world in
                await keys.add(world.running.privateKeyPath)
                try await CanaryRun(world: world, capture: capture).exerciseWithFaults(rate: Self.faultRate, rounds: Self.rounds)
                if auth == .basic { try await CanaryCLI.capture(world, into: capture) }
            }
        }
        // Rejected credentials: a Salesforce key the connected app does not know.
        let strangerKey = try RSASigningIdentity()
        let strangerKeyPath = try Self.writeTemporary(strangerKey.privateKeyPEM)
        defer { try? FileManager.default.removeItem(atPath: strangerKeyPath) }
        try await HostileWorld.run(
            seed: seed, simulators: { secrets.configure(&$0) },
            environment: { _ in ["SF_PRIVATE_KEY_PATH": strangerKeyPath, "SLACK_WEBHOOK_URL": ""] },
            logger: capture.logger()
        ) { world in
            await keys.add(world.running.privateKeyPath)
            try await CanaryRun(world: world, capture: capture).exerciseWithFaults(rate: 0, rounds: 1)
        }
        // Wrong SAP password, Zoho refresh token and Slack webhook.
        try await HostileWorld.run(
            seed: oneDeal, simulators: { secrets.configure(&$0) },
            environment: { running in
                [
                    "SAP_PASSWORD": secrets.wrongSAPPassword, "ZOHO_REFRESH_TOKEN": secrets.wrongZohoRefreshToken,
                    "SLACK_WEBHOOK_URL": running.slackURL + "/services/T0CRMSYNC/B0SANDBOX/" + secrets.wrongSlackToken,
                ]
            },
            logger: capture.logger()
        ) { world in
            await keys.add(world.running.privateKeyPath)
            try await CanaryRun(world: world, capture: capture).exerciseWithFaults(rate: 0, rounds: 1)
        }
        // Wrong SAP OAuth client secret.
        try await HostileWorld.run(
            seed: seed, simulators: { secrets.configure(&$0); $0.sapAuth = .oauth },
            environment: { _ in ["SAP_CLIENT_SECRET": secrets.wrongSAPClientSecret, "SLACK_WEBHOOK_URL": ""] },
            logger: capture.logger()
        ) { world in
            await keys.add(world.running.privateKeyPath)
            try await CanaryRun(world: world, capture: capture).exerciseWithFaults(rate: 0, rounds: 1)
        }

        var canaries = secrets.values + CanarySecrets.pemBodyLines(strangerKey.privateKeyPEM, name: "stranger SF private key")
        for pem in await keys.pems { canaries += CanarySecrets.pemBodyLines(pem, name: "SF_PRIVATE_KEY_PATH key") }
        let captured = capture.captured

        // The search must be able to fail: each kind of canary is found when planted.
        for canary in [secrets.sapPassword, secrets.zohoRefreshToken, secrets.slackToken, canaries.last!.value] {
            #expect(!CanarySecrets.hits(in: [("planted", "x=\(canary.dropFirst(3).prefix(24))")], secrets: canaries).isEmpty)
        }
        let hex32 = String(repeating: "0123456789abcdef", count: 2)
        for token in ["00D7Q000004SimA!AR4xYz", "1000.\(hex32).\(hex32)", "sapsim.\(hex32)", "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOSJ9.c2ln"] {
            #expect(!CanarySecrets.hits(in: [("planted", "token=\(token)")], secrets: []).isEmpty, "token shape \(token)")
        }
        #expect(canaries.count >= 11 + 5 * 20, "canaries for every secret and every key line")
        // The capture must hold what it claims: logs in both formats, errors, alerts, dead letters.
        #expect(capture.count(source: "log logfmt") > 100 && capture.count(source: "log json") > 100)
        #expect(captured.contains { $0.source == "Slack message" })
        #expect(captured.contains { $0.source == "crm-sync status --json" && $0.text.contains("openDeadLetters") })
        #expect(captured.contains { $0.source.hasPrefix("crm-sync dead-letters show") && $0.text.contains("invalid_input") })
        #expect(captured.contains { $0.source == "dead letters" && $0.text.contains("invalid_input") })
        #expect(captured.contains { $0.text.contains("authentication_failed") }, "credential failures were produced")

        let hits = CanarySecrets.hits(in: captured, secrets: canaries)
        #expect(hits.isEmpty, "secrets found: \(Array(Set(hits)).sorted().prefix(20))")
    }

    private static func writeTemporary(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-canary-\(UUID().uuidString).pem")
        try Data(text.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return url.path
    }
}

/// The private keys the suites wrote, read while their files exist.
actor KeyCollector {
    var pems: [String] = []

    func add(_ path: String) {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) { pems.append(text) }
    }
}
