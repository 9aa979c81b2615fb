import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import SyncStore

/// The loopback status server of `crm-sync run`: `/healthz`, `/status`, `/metrics`; 404 for anything else.
///
/// - `/healthz`: 200 with `{"status":"ok","flows":{"orders":true,...}}` while every flow's last pass succeeded;
///   503 with `"status":"degraded"` when one failed (the body says which).
/// - `/status`: the same JSON document as `crm-sync status --json` (`StatusReport.jsonData()`).
/// - `/metrics`: Prometheus text exposition format (version 0.0.4) from the registry.
///
/// It listens on 127.0.0.1 only; port 0 picks a free port, reported through `onListening`.
public struct StatusServer: Service {
    let port: Int
    let store: any StateStore
    let health: HealthState
    let metrics: PrometheusMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    let onListening: @Sendable (Int) async -> Void

    /// Creates the server; nothing listens until `run()`.
    /// - Parameters:
    ///   - port: the loopback TCP port (0: any free port).
    ///   - now: the clock of `/status` (UTC).
    ///   - onListening: called with the bound port once the server accepts connections.
    public init(
        port: Int, store: any StateStore, health: HealthState, metrics: PrometheusMetrics, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.port = port
        self.store = store
        self.health = health
        self.metrics = metrics
        self.logger = logger
        self.now = now
        self.onListening = onListening
    }

    /// Serves until the task is cancelled or a graceful shutdown is signalled.
    /// - Throws: when the port cannot be bound.
    public func run() async throws {
        let (store, health, metrics, now, onListening) = (store, health, metrics, now, onListening)
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            let flows = await health.lastPassSucceeded
            let healthy = flows.values.allSatisfy { $0 }
            let body = try JSONSerialization.data(
                withJSONObject: ["status": healthy ? "ok" : "degraded", "flows": flows], options: [.sortedKeys])
            return Self.response(healthy ? .ok : .serviceUnavailable, "application/json", body)
        }
        router.get("/status") { _, _ -> Response in
            Self.response(.ok, "application/json", try await StatusReport.make(store: store, now: now()).jsonData())
        }
        router.get("/metrics") { _, _ -> Response in
            Self.response(.ok, "text/plain; version=0.0.4; charset=utf-8", Data(metrics.exposition().utf8))
        }
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) }, logger: logger)
        try await application.run()
    }

    private static func response(_ status: HTTPResponse.Status, _ contentType: String, _ body: Data) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
