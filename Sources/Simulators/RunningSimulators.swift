import Foundation
import SAPSimulator
import SalesforceSimulator
import SimulatorKit
import SlackSimulator
import ZohoBooksSimulator

/// The suite while it serves: the simulators, their base URLs and the environment that points CRMSync at them.
public struct RunningSimulators: Sendable {
    /// The simulators.
    public let suite: SimulatorSuite
    /// Base URL of the Salesforce simulator, e.g. `http://127.0.0.1:54321` (also `SF_LOGIN_URL`).
    public let salesforceURL: String
    /// Base URL of the SAP simulator (`SAP_BASE_URL`; OData services under `/sap/opu/odata/sap/`).
    public let sapURL: String
    /// Base URL of the Zoho Books simulator (accounts and API host; `ZOHO_ACCOUNTS_URL`).
    public let zohoURL: String
    /// Base URL of the Slack simulator.
    public let slackURL: String
    /// Path of the Salesforce private key PEM (mode 0600; `SF_PRIVATE_KEY_PATH`).
    public let privateKeyPath: String
    /// Path of the CA certificate PEM when serving HTTPS (`CRMSYNC_TRUSTED_CA_FILE`), else `nil`.
    public let trustedCAFile: String?

    /// The Salesforce simulator.
    public var salesforce: SalesforceSimulator { suite.salesforce }
    /// The SAP simulator.
    public var sap: SAPSimulator { suite.sap }
    /// The Zoho Books simulator.
    public var zoho: ZohoBooksSimulator { suite.zoho }
    /// The Slack simulator.
    public var slack: SlackSimulator { suite.slack }

    /// The full incoming-webhook URL (a secret: `SLACK_WEBHOOK_URL`).
    public var slackWebhookURL: String { slackURL + suite.slack.configuration.webhookPath }

    /// The configuration lines that point CRMSync at the simulators, in a fixed order, with the names of the real
    /// configuration: `SF_LOGIN_URL`, `SF_CLIENT_ID`, `SF_USERNAME`, `SF_PRIVATE_KEY_PATH`, `SAP_BASE_URL`,
    /// `SAP_AUTH`, `SAP_TOKEN_URL`, `SAP_CLIENT_ID`, `SAP_CLIENT_SECRET`, `SAP_USERNAME`, `SAP_PASSWORD`, `ZOHO_DC`,
    /// `ZOHO_ACCOUNTS_URL`, `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`, `ZOHO_REFRESH_TOKEN`, `ZOHO_ORG_ID`,
    /// `SLACK_WEBHOOK_URL`, and `CRMSYNC_TRUSTED_CA_FILE` with HTTPS. Values include the sandbox secrets.
    public var environment: [(name: String, value: String)] {
        let salesforce = suite.salesforce.configuration
        let sap = suite.configuration.sap
        let zoho = suite.zoho.configuration
        var lines: [(name: String, value: String)] = [
            ("SF_LOGIN_URL", salesforceURL),
            ("SF_CLIENT_ID", salesforce.clientId),
            ("SF_USERNAME", salesforce.username),
            ("SF_PRIVATE_KEY_PATH", privateKeyPath),
            ("SAP_BASE_URL", sapURL),
            ("SAP_AUTH", suite.configuration.sapAuth.rawValue),
            ("SAP_TOKEN_URL", sapURL + "/oauth/token"),
            ("SAP_CLIENT_ID", sap.oauthClientID),
            ("SAP_CLIENT_SECRET", sap.oauthClientSecret),
            ("SAP_USERNAME", sap.user),
            ("SAP_PASSWORD", sap.password),
            ("ZOHO_DC", "us"),
            ("ZOHO_ACCOUNTS_URL", zohoURL),
            ("ZOHO_CLIENT_ID", zoho.clientID),
            ("ZOHO_CLIENT_SECRET", zoho.clientSecret),
            ("ZOHO_REFRESH_TOKEN", zoho.refreshTokens.first ?? ""),
            ("ZOHO_ORG_ID", suite.zoho.organizationID),
            ("SLACK_WEBHOOK_URL", slackWebhookURL),
        ]
        if let trustedCAFile { lines.append(("CRMSYNC_TRUSTED_CA_FILE", trustedCAFile)) }
        return lines
    }

    /// `environment` as a dictionary, to build a configuration from (later overrides win in `merging`).
    public var environmentVariables: [String: String] {
        Dictionary(environment.map { ($0.name, $0.value) }, uniquingKeysWith: { _, new in new })
    }

    /// `environment` as `NAME='value'` lines for a shell (`eval "$(crm-sync sandbox)"`) or an env file; single
    /// quotes inside values are escaped as `'\''`.
    public var shellLines: [String] {
        environment.map { line in
            "\(line.name)='\(line.value.replacingOccurrences(of: "'", with: #"'\''"#))'"
        }
    }
}
