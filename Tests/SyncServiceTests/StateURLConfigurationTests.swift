import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

/// `STATE_URL` chooses the PostgreSQL state store; its password never shows.
@Suite struct StateURLConfigurationTests {
    let complete: [String: String] = [
        "SF_CLIENT_ID": "3MVG9example", "SF_USERNAME": "integration@example.com", "SF_PRIVATE_KEY_PATH": "/keys/sf.pem",
        "SAP_BASE_URL": "https://my123456-api.s4hana.cloud.sap", "SAP_USERNAME": "COMM_USER", "SAP_PASSWORD": "pw-secret-1",
        "ZOHO_CLIENT_ID": "1000.ABC", "ZOHO_CLIENT_SECRET": "zoho-secret-2", "ZOHO_REFRESH_TOKEN": "1000.refresh-3",
        "ZOHO_ORG_ID": "10234695",
    ]

    @Test func unset_choosesTheSQLiteFile() async throws {
        let configuration = try await AppConfiguration.load(environment: complete, envFile: "/nonexistent/.env")
        #expect(configuration.stateURL == nil)
        guard case .sqlite(let path) = try configuration.stateLocation() else { Issue.record("not SQLite"); return }
        #expect(path == "state/crm-sync.sqlite")
    }

    @Test func postgresURL_choosesPostgreSQL_andIsRedacted() async throws {
        var environment = complete
        environment["STATE_URL"] = "postgresql://crm:db-pass-4@db.internal:6432/crm_sync?sslmode=require"
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        #expect("\(String(describing: configuration.stateURL))".contains("db-pass-4") == false)
        guard case .postgreSQL(let location) = try configuration.stateLocation() else { Issue.record("not PostgreSQL"); return }
        #expect(location.host == "db.internal")
        #expect(location.port == 6432)
        #expect(location.database == "crm_sync")
        #expect(location.tlsMode == .require)
        #expect(try configuration.stateLocation().description == "postgres://crm@db.internal:6432/crm_sync")
    }

    @Test func invalidURL_isAConfigurationProblem_withoutItsValue() async throws {
        var environment = complete
        environment["STATE_URL"] = "mysql://crm:db-pass-4@db.internal/crm_sync"
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("STATE_URL") == true)
        #expect(error?.message.contains("db-pass-4") == false)
    }

    @Test func readOnlyCommands_getTheSameLocation() async throws {
        let location = try await AppConfiguration.stateLocation(
            environment: ["STATE_URL": "postgres://crm:db-pass-4@db.internal/crm_sync"], envFile: "/nonexistent/.env",
            statePath: "ignored.sqlite")
        #expect(location.backendName == "postgresql")
        let file = try await AppConfiguration.stateLocation(environment: [:], envFile: "/nonexistent/.env", statePath: "x/y.sqlite")
        #expect(file.description == "x/y.sqlite")
    }
}
