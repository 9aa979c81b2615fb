import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SimulatorKit
import Synchronization
import SyncHTTP
import ZohoBooksSimulator
@testable import ZohoBooksConnector

/// Runs a `ZohoBooksClient` against an in-process Zoho Books simulator on 127.0.0.1 (port 0).
///
/// Time is virtual: the simulator runs on a `ManualSimulatorClock` and the client's sleeper advances that clock
/// (and the pacer's monotonic time) instead of waiting, so pacing, rate windows and back-off take no real time.
enum SimulatorHarness {
    /// The sandbox credentials the simulator accepts by default.
    static let clientID = "1000.CRMSYNCSANDBOX0000000000000000"
    static let clientSecret = "crmsync-sandbox-zoho-client-secret"
    static let refreshToken = "1000.crmsyncsandbox0refresh0token000.00000000000000000000000000000000"
    static let organizationID = "10234695"
    static let start = utc("2026-06-09T14:00:00Z")

    /// A small seed: an organization in `timeZone` with EUR (base) and USD, and one existing Zoho contact.
    static func seed(timeZone: String) throws -> SeedDataset {
        let json = """
        {"organization": {"name": "CRMSync Test Org", "multiCurrency": true, "defaultCurrency": "EUR",
          "currencies": ["EUR", "USD"], "timeZone": "\(timeZone)", "zohoOrganizationId": "\(organizationID)"},
         "plants": [], "products": [],
         "accounts": [{"key": "acme", "name": "Acme Corp", "street": "123 Main St", "city": "New York",
           "postalCode": "10001", "country": "US", "existingZohoContact": true,
           "contacts": [{"key": "jane", "firstName": "Jane", "lastName": "Doe", "email": "jane.doe@example.com"}]}],
         "opportunities": []}
        """
        return try SeedDataset.decode(from: Data(json.utf8))
    }

    /// Starts the simulator and a client pointed at it, runs `body`, then shuts both down.
    static func run(
        simulator configuration: ZohoBooksSimulator.Configuration = .init(),
        timeZone: String = "America/New_York",
        client adjust: @Sendable (inout ZohoBooksClient.Configuration) -> Void = { _ in },
        logger: Logger = Logger(label: "zoho-connector-tests"),
        _ body: @Sendable (ZohoBooksSimulator, ZohoBooksClient, VirtualSleeper) async throws -> Void
    ) async throws {
        let clock = ManualSimulatorClock(start)
        let simulator = ZohoBooksSimulator(configuration: configuration, seed: try seed(timeZone: timeZone), clock: clock)
        try await withSimulatorServer(router: simulator.buildRouter(), logger: logger) { baseURL in
            var clientConfiguration = ZohoBooksClient.Configuration(
                dataCenter: .eu, accountsURL: baseURL, clientID: clientID, clientSecret: clientSecret,
                refreshToken: refreshToken, organizationID: organizationID)
            adjust(&clientConfiguration)
            let httpClient = try makeHTTPClient(configuration: clientConfiguration.http)
            let sleeper = VirtualSleeper(clock: clock)
            let client = ZohoBooksClient(
                configuration: clientConfiguration, httpClient: httpClient, logger: logger, metrics: NOOPMetricsHandler.instance,
                sleeper: sleeper, now: { clock.now() })
            do {
                try await body(simulator, client, sleeper)
            } catch {
                try await httpClient.shutdown()
                throw error
            }
            try await httpClient.shutdown()
        }
    }
}

/// A sleeper that does not wait: each sleep advances the simulator's manual clock and the pacer's monotonic time.
final class VirtualSleeper: Sleeper {
    private let clock: ManualSimulatorClock
    private let base = ContinuousClock.now
    private let state = Mutex<(elapsed: Duration, sleeps: [Duration])>((.zero, []))

    init(clock: ManualSimulatorClock) {
        self.clock = clock
    }

    func sleep(for duration: Duration) async throws {
        state.withLock {
            $0.elapsed += duration
            $0.sleeps.append(duration)
        }
        clock.advance(bySeconds: Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }

    var now: ContinuousClock.Instant { base + state.withLock { $0.elapsed } }

    /// Every requested sleep, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
}
