import Foundation
import SyncCore
import SyncService
import Testing

@Suite struct AppConfigurationTests {
    let complete: [String: String] = [
        "SF_CLIENT_ID": "3MVG9example", "SF_USERNAME": "integration@example.com", "SF_PRIVATE_KEY_PATH": "/keys/sf.pem",
        "SAP_BASE_URL": "https://my123456-api.s4hana.cloud.sap", "SAP_USERNAME": "COMM_USER", "SAP_PASSWORD": "pw-secret-1",
        "ZOHO_CLIENT_ID": "1000.ABC", "ZOHO_CLIENT_SECRET": "zoho-secret-2", "ZOHO_REFRESH_TOKEN": "1000.refresh-3",
        "ZOHO_ORG_ID": "10234695",
    ]

    @Test func load_completeEnvironment_appliesDefaults() async throws {
        let configuration = try await AppConfiguration.load(environment: complete, envFile: "/nonexistent/.env")
        #expect(configuration.salesforce.loginURL == "https://login.salesforce.com")
        #expect(configuration.salesforce.modstampField == .lastModifiedDate)
        #expect(configuration.statePath == "state/crm-sync.sqlite")
        #expect(configuration.engine.settings.lowStockThreshold == 10)
        #expect(configuration.intervals[.stock] == 3600)
        #expect(configuration.intervals[.orders] == 60)
        #expect(configuration.retryAttempts == 3)
        #expect(configuration.zoho.requestsPerMinute == 100)
        guard case .basic(let user, let password) = configuration.sap.auth else { Issue.record("not basic"); return }
        #expect(user == "COMM_USER")
        #expect("\(password)" == "[redacted]")
    }

    @Test func load_missingAndInvalidValues_areAllNamedAtOnce() async throws {
        var environment = complete
        environment["SF_CLIENT_ID"] = nil
        environment["ZOHO_ORG_ID"] = ""
        environment["CRMSYNC_LOW_STOCK_THRESHOLD"] = "ten"
        environment["SF_MODSTAMP_FIELD"] = "CreatedDate"
        do {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
            Issue.record("expected a configuration error")
        } catch let error as SyncError {
            #expect(error.code == .configuration)
            for name in ["SF_CLIENT_ID", "ZOHO_ORG_ID", "CRMSYNC_LOW_STOCK_THRESHOLD", "SF_MODSTAMP_FIELD"] {
                #expect(error.message.contains(name), "\(name) not named")
            }
            for secret in ["pw-secret-1", "zoho-secret-2", "1000.refresh-3"] { #expect(!error.description.contains(secret)) }
        }
    }

    @Test func load_readsEnvFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(".env")
        let lines = complete.map { "\($0.key)=\($0.value)" } + ["CRMSYNC_LOW_STOCK_THRESHOLD=25.5", "SAP_AUTH=oauth",
            "SAP_TOKEN_URL=https://sub.authentication.eu10.hana.ondemand.com/oauth/token", "SAP_CLIENT_ID=sb-client", "SAP_CLIENT_SECRET=s"]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let configuration = try await AppConfiguration.load(environment: [:], envFile: file.path)
        #expect(configuration.engine.settings.lowStockThreshold == Decimal(string: "25.5"))
        guard case .oauthClientCredentials(let url, let client, _) = configuration.sap.auth else { Issue.record("not oauth"); return }
        #expect(url == "https://sub.authentication.eu10.hana.ondemand.com/oauth/token")
        #expect(client == "sb-client")
    }

    @Test func load_envFileAsTheSandboxPrintsIt_quotesExportAndComments() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("sandbox.env")
        var lines = complete.map { "\($0.key)='\($0.value)'" }
        lines += ["# a comment", "", "export SAP_AUTH=\"basic\"", "SAP_CLIENT_ID='sb-crmsync!t1010'", "SF_USERNAME='o'\\''brien@example.com'"]
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let configuration = try await AppConfiguration.load(environment: [:], envFile: file.path, envFileRequired: true)
        #expect(configuration.salesforce.username == "o'brien@example.com")
        #expect(configuration.zoho.organizationID == "10234695")
        guard case .basic(let user, _) = configuration.sap.auth else { Issue.record("not basic"); return }
        #expect(user == "COMM_USER")
    }

    @Test func load_missingEnvFileGivenByTheUser_isAConfigurationError() async throws {
        await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: complete, envFile: "/nonexistent/given.env", envFileRequired: true)
        }
    }
}
