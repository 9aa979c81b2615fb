import AsyncHTTPClient
import Foundation
import Logging
import SalesforceSimulator
import SimulatorKit
import SyncHTTP
@testable import SalesforceConnector

/// Runs a `SalesforceClient` against an in-process Salesforce simulator on 127.0.0.1, port 0.
enum SimulatorHarness {
    /// The simulator's clock start; the client's JWT `exp` uses the same clock.
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T…Z
    /// LastModifiedDate of seeded Opportunity i is `opportunityBase + i` seconds.
    static let opportunityBase = Date(timeIntervalSince1970: 1_793_000_000)
    static let wonCount = 450
    static let openCount = 5
    static let productCodes = ["P-100", "P-200", "P-300"]

    static func iso(_ date: Date) -> String {
        SalesforceDateTime.formatForSOQL(date)
    }

    /// The dataset: 3 products, 2 accounts (names needing escaping), 450 Closed Won and 5 open Opportunities,
    /// each with one line of 2 × 10.10 EUR.
    static func seed() throws -> SeedDataset {
        let products: [[String: Any]] = productCodes.map {
            ["code": $0, "name": "Product \($0)", "baseUnit": "PC", "listPrices": ["EUR": "10.10"], "stock": [],
             "lastChangeDateTime": "2026-11-01T00:00:00Z", "inSalesforce": true, "inSAP": true]
        }
        let accounts: [[String: Any]] = [
            ["key": "a1", "name": "Bob's BBQ & Søn", "street": "1 Main St", "city": "Zürich", "postalCode": "8001",
             "country": "CH", "existingZohoContact": false,
             "contacts": [["key": "c1", "firstName": "Ada", "lastName": "Quill", "email": "ada@example.com"]]],
            ["key": "a2", "name": "Müller GmbH", "street": "Hauptstr. 2", "city": "Berlin", "postalCode": "10115",
             "country": "DE", "existingZohoContact": false,
             "contacts": [["key": "c2", "firstName": "Bram", "lastName": "Oduya"]]],
        ]
        var opportunities: [[String: Any]] = []
        for index in 0..<(wonCount + openCount) {
            let won = index < wonCount
            opportunities.append([
                "key": "o\(index)", "account": index % 2 == 0 ? "a1" : "a2", "name": "Deal \(index)",
                "stage": won ? "Closed Won" : "Prospecting", "currency": "EUR", "closeDate": "2026-10-31",
                "lines": [["product": productCodes[index % 3], "quantity": "2", "unitPrice": "10.10"]],
                "contactRoles": [index % 2 == 0 ? "c1" : "c2"],
                "lastModified": iso(opportunityBase.addingTimeInterval(Double(index))),
            ])
        }
        let dataset: [String: Any] = [
            "organization": ["name": "Test Org", "multiCurrency": true, "defaultCurrency": "EUR",
                             "currencies": ["EUR", "USD"], "timeZone": "UTC", "zohoOrganizationId": "1"],
            "plants": [], "products": products, "accounts": accounts, "opportunities": opportunities,
        ]
        return try SeedDataset.decode(from: JSONSerialization.data(withJSONObject: dataset))
    }

    struct NoSleep: Sleeper {
        func sleep(for duration: Duration) async throws {}
    }

    struct Context: Sendable {
        let simulator: SalesforceSimulator
        let clock: ManualSimulatorClock
        let baseURL: String
        let client: SalesforceClient
        let httpClient: HTTPClient
    }

    static let logger = Logger(label: "SalesforceConnectorTests") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a simulator, builds a client for it, runs `body`, then shuts everything down.
    static func run<R: Sendable>(
        simulator configuration: SalesforceSimulator.Configuration = .init(),
        clientID: String = SalesforceSimulator.Configuration().clientId,
        _ body: @Sendable (Context) async throws -> R
    ) async throws -> R {
        let clock = ManualSimulatorClock(start)
        let simulator = SalesforceSimulator(configuration: configuration, seed: try seed(), clock: clock)
        return try await withSimulatorServer(router: simulator.buildRouter(), logger: logger) { baseURL in
            var http = HTTPTransport.Configuration()
            http.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(1))
            let httpClient = try makeHTTPClient(configuration: http)
            do {
                let client = try SalesforceClient(
                    configuration: .init(
                        loginURL: baseURL, clientID: clientID, username: configuration.username,
                        privateKeyPEM: SalesforceSandboxCredentials.privateKeyPEM, multiCurrency: true,
                        defaultCurrency: "EUR", queryBatchSize: 200, http: http),
                    httpClient: httpClient, logger: logger, sleeper: NoSleep(), now: { clock.now() })
                let result = try await body(Context(simulator: simulator, clock: clock, baseURL: baseURL, client: client, httpClient: httpClient))
                try await httpClient.shutdown()
                return result
            } catch {
                try? await httpClient.shutdown()
                throw error
            }
        }
    }
}
