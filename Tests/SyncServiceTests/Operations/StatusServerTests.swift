import Foundation
import Logging
import SimulatorKit
import Simulators
import SyncCore
import SyncStore
import Testing
@testable import SyncService
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `run`'s status endpoint over real HTTP on loopback (port 0), after a pass against the simulators.
@Suite(.serialized) struct StatusServerTests {
    static let fixedNow = Date(timeIntervalSince1970: 1_796_000_000)
    static let salesforceLimit = 50_000

    /// An HTTP answer.
    struct Answer {
        let status: Int
        let contentType: String
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func get(_ url: String) async throws -> Answer {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        let http = try #require(response as? HTTPURLResponse)
        return Answer(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: data)
    }

    /// Starts the server on port 0, runs `body` with its base URL, and stops it.
    static func withServer(
        store: any StateStore, health: HealthState, metrics: PrometheusMetrics, _ body: @Sendable (String) async throws -> Void
    ) async throws {
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let server = StatusServer(
            port: 0, store: store, health: health, metrics: metrics, logger: EndToEnd.quietLogger, now: { fixedNow },
            onListening: { continuation.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            #expect(port > 0)
            do {
                try await body("http://127.0.0.1:\(port)")
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// A pass of all flows against the simulators with metrics going to `metrics`, then `body`.
    static func afterPass(
        _ body: @Sendable (SyncRuntime, PrometheusMetrics) async throws -> Void
    ) async throws {
        var configuration = SimulatorSuite.Configuration()
        configuration.zoho.requestsPerWindow = 6000
        configuration.zoho.dailyRequestLimit = 1_000_000
        configuration.salesforce.dailyApiRequestLimit = salesforceLimit
        let seed = try SeedDataset.bundled()
        configuration.seed = seed
        let metrics = PrometheusMetrics()
        try await withSimulators(configuration, logger: EndToEnd.quietLogger) { running in
            let appConfiguration = try await EndToEnd.configuration(for: running, seed: seed, extra: [:])
            try await withSyncRuntime(configuration: appConfiguration, logger: EndToEnd.quietLogger, metrics: metrics.factory) { runtime in
                let report = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
                try await RunRecorder.record(report, kind: .incremental, in: runtime.store)
                let engineMetrics = EngineMetrics(factory: metrics.factory)
                engineMetrics.record(report)
                engineMetrics.record(try await StatusReport.make(store: runtime.store, now: fixedNow))
                try await body(runtime, metrics)
            }
        }
    }

    @Test func endpoints_answerOverLoopback() async throws {
        try await Self.afterPass { runtime, metrics in
            let health = HealthState()
            try await Self.withServer(store: runtime.store, health: health, metrics: metrics) { base in
                // /healthz: no pass recorded by this server's loop yet -> ok.
                let healthy = try await Self.get(base + "/healthz")
                #expect(healthy.status == 200)
                #expect(healthy.contentType.hasPrefix("application/json"))
                #expect(healthy.text == #"{"flows":{},"status":"ok"}"#)

                // /status: byte for byte the document `status --json` prints.
                let status = try await Self.get(base + "/status")
                #expect(status.status == 200)
                let expected = try await StatusReport.make(store: runtime.store, now: Self.fixedNow).jsonData()
                #expect(status.body == expected)
                let document = try JSONDecoder.iso8601.decode(StatusReport.self, from: status.body)
                #expect(document.flows.map(\.flow) == ["orders", "invoices", "stock", "payments"])
                let orders = try #require(document.flows.first)
                #expect(orders.watermark != nil)
                #expect(orders.lastRun?.applied ?? 0 > 0)
                let salesforce = try #require(document.apiQuotas.first { $0.system == "salesforce" })
                #expect(salesforce.limit == Self.salesforceLimit)
                #expect(salesforce.used > 0)
                #expect(salesforce.usedShare == Double(salesforce.used) / Double(Self.salesforceLimit))
                let zoho = try #require(document.apiQuotas.first { $0.system == "zoho" })
                #expect(zoho.limit == 1_000_000)
                #expect(zoho.used > 0)

                // /metrics: Prometheus text with the promised names.
                let metricsAnswer = try await Self.get(base + "/metrics")
                #expect(metricsAnswer.status == 200)
                #expect(metricsAnswer.contentType.hasPrefix("text/plain; version=0.0.4"))
                for name in [
                    "# TYPE crmsync_http_requests_total counter", "# TYPE crmsync_http_request_duration_seconds",
                    "# TYPE crmsync_actions_total counter", "# TYPE crmsync_watermark_lag_seconds gauge",
                    "# TYPE crmsync_dead_letters_open gauge", "# TYPE crmsync_api_quota_used gauge",
                    "# TYPE crmsync_api_quota_limit gauge", "# TYPE crmsync_api_quota_used_ratio gauge",
                ] {
                    #expect(metricsAnswer.text.contains(name), "missing \(name)")
                }
                #expect(metricsAnswer.text.contains(#"crmsync_api_quota_limit{system="salesforce"} 50000"#))
                #expect(metricsAnswer.text.contains(#"crmsync_actions_total{flow="orders",result="applied"}"#))

                // Anything else: 404.
                #expect(try await Self.get(base + "/").status == 404)
                #expect(try await Self.get(base + "/status/extra").status == 404)
                #expect(try await Self.get(base + "/admin").status == 404)

                // A failed pass makes /healthz 503 and names the flow.
                await health.recordFailure(flows: [.stock])
                let degraded = try await Self.get(base + "/healthz")
                #expect(degraded.status == 503)
                #expect(degraded.text == #"{"flows":{"stock":false},"status":"degraded"}"#)
            }
        }
    }

    /// Quotas are stored at the end of a pass; an idle pass (a few calls against allowances of thousands) leaves
    /// them as they were, and an idle pass of the stock and payment flows (which call SAP, Salesforce and Zoho but
    /// whose seed records hold no dead letters to retry) writes no state row at all.
    @Test func quotas_storedAfterPass_idlePassWritesNothing() async throws {
        try await Self.afterPass { runtime, _ in
            let stored = try await runtime.store.quotas()
            #expect(stored.map(\.system) == ["salesforce", "zoho"])
            _ = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
            let quotas = try await runtime.store.quotas()
            _ = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
            #expect(try await runtime.store.quotas() == quotas)
            let before = try await runtime.store.totalChanges()
            _ = try await runtime.engine.runPass(flows: [.stock, .payments])
            #expect(try await runtime.store.totalChanges() == before)
        }
    }
}

/// The material-change rule of quota recording (one percentage point of the allowance either way, or a new limit).
@Suite struct QuotaRecorderTests {
    let at = Date(timeIntervalSince1970: 1_796_000_000)

    func usage(_ used: Int, _ limit: Int) -> APIQuotaUsage {
        APIQuotaUsage(system: "salesforce", used: used, dailyLimit: limit, observedAt: at)
    }

    @Test func materialChange() {
        #expect(QuotaRecorder.isMaterialChange(from: nil, to: usage(1, 15_000)))
        #expect(!QuotaRecorder.isMaterialChange(from: usage(1000, 15_000), to: usage(1149, 15_000)))  // 0.99 points
        #expect(QuotaRecorder.isMaterialChange(from: usage(1000, 15_000), to: usage(1150, 15_000)))   // 1 point
        #expect(QuotaRecorder.isMaterialChange(from: usage(1000, 15_000), to: usage(1001, 20_000)))   // new limit
        #expect(QuotaRecorder.isMaterialChange(from: usage(1000, 15_000), to: usage(3, 15_000)))      // new window
        #expect(!QuotaRecorder.isMaterialChange(from: usage(1000, 15_000), to: usage(990, 15_000)))   // rolled off / out of order
        #expect(!QuotaRecorder.isMaterialChange(from: usage(0, 0), to: usage(0, 0)))
    }
}

extension JSONDecoder {
    static var iso8601: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
