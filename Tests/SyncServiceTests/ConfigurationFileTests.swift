import Foundation
import SyncCore
import SyncService
import Testing

/// The JSON config file's numbers and booleans, and `CRMSYNC_NIGHTLY_RECONCILE_AT` from `.env` and JSON.
@Suite struct ConfigurationFileTests {
    let complete: [String: String] = [
        "SF_CLIENT_ID": "3MVG9example", "SF_USERNAME": "integration@example.com", "SF_PRIVATE_KEY_PATH": "/keys/sf.pem",
        "SAP_BASE_URL": "https://my123456-api.s4hana.cloud.sap", "SAP_USERNAME": "COMM_USER", "SAP_PASSWORD": "pw-secret-1",
        "ZOHO_CLIENT_ID": "1000.ABC", "ZOHO_CLIENT_SECRET": "zoho-secret-2", "ZOHO_REFRESH_TOKEN": "1000.refresh-3",
        "ZOHO_ORG_ID": "10234695",
    ]

    func write(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func jsonNumbersAndBooleans_areRead() async throws {
        let file = try write("""
            {"crmsync": {"interval": {"orders": 120}, "quota": {"guard": {"percent": 50}},
                         "low": {"stock": {"threshold": 2.5}}, "nightly": {"reconcile": {"at": "03:30"}}},
             "sf": {"multi": {"currency": true}}}
            """, name: "crm-sync.json")
        var environment = complete
        environment["CRMSYNC_CONFIG_FILE"] = file
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        #expect(configuration.intervals[.orders] == 120)
        #expect(configuration.engine.quotaGuardShare == 0.5)
        #expect(configuration.engine.settings.lowStockThreshold == Decimal(string: "2.5"))
        #expect(configuration.salesforce.multiCurrency)
        #expect(configuration.nightlyReconcileAt == DateComponents(hour: 3, minute: 30))
    }

    @Test func jsonNumberOfTheWrongKind_isRejectedByName() async throws {
        let file = try write(#"{"crmsync": {"interval": {"orders": 1.5}}}"#, name: "crm-sync.json")
        var environment = complete
        environment["CRMSYNC_CONFIG_FILE"] = file
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("CRMSYNC_INTERVAL_ORDERS") == true)
    }

    @Test func nightlyReconcileAt_fromEnvFile_andOff_andInvalid() async throws {
        let envFile = try write("CRMSYNC_NIGHTLY_RECONCILE_AT=23:05\n", name: ".env")
        let fromFile = try await AppConfiguration.load(environment: complete, envFile: envFile)
        #expect(fromFile.nightlyReconcileAt == DateComponents(hour: 23, minute: 5))

        let defaulted = try await AppConfiguration.load(environment: complete, envFile: "/nonexistent/.env")
        #expect(defaulted.nightlyReconcileAt == DateComponents(hour: 2, minute: 0))

        var environment = complete
        environment["CRMSYNC_NIGHTLY_RECONCILE_AT"] = "off"
        #expect(try await AppConfiguration.load(environment: environment, envFile: envFile).nightlyReconcileAt == nil)

        environment["CRMSYNC_NIGHTLY_RECONCILE_AT"] = "25:00"
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        }
        #expect(error?.message.contains("CRMSYNC_NIGHTLY_RECONCILE_AT") == true)
    }
}
