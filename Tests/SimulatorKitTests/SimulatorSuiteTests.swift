import Foundation
import Logging
import SimulatorKit
import Simulators
import Testing
import _CryptoExtras

@Suite struct SimulatorSuiteTests {
    let client = HTTPTestClient()

    static let expectedNames = [
        "SF_LOGIN_URL", "SF_CLIENT_ID", "SF_USERNAME", "SF_PRIVATE_KEY_PATH", "SAP_BASE_URL", "SAP_AUTH",
        "SAP_TOKEN_URL", "SAP_CLIENT_ID", "SAP_CLIENT_SECRET", "SAP_USERNAME", "SAP_PASSWORD", "ZOHO_DC",
        "ZOHO_ACCOUNTS_URL", "ZOHO_CLIENT_ID", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "ZOHO_ORG_ID",
        "SLACK_WEBHOOK_URL",
    ]

    private func configuration(https: Bool = false, directory: URL? = nil) throws -> SimulatorSuite.Configuration {
        SimulatorSuite.Configuration(
            https: https, directory: directory, seed: try SeedDataset.bundled(),
            clock: ManualSimulatorClock(Date(timeIntervalSince1970: 1_796_000_000))
        )
    }

    @Test func everySimulatorAnswersOnItsBaseURL() async throws {
        let seed = try SeedDataset.bundled()
        let keyPath = try await withSimulators(try configuration(), logger: Logger(label: "test")) { running in
            let urls = [running.salesforceURL, running.sapURL, running.zohoURL, running.slackURL]
            #expect(Set(urls).count == 4)
            for url in urls {
                #expect(url.hasPrefix("http://127.0.0.1:"))
                let reply = try await client.send("GET", url + "/_operator/requests")
                #expect(reply.status == 200)
                let counts = try JSONDecoder().decode([String: Int].self, from: reply.body)
                #expect(counts == [:])
            }
            let environment = Dictionary(uniqueKeysWithValues: running.environment.map { ($0.name, $0.value) })
            #expect(running.environment.map(\.name) == Self.expectedNames)
            #expect(environment["SF_LOGIN_URL"] == running.salesforceURL)
            #expect(environment["SAP_BASE_URL"] == running.sapURL)
            #expect(environment["SAP_TOKEN_URL"] == running.sapURL + "/oauth/token")
            #expect(environment["SAP_AUTH"] == "basic")
            #expect(environment["ZOHO_DC"] == "us")
            #expect(environment["ZOHO_ORG_ID"] == seed.organization.zohoOrganizationId)
            #expect(environment["SLACK_WEBHOOK_URL"] == running.slackURL + running.slack.configuration.webhookPath)
            #expect(environment["SF_CLIENT_ID"] == running.salesforce.configuration.clientId)
            // The Salesforce simulator verifies with the certificate of the generated key.
            #expect(running.salesforce.configuration.certificatePEM == running.suite.signingIdentity.certificatePEM)

            let keyPath = try #require(environment["SF_PRIVATE_KEY_PATH"])
            let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let pem = try String(contentsOfFile: keyPath, encoding: .utf8)
            let key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
            #expect(key.keySizeInBits == 2048)

            // The webhook URL in the environment reaches the Slack simulator.
            let posted = try await client.send(
                "POST", try #require(environment["SLACK_WEBHOOK_URL"]), body: Data(#"{"text":"hello"}"#.utf8),
                headers: ["Content-Type": "application/json"]
            )
            #expect(posted.text == "ok")
            return keyPath
        }
        #expect(!FileManager.default.fileExists(atPath: keyPath))
    }

    @Test func httpsWritesTheCertificateAuthorityFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("suite-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withSimulators(try configuration(https: true, directory: directory), logger: Logger(label: "test")) { running in
            for url in [running.salesforceURL, running.sapURL, running.zohoURL, running.slackURL] {
                #expect(url.hasPrefix("https://127.0.0.1:"))
            }
            let caFile = try #require(running.environment.first { $0.name == "CRMSYNC_TRUSTED_CA_FILE" }?.value)
            #expect(caFile == directory.appendingPathComponent("sandbox-ca.pem").path)
            let caPEM = try String(contentsOfFile: caFile, encoding: .utf8)
            #expect(caPEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
            #expect(running.environment.map(\.name) == Self.expectedNames + ["CRMSYNC_TRUSTED_CA_FILE"])
        }
    }

    @Test func shellLinesQuoteValuesForEval() async throws {
        var configuration = try configuration()
        configuration.zoho.clientSecret = "it's"
        configuration.sapAuth = .oauth
        let lines = try await withSimulators(configuration, logger: Logger(label: "test")) { $0.shellLines }
        #expect(lines.contains(#"ZOHO_CLIENT_SECRET='it'\''s'"#))
        #expect(lines.contains("SAP_AUTH='oauth'"))
        #expect(lines.count == Self.expectedNames.count)
    }
}
