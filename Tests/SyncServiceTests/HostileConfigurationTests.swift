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

/// URL settings are checked when the configuration loads, so a typo stops the run with exit 3, not in mid-pass.
@Suite struct URLConfigurationTests {
    let complete: [String: String] = [
        "SF_CLIENT_ID": "3MVG9example", "SF_USERNAME": "integration@example.com", "SF_PRIVATE_KEY_PATH": "/keys/sf.pem",
        "SAP_BASE_URL": "https://my123456-api.s4hana.cloud.sap", "SAP_USERNAME": "COMM_USER", "SAP_PASSWORD": "pw-secret-1",
        "ZOHO_CLIENT_ID": "1000.ABC", "ZOHO_CLIENT_SECRET": "zoho-secret-2", "ZOHO_REFRESH_TOKEN": "1000.refresh-3",
        "ZOHO_ORG_ID": "10234695",
    ]

    @Test(arguments: [("SAP_BASE_URL", "ftp://my123456-api.s4hana.cloud.sap"), ("SF_LOGIN_URL", "login.salesforce.com"),
                      ("SLACK_WEBHOOK_URL", "hooks.slack.com/services/T0/B0/secret-token-9"), ("ZOHO_ACCOUNTS_URL", "https:///oauth/v2")])
    func notAnHTTPURL_isRejectedByName_withoutItsValue(name: String, value: String) async throws {
        var environment = complete
        environment[name] = value
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("\(name) must be an http(s) URL") == true)
        #expect(error?.message.contains(value) == false)
    }

    @Test func truncatedJSONConfigFile_isOneReadableLine() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-\(UUID().uuidString).json")
        try Data(#"{"sf": {"#.utf8).write(to: file)
        var environment = complete
        environment["CRMSYNC_CONFIG_FILE"] = file.path
        let error = await #expect(throws: SyncError.self) {
            _ = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        }
        #expect(error?.code == .configuration)
        #expect(error?.message.hasPrefix("Cannot read CRMSYNC_CONFIG_FILE \(file.path): ") == true)
        #expect(error?.message.contains("NSCocoaErrorDomain") == false)
        #expect(error?.message.contains("\n") == false)
    }

    @Test func zohoDataCenter_inCapitals_isTheSameDataCenter() async throws {
        var environment = complete
        environment["ZOHO_DC"] = "EU"
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        #expect(configuration.zoho.dataCenter == "eu")
    }

    @Test func httpsAndLoopbackURLs_areAccepted() async throws {
        var environment = complete
        environment["SF_LOGIN_URL"] = "http://127.0.0.1:43725"
        environment["SLACK_WEBHOOK_URL"] = "https://hooks.slack.com/services/T0/B0/secret-token-9"
        let configuration = try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
        #expect(configuration.salesforce.loginURL == "http://127.0.0.1:43725")
    }
}

/// Inline comments in env files, as docker compose and python-dotenv read them.
@Suite struct DotEnvInlineCommentTests {
    @Test func unquotedValue_endsBeforeSpaceHash_quotedValueKeepsIt() throws {
        let values = try DotEnvFile.parse(
            "ZOHO_DC=eu # Europe\nSAP_PASSWORD='pa #ss'\nSF_CLIENT_ID=abc#def\nSAP_USERNAME=\"COMM_USER\" # prod\n", file: "x.env")
        #expect(values == ["ZOHO_DC": "eu", "SAP_PASSWORD": "pa #ss", "SF_CLIENT_ID": "abc#def", "SAP_USERNAME": "COMM_USER"])
    }
}
