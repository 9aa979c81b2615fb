import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import SyncStore

/// Builds the loopback status server of `crm-sync run`: `/healthz`, `/status`, `/metrics`.
///
/// - `/healthz`: 200 with `{"status":"ok","flows":{"orders":true,...}}` while the loop runs; 503 when a flow's last
///   pass failed (the body says which).
/// - `/status`: the same JSON as `crm-sync status --json`.
/// - `/metrics`: Prometheus text format from the registry.
public func buildStatusServer(
    port: Int, store: any StateStore, health: HealthState, registry: PrometheusCollectorRegistry, logger: Logger
) -> some Service {
    let router = Router()
    router.get("/healthz") { _, _ -> Response in
        let flows = await health.lastPassSucceeded
        let healthy = flows.values.allSatisfy { $0 }
        let body = try JSONSerialization.data(withJSONObject: ["status": healthy ? "ok" : "degraded", "flows": flows], options: [.sortedKeys])
        return Response(status: healthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
    router.get("/status") { _, _ -> Response in
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(try await StatusReport.make(store: store, now: Date()))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
    router.get("/metrics") { _, _ -> Response in
        Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
    }
    return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
}
