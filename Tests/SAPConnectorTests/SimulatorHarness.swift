import AsyncHTTPClient
import Foundation
import Logging
import SAPSimulator
import SimulatorKit
import Synchronization
import SyncHTTP
@testable import SAPConnector

/// A sleeper that returns at once and records what it was asked to wait.
final class RecordingSleeper: Sleeper {
    private let recorded = Mutex<[Duration]>([])
    var sleeps: [Duration] { recorded.withLock { $0 } }
    func sleep(for duration: Duration) async throws {
        recorded.withLock { $0.append(duration) }
    }
}

/// Runs the SAP simulator in-process on 127.0.0.1 (port 0) and builds clients against it.
enum SimulatorHarness {
    /// Quiet: the server logs its own shutdown at error level.
    static let logger: Logger = {
        var logger = Logger(label: "test.sap.e2e")
        logger.logLevel = .critical
        return logger
    }()
    static let start = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28

    /// Seed: three SAP materials with stock buckets in two plants (5 buckets), one product not in SAP, one
    /// account with the existing Business Partner 1000001 (customer in sales area 1010/10/00).
    static let seed: SeedDataset = {
        let json = """
        {"organization":{"name":"Test","multiCurrency":false,"defaultCurrency":"EUR","currencies":["EUR"],
          "timeZone":"UTC","zohoOrganizationId":"1"},
         "plants":[{"plant":"1010","name":"Hamburg","storageLocations":["0001","0002"]},
                   {"plant":"1020","name":"Berlin","storageLocations":["0001"]}],
         "products":[
          {"code":"TG11","name":"Gear TG11","baseUnit":"PC","listPrices":{"EUR":"12.50"},"lastChangeDateTime":"2026-01-10T08:00:00Z",
           "inSalesforce":true,"inSAP":true,"stock":[{"plant":"1010","storageLocation":"0001","quantity":"100"},
            {"plant":"1010","storageLocation":"0002","quantity":"25.5"},{"plant":"1020","storageLocation":"0001","quantity":"7"}]},
          {"code":"TG12","name":"Shaft TG12","baseUnit":"PC","listPrices":{"EUR":"100.00"},"lastChangeDateTime":"2026-02-01T09:30:00Z",
           "inSalesforce":true,"inSAP":true,"stock":[{"plant":"1010","storageLocation":"0001","quantity":"3"}]},
          {"code":"TG13","name":"Grease TG13","baseUnit":"KG","listPrices":{"EUR":"4.00"},"lastChangeDateTime":"2026-03-05T12:00:00Z",
           "inSalesforce":true,"inSAP":true,"stock":[{"plant":"1020","storageLocation":"0001","quantity":"0.125"}]},
          {"code":"SF-ONLY","name":"Service","baseUnit":"PC","listPrices":{"EUR":"1.00"},"lastChangeDateTime":"2026-03-05T12:00:00Z",
           "inSalesforce":true,"inSAP":false,"stock":[]}],
         "accounts":[{"key":"acme","name":"Acme Industrial GmbH","street":"Hafenstrasse 1","city":"Hamburg",
           "postalCode":"20457","country":"DE","contacts":[],"existingSAPBusinessPartner":"1000001","existingZohoContact":false}],
         "opportunities":[]}
        """
        return try! SeedDataset.decode(from: Data(json.utf8))
    }()

    /// What a test gets: the running simulator, its base URL and clock, and a client factory.
    struct Environment: Sendable {
        let simulator: SAPSimulator
        let baseURL: String
        let clock: ManualSimulatorClock
        let httpClient: HTTPClient
        let http: HTTPTransport.Configuration

        /// A client with Basic (the simulator's sandbox user) or the given authentication.
        func client(_ auth: SAPClient.Configuration.Authentication? = nil, pageSize: Int = 1000) -> SAPClient {
            SAPClient(
                configuration: .init(
                    baseURL: baseURL,
                    authentication: auth ?? .basic(username: "CRMSYNC_COMM", password: "sandbox-sap-password"),
                    sapClient: "100", pageSize: pageSize, http: http),
                httpClient: httpClient, logger: SimulatorHarness.logger, sleeper: RecordingSleeper())
        }
    }

    /// Starts a simulator, hands `body` the environment, and shuts everything down.
    static func run(
        simulator configuration: SAPSimulator.Configuration = .init(),
        _ body: @Sendable (Environment) async throws -> Void
    ) async throws {
        let clock = ManualSimulatorClock(start)
        let simulator = SAPSimulator(configuration: configuration, seed: seed, clock: clock)
        var http = HTTPTransport.Configuration()
        http.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5))
        let httpClient = try makeHTTPClient(configuration: http)
        let configured = http
        do {
            try await withSimulatorServer(router: simulator.buildRouter(), logger: logger) { (baseURL: String) in
                try await body(Environment(
                    simulator: simulator, baseURL: baseURL, clock: clock, httpClient: httpClient, http: configured))
            }
        } catch {
            try await httpClient.shutdown()
            throw error
        }
        try await httpClient.shutdown()
    }
}
