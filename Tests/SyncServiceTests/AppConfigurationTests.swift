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
        #expect(configuration.engine.dealConcurrency == 4)
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

@Suite struct AppConfigurationValidationTests {
    let complete = AppConfigurationTests().complete

    func problem(_ extra: [String: String]) async -> SyncError? {
        do {
            _ = try await AppConfiguration.load(environment: complete.merging(extra) { _, new in new }, envFile: "/nonexistent/.env")
            return nil
        } catch {
            return error as? SyncError
        }
    }

    /// swift-log's levels are trace, debug, info, notice, warning, error, critical (any case).
    @Test func logLevel_isValidated() async throws {
        let error = try #require(await problem(["CRMSYNC_LOG_LEVEL": "verbose"]))
        #expect(error.code == .configuration)
        #expect(error.message.contains("CRMSYNC_LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical"))
        let fine = try await AppConfiguration.load(environment: complete.merging(["CRMSYNC_LOG_LEVEL": "WARNING"]) { _, b in b }, envFile: "/nonexistent/.env")
        #expect(fine.logLevel == "warning")
    }

    /// Salesforce versions are `NN.0`; sObject Collections need 42.0 or later; the URL's `v` is not part of it.
    @Test(arguments: ["v60.0", "60", "60.1", "41.0", "sixty", "+60.0"])
    func sfAPIVersion_rejectsMalformed(value: String) async throws {
        let error = try #require(await problem(["SF_API_VERSION": value]))
        #expect(error.message.contains("SF_API_VERSION must be a Salesforce API version such as 60.0"))
    }

    /// 1 applies deals one by one; more than 16 Accounts side by side would only queue behind the HTTP limits.
    @Test(arguments: ["0", "17", "four", "-1"])
    func dealConcurrency_outsideOneToSixteen_isRejected(value: String) async throws {
        let error = try #require(await problem(["CRMSYNC_DEAL_CONCURRENCY": value]))
        #expect(error.message.contains("CRMSYNC_DEAL_CONCURRENCY"))
    }

    @Test func dealConcurrency_isRead() async throws {
        let configuration = try await AppConfiguration.load(environment: complete.merging(["CRMSYNC_DEAL_CONCURRENCY": "1"]) { _, b in b }, envFile: "/nonexistent/.env")
        #expect(configuration.engine.dealConcurrency == 1)
    }

    /// The Zoho token file: `off`, a path as given, else beside the SQLite state file, or `state/` with PostgreSQL.
    @Test(arguments: [
        (["ZOHO_TOKEN_CACHE": "off"], nil),
        (["ZOHO_TOKEN_CACHE": "/var/lib/crm-sync/token.json"], "/var/lib/crm-sync/token.json"),
        (["CRMSYNC_STATE_PATH": "/srv/sync/state.sqlite"], "/srv/sync/zoho-token.json"),
        (["STATE_URL": "postgres://crm@db.internal/crm"], "state/zoho-token.json"),
    ] as [([String: String], String?)])
    func zohoTokenCache_path(extra: [String: String], expected: String?) async throws {
        let configuration = try await AppConfiguration.load(environment: complete.merging(extra) { _, b in b }, envFile: "/nonexistent/.env")
        #expect(configuration.zohoTokenCachePath == expected)
    }

    @Test func sfAPIVersion_acceptsVersions() async throws {
        let configuration = try await AppConfiguration.load(environment: complete.merging(["SF_API_VERSION": "62.0"]) { _, b in b }, envFile: "/nonexistent/.env")
        #expect(configuration.salesforce.apiVersion == "62.0")
    }
}
