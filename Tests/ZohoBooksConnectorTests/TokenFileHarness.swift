import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SimulatorKit
import SyncHTTP
import ZohoBooksSimulator
@testable import ZohoBooksConnector

/// One Zoho Books simulator and a private temporary folder, with clients built one after the other as separate
/// `crm-sync` processes would be: each client has its own in-memory token cache and shares only the token file.
struct TokenFileHarness: Sendable {
    /// A second refresh token the simulator also accepts (another Zoho user or a regenerated grant).
    static let otherRefreshToken = "1000.crmsyncsandbox0second0token0000.11111111111111111111111111111111"

    let simulator: ZohoBooksSimulator
    let clock: ManualSimulatorClock
    let baseURL: String
    let folder: URL
    let httpClient: HTTPClient

    /// The default token file of the harness's folder.
    var tokenFile: URL { folder.appendingPathComponent("zoho-token.json") }

    /// Token requests the simulator answered so far.
    var tokenRequests: Int { simulator.requestLog.entries.filter { $0.endpoint == "oauth/v2/token" }.count }

    /// Starts the simulator (accepting the sandbox and ``otherRefreshToken``), runs `body`, removes the folder.
    static func run(_ body: @Sendable (TokenFileHarness) async throws -> Void) async throws {
        let clock = ManualSimulatorClock(SimulatorHarness.start)
        var configuration = ZohoBooksSimulator.Configuration()
        configuration.refreshTokens.append(otherRefreshToken)
        let simulator = ZohoBooksSimulator(
            configuration: configuration, seed: try SimulatorHarness.seed(timeZone: "Europe/Berlin"), clock: clock)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zoho-token-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let logger = Logger(label: "zoho-token-file-tests")
        try await withSimulatorServer(router: simulator.buildRouter(), logger: logger) { baseURL in
            let httpClient = try makeHTTPClient(configuration: .init())
            let harness = TokenFileHarness(
                simulator: simulator, clock: clock, baseURL: baseURL, folder: folder, httpClient: httpClient)
            do {
                try await body(harness)
            } catch {
                try await httpClient.shutdown()
                throw error
            }
            try await httpClient.shutdown()
        }
    }

    /// A new client (a new "process") using `cachePath` (default: ``tokenFile``; nil = memory only).
    func client(
        cachePath: String?? = .none, refreshToken: String = SimulatorHarness.refreshToken,
        logger: Logger = Logger(label: "zoho-token-file-tests")
    ) -> ZohoBooksClient {
        let configuration = ZohoBooksClient.Configuration(
            dataCenter: .eu, accountsURL: baseURL, clientID: SimulatorHarness.clientID,
            clientSecret: SimulatorHarness.clientSecret, refreshToken: refreshToken,
            organizationID: SimulatorHarness.organizationID, tokenCachePath: cachePath ?? tokenFile.path)
        let clock = clock
        return ZohoBooksClient(
            configuration: configuration, httpClient: httpClient, logger: logger, metrics: NOOPMetricsHandler.instance,
            sleeper: VirtualSleeper(clock: clock), now: { clock.now() })
    }

    /// The token file parsed as a JSON object.
    func tokenFileJSON() throws -> [String: Any] {
        let data = try Data(contentsOf: tokenFile)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
