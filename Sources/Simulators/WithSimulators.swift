import Foundation
import Logging
import SimulatorKit

/// Starts the four simulators on 127.0.0.1 for the duration of `body`, then stops them.
///
/// Builds a `SimulatorSuite` from `configuration.seed` (default: the bundled dataset) and `configuration.clock`
/// (default: the system clock), writes the Salesforce private key (mode 0600) and, with `https`, the generated
/// CA certificate into `configuration.directory` (default: a fresh temporary directory, removed afterwards), and
/// serves each simulator with `withSimulatorServer` on its configured port (0: any free port). `body` receives
/// the running suite with its base URLs and environment lines.
/// - Throws: the error of `body`; `SimulatorServerError.didNotStart` when a port cannot be bound; file-system
///   errors writing the key or CA files; `DecodingError` for a bad bundled dataset.
public func withSimulators<R: Sendable>(
    _ configuration: SimulatorSuite.Configuration = .init(), logger: Logger,
    _ body: @Sendable (RunningSimulators) async throws -> R
) async throws -> R {
    let seed = try configuration.seed ?? SeedDataset.bundled()
    let suite = try SimulatorSuite(configuration: configuration, seed: seed, clock: configuration.clock ?? SystemSimulatorClock())
    let files = try SandboxFiles(directory: configuration.directory)
    defer { files.removeIfTemporary() }
    let privateKeyPath = try files.write(suite.signingIdentity.privateKeyPEM, named: "salesforce-jwt-private-key.pem")

    var tls: SimulatorTLS?
    var trustedCAFile: String?
    if configuration.https {
        let authority = try CertificateAuthority()
        tls = try authority.issueServerCertificate()
        trustedCAFile = try files.write(authority.certificatePEM, named: "sandbox-ca.pem", permissions: 0o644)
    }
    let serverTLS = tls
    let caFile = trustedCAFile

    return try await withSimulatorServer(
        router: suite.salesforce.buildRouter(), port: configuration.salesforcePort, tls: serverTLS, logger: logger
    ) { salesforceURL in
        try await withSimulatorServer(
            router: suite.sap.buildRouter(), port: configuration.sapPort, tls: serverTLS, logger: logger
        ) { sapURL in
            try await withSimulatorServer(
                router: suite.zoho.buildRouter(), port: configuration.zohoPort, tls: serverTLS, logger: logger
            ) { zohoURL in
                try await withSimulatorServer(
                    router: suite.slack.buildRouter(), port: configuration.slackPort, tls: serverTLS, logger: logger
                ) { slackURL in
                    logger.info(
                        "Simulators listening",
                        metadata: [
                            "salesforce": "\(salesforceURL)", "sap": "\(sapURL)", "zoho": "\(zohoURL)",
                            "slack": "\(slackURL)",
                        ]
                    )
                    return try await body(
                        RunningSimulators(
                            suite: suite, salesforceURL: salesforceURL, sapURL: sapURL, zohoURL: zohoURL,
                            slackURL: slackURL, privateKeyPath: privateKeyPath, trustedCAFile: caFile
                        )
                    )
                }
            }
        }
    }
}
