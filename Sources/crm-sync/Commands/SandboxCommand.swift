import ArgumentParser
import Foundation
import Logging
import Simulators
import SyncService
import UnixSignals

/// `crm-sync sandbox`: the four simulators on 127.0.0.1, with the environment lines that point CRMSync at them.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Start local simulators of Salesforce, SAP S/4HANA, Zoho Books and Slack.",
        discussion: """
            Once all four listen, prints the configuration lines (SF_LOGIN_URL=..., SAP_BASE_URL=..., ...) on \
            standard output, then serves until Ctrl-C or SIGTERM. The lines hold the sandbox's own credentials; \
            they are not secrets of any real system.

            Examples:
              crm-sync sandbox > sandbox.env            # then, in another shell: crm-sync sync --once --env-file sandbox.env
              crm-sync sandbox --https --salesforce-port 8443
            """)

    @Option(help: "Port of the Salesforce simulator (0: any free port).") var salesforcePort = 0
    @Option(help: "Port of the SAP simulator.") var sapPort = 0
    @Option(help: "Port of the Zoho Books simulator.") var zohoPort = 0
    @Option(help: "Port of the Slack simulator.") var slackPort = 0
    @Flag(help: "Serve HTTPS with a generated certificate authority, written to the --directory.") var https = false
    @Option(help: "Where the sandbox writes the Salesforce private key (and CA). Default: state/sandbox.")
    var directory = "state/sandbox"
    @Option(help: "SAP authentication the lines configure: basic or oauth.") var sapAuth = "basic"

    func validate() throws {
        guard SimulatorSuite.SAPAuth(rawValue: sapAuth) != nil else { throw ValidationError("--sap-auth must be basic or oauth") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, format: .logfmt, logLevel: .notice) }
        var configuration = SimulatorSuite.Configuration()
        configuration.salesforcePort = salesforcePort
        configuration.sapPort = sapPort
        configuration.zohoPort = zohoPort
        configuration.slackPort = slackPort
        configuration.https = https
        configuration.directory = URL(fileURLWithPath: directory)
        configuration.sapAuth = SimulatorSuite.SAPAuth(rawValue: sapAuth) ?? .basic
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        do {
            try await withSimulators(configuration, logger: Logger(label: "crm-sync.sandbox")) { running in
                print(running.shellLines.joined(separator: "\n"))
                fflush(nil)
                for await _ in signals { break }
            }
        } catch {
            throw failure(error)
        }
    }
}
