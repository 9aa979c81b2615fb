import Foundation
import SAPSimulator
import SalesforceSimulator
import SimulatorKit
import SlackSimulator
import ZohoBooksSimulator

extension SimulatorSuite {
    /// How CRMSync authenticates to the simulated SAP system (`SAP_AUTH`).
    public enum SAPAuth: String, Sendable, CaseIterable {
        /// HTTP Basic with the communication user (on-premise style).
        case basic
        /// OAuth 2.0 client credentials at `/oauth/token` (BTP style).
        case oauth
    }

    /// Ports, transport, files and the per-simulator configurations of the suite.
    public struct Configuration: Sendable {
        /// Port of the Salesforce simulator on 127.0.0.1 (0: any free port).
        public var salesforcePort: Int
        /// Port of the SAP simulator (0: any free port).
        public var sapPort: Int
        /// Port of the Zoho Books simulator (0: any free port).
        public var zohoPort: Int
        /// Port of the Slack simulator (0: any free port).
        public var slackPort: Int
        /// Serve HTTPS with a generated certificate authority (its PEM written to `directory`).
        public var https: Bool
        /// Directory for the Salesforce private key (`salesforce-jwt-private-key.pem`, mode 0600) and, with HTTPS,
        /// the CA certificate (`sandbox-ca.pem`). `nil`: a fresh temporary directory, removed when the suite stops.
        public var directory: URL?
        /// `SAP_AUTH` in the environment lines.
        public var sapAuth: SAPAuth
        /// The dataset; `nil`: the bundled `SeedDataset.bundled()`.
        public var seed: SeedDataset?
        /// The clock of all four; `nil`: the system clock.
        public var clock: (any SimulatorClock)?
        /// Salesforce configuration (its `certificatePEM` and `usesTLS` are replaced by the suite).
        public var salesforce: SalesforceSimulator.Configuration
        /// SAP configuration (`usesTLS` replaced).
        public var sap: SAPSimulator.Configuration
        /// Zoho Books configuration (`usesTLS` replaced).
        public var zoho: ZohoBooksSimulator.Configuration
        /// Slack configuration.
        public var slack: SlackSimulator.Configuration

        /// Creates a configuration: any free ports, plain HTTP, a temporary directory, Basic auth for SAP, the
        /// bundled seed, the system clock and every simulator's sandbox defaults.
        public init(
            salesforcePort: Int = 0, sapPort: Int = 0, zohoPort: Int = 0, slackPort: Int = 0, https: Bool = false,
            directory: URL? = nil, sapAuth: SAPAuth = .basic, seed: SeedDataset? = nil,
            clock: (any SimulatorClock)? = nil,
            salesforce: SalesforceSimulator.Configuration = .init(), sap: SAPSimulator.Configuration = .init(),
            zoho: ZohoBooksSimulator.Configuration = .init(), slack: SlackSimulator.Configuration = .init()
        ) {
            self.salesforcePort = salesforcePort
            self.sapPort = sapPort
            self.zohoPort = zohoPort
            self.slackPort = slackPort
            self.https = https
            self.directory = directory
            self.sapAuth = sapAuth
            self.seed = seed
            self.clock = clock
            self.salesforce = salesforce
            self.sap = sap
            self.zoho = zoho
            self.slack = slack
        }
    }
}
