import AsyncHTTPClient
import Logging
import SyncHTTP

/// A transport against a scripted server, with a recording sleeper, metrics factory and log capture.
struct TransportHarness: Sendable {
    let sleeper = RecordingSleeper()
    let metrics = RecordingMetricsFactory()
    let logs = LogCapture()
    let vendor: ScriptedVendor
    let configuration: HTTPTransport.Configuration

    /// Timeouts generous enough for a loaded CI machine running every suite in parallel; the team's retry policy.
    static let fastConfiguration = HTTPTransport.Configuration(
        connectTimeout: .seconds(5), readTimeout: .seconds(5), requestDeadline: .seconds(10))

    /// A short read timeout, so the read-timeout tests take milliseconds (their server waits 600 ms).
    static let shortReadTimeout = HTTPTransport.Configuration(
        connectTimeout: .seconds(5), readTimeout: .seconds(1), requestDeadline: .seconds(10))

    init(configuration: HTTPTransport.Configuration = Self.fastConfiguration, recordObservations: Bool = false) {
        self.configuration = configuration
        self.vendor = ScriptedVendor(sleeper: recordObservations ? sleeper : nil)
    }

    init(configuration: HTTPTransport.Configuration = Self.fastConfiguration, vendor: ScriptedVendor) {
        self.configuration = configuration
        self.vendor = vendor
    }

    /// Runs `body` with a transport and the server's base URL; random is fixed at 0.5 (nominal back-off).
    func run<T: Sendable>(
        _ script: ReplyScript, pacer: RequestPacer? = nil,
        _ body: @Sendable (HTTPTransport, String) async throws -> T
    ) async throws -> T {
        try await ScriptedServer.with(script) { baseURL in
            try await withTransport(pacer: pacer) { try await body($0, baseURL) }
        }
    }

    /// Runs `body` with a transport (no server).
    func withTransport<T: Sendable>(
        pacer: RequestPacer? = nil, _ body: @Sendable (HTTPTransport) async throws -> T
    ) async throws -> T {
        let client = try makeHTTPClient(configuration: configuration)
        let transport = HTTPTransport(
            configuration: configuration, vendor: vendor, httpClient: client, logger: logs.logger(),
            metrics: metrics, sleeper: sleeper, random: { 0.5 }, pacer: pacer)
        do {
            let result = try await body(transport)
            try await client.shutdown()
            return result
        } catch {
            try await client.shutdown()
            throw error
        }
    }
}
