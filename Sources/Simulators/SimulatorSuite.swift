import Foundation
import SAPSimulator
import SalesforceSimulator
import SimulatorKit
import SlackSimulator
import ZohoBooksSimulator

/// The four simulators (Salesforce, SAP S/4HANA, Zoho Books, Slack) built from one seed dataset and one clock.
///
/// Creating the suite generates the RSA key pair and self-signed certificate of the Salesforce connected app (the
/// JWT bearer flow): the certificate goes into the Salesforce simulator's configuration (`certificatePEM`), the
/// private key is kept in `signingIdentity` for `withSimulators` to write to `SF_PRIVATE_KEY_PATH`. Start the
/// suite with `withSimulators`, or serve each `buildRouter()` yourself.
public final class SimulatorSuite: Sendable {
    /// The Salesforce org.
    public let salesforce: SalesforceSimulator
    /// The SAP S/4HANA system.
    public let sap: SAPSimulator
    /// The Zoho Books organization.
    public let zoho: ZohoBooksSimulator
    /// The Slack incoming webhook.
    public let slack: SlackSimulator
    /// The connected app's key pair and certificate (the private key is a secret).
    public let signingIdentity: RSASigningIdentity
    /// The configuration the suite was built from.
    public let configuration: Configuration

    /// Builds the four simulators from `seed`, all reading `clock`.
    ///
    /// Each simulator gets its configuration from `configuration` with `usesTLS` set from `configuration.https`;
    /// the Salesforce one also gets the generated certificate.
    /// - Throws: key or certificate generation errors (not expected).
    public init(configuration: Configuration = Configuration(), seed: SeedDataset, clock: any SimulatorClock) throws {
        self.configuration = configuration
        signingIdentity = try RSASigningIdentity()
        var salesforceConfiguration = configuration.salesforce
        salesforceConfiguration.certificatePEM = signingIdentity.certificatePEM
        salesforceConfiguration.usesTLS = configuration.https
        var sapConfiguration = configuration.sap
        sapConfiguration.usesTLS = configuration.https
        var zohoConfiguration = configuration.zoho
        zohoConfiguration.usesTLS = configuration.https
        salesforce = SalesforceSimulator(configuration: salesforceConfiguration, seed: seed, clock: clock)
        sap = SAPSimulator(configuration: sapConfiguration, seed: seed, clock: clock)
        zoho = ZohoBooksSimulator(configuration: zohoConfiguration, seed: seed, clock: clock)
        slack = SlackSimulator(configuration: configuration.slack, clock: clock)
    }
}
