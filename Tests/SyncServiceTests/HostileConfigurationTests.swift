import Foundation
import SyncCore
@testable import SyncService
import Testing

/// Env files as editors on other systems save them, and `STATE_URL` values that parse but cannot be right.
@Suite struct HostileConfigurationTests {
    @Test func crlfEnvFile_readsEveryLine_withoutCarriageReturns() throws {
        let values = try DotEnvFile.parse("SF_CLIENT_ID='3MVG9example'\r\nZOHO_DC=eu\r\n\r\n# note\r\nZOHO_ORG_ID=10234695\r\n", file: "x.env")
        #expect(values == ["SF_CLIENT_ID": "3MVG9example", "ZOHO_DC": "eu", "ZOHO_ORG_ID": "10234695"])
    }

    @Test func byteOrderMark_isNotPartOfTheFirstName() throws {
        let values = try DotEnvFile.parse("\u{FEFF}SF_CLIENT_ID=abc\nZOHO_DC=eu\n", file: "x.env")
        #expect(values["SF_CLIENT_ID"] == "abc")
        #expect(values.count == 2)
    }

    @Test func unclosedQuote_namesTheLineAndSetting_notTheValue() throws {
        let error = #expect(throws: SyncError.self) {
            _ = try DotEnvFile.parse("ZOHO_DC=eu\nSAP_PASSWORD=\"s3cret-value\n", file: "x.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("Line 2") == true)
        #expect(error?.message.contains("SAP_PASSWORD") == true)
        #expect(error?.message.contains("s3cret-value") == false)
    }

    @Test(arguments: ["postgres://crm:pw-5@db.internal:99999/crm", "postgres://crm:pw-5@db.internal:0/crm"])
    func portOutsideTCPRange_isAConfigurationProblem(url: String) async throws {
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.stateLocation(environment: ["STATE_URL": url], envFile: "/nonexistent/.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("STATE_URL is invalid: its port must be in 1...65535") == true)
        #expect(error?.message.contains("pw-5") == false)
    }

    @Test func unencodedSlashInPassword_hintsAtPercentEncoding_withoutTheValue() async throws {
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.stateLocation(
                environment: ["STATE_URL": "postgres://crm:pa/ss#7@db.internal/crm"], envFile: "/nonexistent/.env")
        }
        #expect(error?.message.contains("percent-encode") == true)
        #expect(error?.message.contains("pa/ss#7") == false)
    }
}
