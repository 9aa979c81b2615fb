import Configuration
import Foundation
import Logging
import SyncCore
import SystemPackage

extension AppConfiguration {
    /// The names of secret settings, redacted by swift-configuration's providers too.
    static let secretNames: Set<String> = [
        "SAP_CLIENT_SECRET", "SAP_PASSWORD", "ZOHO_CLIENT_SECRET", "ZOHO_REFRESH_TOKEN", "SLACK_WEBHOOK_URL",
        "STATE_URL",
    ]

    /// Reads the configuration: the process environment first, then a `.env` file (default `./.env`, missing is
    /// fine unless `envFileRequired`), then a JSON file (`CRMSYNC_CONFIG_FILE`, keys nested by the name's parts in lower case:
    /// `{"sf": {"client": {"id": "..."}}}` for `SF_CLIENT_ID`).
    ///
    /// Every missing or invalid value is reported at once, by name, before any work starts.
    /// - Parameters:
    ///   - environment: the variables to read (default: the process environment).
    ///   - envFile: the `.env` path.
    /// - Throws: `SyncError` `.configuration` listing each missing or invalid name.
    public static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment, envFile: String = ".env",
        envFileRequired: Bool = false
    ) async throws -> AppConfiguration {
        try AppConfiguration(reader: try await reader(environment: environment, envFile: envFile, envFileRequired: envFileRequired))
    }

    /// Only the state store path (`CRMSYNC_STATE_PATH`, default `state/crm-sync.sqlite`), for the commands that
    /// read the state store and call no system (`status`, `dead-letters list|show|discard`).
    public static func statePath(
        environment: [String: String] = ProcessInfo.processInfo.environment, envFile: String = ".env",
        envFileRequired: Bool = false
    ) async throws -> String {
        let reader = try await reader(environment: environment, envFile: envFile, envFileRequired: envFileRequired)
        return ConfigurationProblems(reader: reader).optional("CRMSYNC_STATE_PATH") ?? "state/crm-sync.sqlite"
    }

    /// The providers in order: process environment, `.env` file, JSON file.
    static func reader(environment: [String: String], envFile: String, envFileRequired: Bool) async throws -> ConfigReader {
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: environment, secretsSpecifier: .specific(secretNames))
        ]
        providers.append(EnvironmentVariablesProvider(
            environmentVariables: try DotEnvFile.read(envFile, required: envFileRequired), secretsSpecifier: .specific(secretNames)))
        if let file = environment["CRMSYNC_CONFIG_FILE"] {
            do {
                providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
            } catch {
                // Foundation's JSON errors print as an NSError dump; their debug description is the readable part.
                let why = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
                throw SyncError(code: .configuration, system: .configuration, message: "Cannot read CRMSYNC_CONFIG_FILE \(file): \(why)")
            }
        }
        return ConfigReader(providers: providers)
    }

    init(reader: ConfigReader) throws {
        var problems = ConfigurationProblems(reader: reader)
        let p = problems
        let sfModstamp = p.optional("SF_MODSTAMP_FIELD") ?? ModstampField.lastModifiedDate.rawValue
        if ModstampField(rawValue: sfModstamp) == nil {
            problems.invalid("SF_MODSTAMP_FIELD", "must be LastModifiedDate or SystemModstamp")
        }
        salesforce = Salesforce(
            loginURL: p.optional("SF_LOGIN_URL") ?? "https://login.salesforce.com",
            clientID: problems.required("SF_CLIENT_ID"),
            username: problems.required("SF_USERNAME"),
            privateKeyPath: problems.required("SF_PRIVATE_KEY_PATH"),
            apiVersion: problems.salesforceAPIVersion("SF_API_VERSION", default: "60.0"),
            multiCurrency: problems.bool("SF_MULTI_CURRENCY", default: false),
            modstampField: ModstampField(rawValue: sfModstamp) ?? .lastModifiedDate)

        let sapAuthKind = p.optional("SAP_AUTH") ?? (p.optional("SAP_TOKEN_URL") == nil ? "basic" : "oauth")
        let sapAuth: SAP.Auth
        switch sapAuthKind {
        case "oauth":
            sapAuth = .oauthClientCredentials(
                tokenURL: problems.required("SAP_TOKEN_URL"), clientID: problems.required("SAP_CLIENT_ID"),
                clientSecret: Secret(problems.required("SAP_CLIENT_SECRET")))
        default:
            if sapAuthKind != "basic" { problems.invalid("SAP_AUTH", "must be basic or oauth") }
            sapAuth = .basic(username: problems.required("SAP_USERNAME"), password: Secret(problems.required("SAP_PASSWORD")))
        }
        sap = SAP(
            baseURL: problems.required("SAP_BASE_URL"), auth: sapAuth, sapClient: p.optional("SAP_CLIENT"),
            companyCode: p.optional("SAP_COMPANY_CODE") ?? "1010")

        zoho = Zoho(
            dataCenter: p.optional("ZOHO_DC")?.lowercased() ?? "us", accountsURL: p.optional("ZOHO_ACCOUNTS_URL"),
            clientID: problems.required("ZOHO_CLIENT_ID"), clientSecret: Secret(problems.required("ZOHO_CLIENT_SECRET")),
            refreshToken: Secret(problems.required("ZOHO_REFRESH_TOKEN")), organizationID: problems.required("ZOHO_ORG_ID"),
            requestsPerMinute: problems.int("ZOHO_REQUESTS_PER_MINUTE", default: 100, range: 1...1_000_000),
            tokenCache: p.optional("ZOHO_TOKEN_CACHE"))
        slackWebhookURL = p.optional("SLACK_WEBHOOK_URL").map(Secret.init)
        statePath = p.optional("CRMSYNC_STATE_PATH") ?? "state/crm-sync.sqlite"
        stateURL = p.optional("STATE_URL").map(Secret.init)
        if let problem = Self.stateURLProblem(stateURL) { problems.invalid("STATE_URL", problem) }
        trustedCAFile = p.optional("CRMSYNC_TRUSTED_CA_FILE")
        replicaID = p.optional("CRMSYNC_REPLICA_ID") ?? ReplicaIdentity.defaultID()

        let defaultCurrency = (p.optional("CRMSYNC_DEFAULT_CURRENCY") ?? "EUR").uppercased()
        if !ISO4217.common.contains(defaultCurrency) {
            problems.invalid("CRMSYNC_DEFAULT_CURRENCY", "'\(defaultCurrency)' is not an ISO 4217 code")
        }
        let settings = SyncSettings(
            salesArea: SalesArea(
                salesOrganization: p.optional("SAP_SALES_ORGANIZATION") ?? "1010",
                distributionChannel: p.optional("SAP_DISTRIBUTION_CHANNEL") ?? "10",
                division: p.optional("SAP_DIVISION") ?? "00",
                salesOrderType: p.optional("SAP_ORDER_TYPE") ?? "OR"),
            businessPartnerGrouping: p.optional("SAP_BP_GROUPING") ?? "BP02",
            language: p.optional("SAP_LANGUAGE") ?? "EN",
            priceConditionType: p.optional("SAP_PRICE_CONDITION_TYPE") ?? "PPR0",
            defaultUnit: p.optional("CRMSYNC_DEFAULT_UNIT") ?? "PC",
            defaultCurrency: defaultCurrency,
            paymentTermsDays: problems.int("ZOHO_PAYMENT_TERMS_DAYS", default: 30, range: 0...365),
            lowStockThreshold: problems.decimal("CRMSYNC_LOW_STOCK_THRESHOLD", default: 10))
        engine = EngineConfiguration(
            settings: settings, modstampField: salesforce.modstampField,
            overlapSeconds: TimeInterval(problems.int("CRMSYNC_OVERLAP_SECONDS", default: 300, range: 0...86_400)),
            stockFullReadIntervalSeconds: TimeInterval(problems.int("CRMSYNC_INTERVAL_STOCK", default: 3600, range: 1...86_400)),
            quotaGuardShare: Double(problems.int("CRMSYNC_QUOTA_GUARD_PERCENT", default: 80, range: 1...100)) / 100,
            dealConcurrency: problems.int("CRMSYNC_DEAL_CONCURRENCY", default: 4, range: 1...16))
        intervals = [
            .orders: TimeInterval(problems.int("CRMSYNC_INTERVAL_ORDERS", default: 60, range: 1...86_400)),
            .invoices: TimeInterval(problems.int("CRMSYNC_INTERVAL_INVOICES", default: 60, range: 1...86_400)),
            .payments: TimeInterval(problems.int("CRMSYNC_INTERVAL_PAYMENTS", default: 60, range: 1...86_400)),
            .stock: TimeInterval(problems.int("CRMSYNC_INTERVAL_STOCK", default: 3600, range: 1...86_400)),
        ]
        retryAttempts = problems.int("CRMSYNC_RETRY_ATTEMPTS", default: 3, range: 1...10)
        retryBaseSeconds = Double(problems.int("CRMSYNC_RETRY_BASE_MILLISECONDS", default: 2000, range: 1...60_000)) / 1000
        statusPort = problems.int("CRMSYNC_STATUS_PORT", default: 9464, range: 0...65_535)
        nightlyReconcileAt = problems.timeOfDay("CRMSYNC_NIGHTLY_RECONCILE_AT", default: "02:00")
        logFormat = p.optional("CRMSYNC_LOG_FORMAT") ?? "logfmt"
        if !["logfmt", "json"].contains(logFormat) { problems.invalid("CRMSYNC_LOG_FORMAT", "must be logfmt or json") }
        logLevel = p.optional("CRMSYNC_LOG_LEVEL")?.lowercased() ?? "info"
        for name in ["SF_LOGIN_URL", "SAP_BASE_URL", "SAP_TOKEN_URL", "ZOHO_ACCOUNTS_URL", "SLACK_WEBHOOK_URL"] {
            problems.httpURL(name)
        }
        if Logger.Level(rawValue: logLevel) == nil {
            problems.invalid("CRMSYNC_LOG_LEVEL", "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try problems.throwIfAny()
    }
}

/// Collects every missing or invalid setting so all are reported together.
struct ConfigurationProblems {
    let reader: ConfigReader
    private(set) var messages: [String] = []

    init(reader: ConfigReader) {
        self.reader = reader
    }

    /// The configuration key for an environment-style name: `SF_CLIENT_ID` -> `sf.client.id`.
    static func key(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: ".")
    }

    /// The value of a setting as text. A JSON config file's numbers and booleans are accepted as their text
    /// (`120`, `0.5`, `true`), so they are validated like the same value in the environment.
    func optional(_ name: String) -> String? {
        let key = ConfigKey(Self.key(name))
        let secret = AppConfiguration.secretNames.contains(name)
        let value = reader.string(forKey: key, isSecret: secret)
            ?? reader.int(forKey: key, isSecret: secret).map { String($0) }
            ?? reader.double(forKey: key, isSecret: secret).map { String($0) }
            ?? reader.bool(forKey: key, isSecret: secret).map { $0 ? "true" : "false" }
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value.trimmingCharacters(in: .whitespaces)
    }

    mutating func required(_ name: String) -> String {
        guard let value = optional(name) else {
            messages.append("\(name) is missing")
            return ""
        }
        return value
    }

    mutating func invalid(_ name: String, _ why: String) {
        messages.append("\(name) \(why)")
    }

    mutating func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
        guard let text = optional(name) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            // Whole-number settings are counts, seconds and ports, never secrets: the value is shown.
            invalid(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return fallback
        }
        return value
    }

    mutating func bool(_ name: String, default fallback: Bool) -> Bool {
        guard let text = optional(name)?.lowercased() else { return fallback }
        switch text {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            invalid(name, "must be true or false")
            return fallback
        }
    }

    mutating func decimal(_ name: String, default fallback: Decimal) -> Decimal {
        guard let text = optional(name) else { return fallback }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0 else {
            invalid(name, "must be a number of zero or more")
            return fallback
        }
        return value
    }

    /// A Salesforce REST API version such as `60.0`: `NN.0` from 42.0 on (sObject Collections, which the write-backs
    /// use, exist from API version 42.0), written without the leading `v` of the URL.
    mutating func salesforceAPIVersion(_ name: String, default fallback: String) -> String {
        guard let text = optional(name) else { return fallback }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1] == "0", let major = Int(parts[0]), parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), major >= 42 else {
            invalid(name, "must be a Salesforce API version such as 60.0 (42.0 or later, without the v)")
            return fallback
        }
        return text
    }

    /// Reports a set value that is not an absolute `http` or `https` URL with a host; never repeats the value (a
    /// Slack webhook URL is a secret). Unset values are left to `required`.
    mutating func httpURL(_ name: String) {
        guard let text = optional(name) else { return }
        guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
              let host = url.host, !host.isEmpty
        else {
            invalid(name, "must be an http(s) URL such as https://host/path")
            return
        }
    }

    /// A UTC time of day `HH:MM` (`HH` 0–23, `MM` 0–59) as `hour` and `minute`, or `nil` for `off`.
    mutating func timeOfDay(_ name: String, default fallback: String) -> DateComponents? {
        let text = optional(name) ?? fallback
        if text.lowercased() == "off" { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else {
            invalid(name, "must be HH:MM (UTC) or off")
            return DateComponents(hour: 2, minute: 0)
        }
        return DateComponents(hour: hour, minute: minute)
    }

    func throwIfAny() throws {
        guard !messages.isEmpty else { return }
        throw SyncError(
            code: .configuration, system: .configuration,
            message: "Configuration problems: " + messages.joined(separator: "; ") + ". See docs/configuration.md.")
    }
}
