import ArgumentParser
import Foundation
import Logging
import Metrics
import ServiceLifecycle
import SyncCore
import SyncService

/// `crm-sync run`: the polling loop with the status endpoint, until SIGTERM/SIGINT.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll and reconcile continuously; serve /healthz, /status and /metrics on loopback.",
        discussion: """
            Orders, invoices and payments run every CRMSYNC_INTERVAL_* seconds (60 by default), stock every \
            CRMSYNC_INTERVAL_STOCK seconds (3600), and a full reconcile runs nightly at CRMSYNC_NIGHTLY_RECONCILE_AT \
            (UTC, default 02:00; "off" disables it; a process started after that time waits for the next day's). \
            SIGTERM or SIGINT stops the loop after the pass in flight.

            Examples:
              crm-sync run
              CRMSYNC_STATUS_PORT=9464 crm-sync run &   # then: curl -s 127.0.0.1:9464/healthz
            """)

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .customLong("nightly-reconcile-at"),
        help: "UTC time of the nightly full reconcile (HH:MM), or 'off' (default: CRMSYNC_NIGHTLY_RECONCILE_AT, 02:00).")
    var nightly: String?

    /// The option's time; `nil` for `off`.
    func nightlyTime(_ nightly: String) throws -> (hour: Int, minute: Int)? {
        if nightly == "off" { return nil }
        let parts = nightly.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0..<24).contains(parts[0]), (0..<60).contains(parts[1]) else {
            throw ValidationError("--nightly-reconcile-at must be HH:MM (UTC) or off")
        }
        return (parts[0], parts[1])
    }

    func validate() throws { if let nightly { _ = try nightlyTime(nightly) } }

    /// Fails before any pass when another process listens on the status port (the server binds 127.0.0.1 only).
    /// - Throws: `SyncError` `.configuration` naming `CRMSYNC_STATUS_PORT`.
    static func checkStatusPortFree(_ port: Int) throws {
        guard port > 0 else { return }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var reuse: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound != 0, errno == EADDRINUSE else { return }
        throw SyncError(
            code: .configuration, system: .configuration,
            message: "CRMSYNC_STATUS_PORT \(port) is already in use on 127.0.0.1; choose a free port, or 0 to turn the status server off.")
    }

    func run() async throws {
        do {
            let (configuration, logger) = try await global.load()
            try Self.checkStatusPortFree(configuration.statusPort)
            let prometheus = PrometheusMetrics()
            MetricsSystem.bootstrap(prometheus.factory)
            // The option wins over CRMSYNC_NIGHTLY_RECONCILE_AT (environment, .env or JSON config).
            let nightlyAt = try nightly.map(nightlyTime)
                ?? configuration.nightlyReconcileAt.map { ($0.hour ?? 2, $0.minute ?? 0) }
            try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                let health = HealthState()
                var services: [any Service] = [
                    PollingService(
                        engine: runtime.engine, store: runtime.store, alerts: runtime.alerts,
                        schedule: .init(intervals: configuration.intervals, nightlyReconcileAt: nightlyAt),
                        health: health, metrics: EngineMetrics(), logger: logger,
                        leadership: runtime.leadership(logger: logger))
                ]
                if configuration.statusPort > 0 {
                    services.append(StatusServer(
                        port: configuration.statusPort, store: runtime.store, health: health, metrics: prometheus, logger: logger))
                }
                let group = ServiceGroup(configuration: .init(
                    services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
                try await group.run()
            }
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }
}
