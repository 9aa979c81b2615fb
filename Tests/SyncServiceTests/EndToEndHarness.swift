import Foundation
import Logging
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore

/// The product end to end: the four simulators on loopback and a runtime pointed at them through the same
/// environment names a user sets.
struct EndToEnd: Sendable {
    let running: RunningSimulators
    let runtime: SyncRuntime
    let seed: SeedDataset

    static let quietLogger = Logger(label: "crm-sync.test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts the simulators (bundled seed), builds the runtime on a fresh state file, runs `body`.
    static func run<R: Sendable>(
        extraEnvironment: [String: String] = [:], clock: (any SimulatorClock)? = nil,
        salesforceDailyLimit: Int? = nil, https: Bool = false,
        _ body: @Sendable (EndToEnd) async throws -> R
    ) async throws -> R {
        var configuration = SimulatorSuite.Configuration()
        configuration.clock = clock
        // Zoho's real limit (100 per minute) would make every test wait for minutes; the pacing itself is tested
        // in the connector's tests with a scaled-down window.
        configuration.zoho.requestsPerWindow = 6000
        configuration.zoho.dailyRequestLimit = 1_000_000
        if let salesforceDailyLimit { configuration.salesforce.dailyApiRequestLimit = salesforceDailyLimit }
        configuration.https = https
        let seed = try SeedDataset.bundled()
        configuration.seed = seed
        return try await withSimulators(configuration, logger: quietLogger) { (running: RunningSimulators) async throws -> R in
            let appConfiguration = try await Self.configuration(for: running, seed: seed, extra: extraEnvironment)
            let now: @Sendable () -> Date
            if let clock { now = { clock.now() } } else { now = { Date() } }
            return try await withSyncRuntime(configuration: appConfiguration, logger: quietLogger, now: now) { (runtime: SyncRuntime) async throws -> R in
                try await body(EndToEnd(running: running, runtime: runtime, seed: seed))
            }
        }
    }

    /// The configuration a user would set from the sandbox's lines, on a fresh state file.
    static func configuration(for running: RunningSimulators, seed: SeedDataset, extra: [String: String]) async throws -> AppConfiguration {
        var environment = running.environmentVariables
        environment["CRMSYNC_STATE_PATH"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-sync-e2e-\(UUID().uuidString)/state.sqlite").path
        environment["CRMSYNC_RETRY_BASE_MILLISECONDS"] = "5"
        environment["ZOHO_REQUESTS_PER_MINUTE"] = "6000"
        environment["SF_MULTI_CURRENCY"] = seed.organization.multiCurrency ? "true" : "false"
        environment["CRMSYNC_DEFAULT_CURRENCY"] = seed.organization.defaultCurrency
        for (key, value) in extra { environment[key] = value }
        return try await AppConfiguration.load(environment: environment, envFile: "/nonexistent/.env")
    }

    /// The Salesforce Id of a seeded Opportunity.
    func opportunityID(_ key: String) -> String {
        running.salesforce.seedId("opportunity:\(key)")!
    }
}

/// What the seed says about each Closed Won deal, read from the dataset (not from CRMSync's planners).
struct SeedDeal: Sendable {
    let opportunity: SeedDataset.Opportunity
    let account: SeedDataset.Account
    /// Every line names a product SAP knows, with a positive quantity, and the account has an address SAP takes.
    let sapCanTakeIt: Bool
    /// The deal has lines with positive quantities.
    let zohoCanTakeIt: Bool
    /// The first contact role's contact has an email.
    let hasEmail: Bool

    static func closedWon(in seed: SeedDataset) -> [SeedDeal] {
        let products = Dictionary(seed.products.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let accounts = Dictionary(seed.accounts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        return seed.opportunities.filter { $0.stage == "Closed Won" }.map { opportunity in
            let account = accounts[opportunity.account]!
            let linesOK = !opportunity.lines.isEmpty && opportunity.lines.allSatisfy { (Decimal(string: $0.quantity) ?? 0) > 0 }
            let productsInSAP = opportunity.lines.allSatisfy { products[$0.product]?.inSAP == true }
            let contacts = Dictionary(account.contacts.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            let primary = opportunity.contactRoles.first.flatMap { contacts[$0] }
            return SeedDeal(
                opportunity: opportunity, account: account,
                sapCanTakeIt: linesOK && productsInSAP && account.name.count <= 160,
                zohoCanTakeIt: linesOK && account.name.count <= 200,
                hasEmail: primary?.email != nil)
        }
    }
}
