import Foundation
import Logging
import ServiceLifecycle
import SyncCore
import SyncStore

/// The polling loop of `crm-sync run` as a ServiceLifecycle service.
///
/// Each flow runs on its own interval (orders, invoices and payments every 60 s, stock every 3600 s by default);
/// due flows run together in one pass. The nightly full reconcile runs once a day at `nightlyReconcileAt` (UTC),
/// followed by a drift scan that sends one Slack summary when there is drift.
/// On SIGTERM/SIGINT the loop stops after the pass in flight, so the action being applied is journaled.
public struct PollingService: Service {
    /// Schedule settings.
    public struct Schedule: Sendable {
        /// Seconds between passes, per flow.
        public var intervals: [SyncFlow: TimeInterval]
        /// Time of day (UTC) of the nightly full reconcile, as hours and minutes; `nil` disables it.
        public var nightlyReconcileAt: (hour: Int, minute: Int)?
        /// How often the loop checks what is due.
        public var tick: Duration

        public init(intervals: [SyncFlow: TimeInterval], nightlyReconcileAt: (hour: Int, minute: Int)? = (2, 0), tick: Duration = .seconds(1)) {
            self.intervals = intervals
            self.nightlyReconcileAt = nightlyReconcileAt
            self.tick = tick
        }
    }

    let engine: SyncEngine
    let store: any StateStore
    let alerts: AlertDispatcher
    let schedule: Schedule
    let health: HealthState
    let metrics: EngineMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    /// The flow leases of this replica; nil runs every flow on the unfenced store.
    let leadership: FlowLeadership?

    /// Creates the service.
    /// - Parameter leadership: with it, only the flows this replica leads are polled, each pass on the store fenced
    ///   by their leases (several replicas on one PostgreSQL store).
    public init(
        engine: SyncEngine, store: any StateStore, alerts: AlertDispatcher, schedule: Schedule, health: HealthState,
        metrics: EngineMetrics, logger: Logger, leadership: FlowLeadership? = nil,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.leadership = leadership
        self.engine = engine
        self.store = store
        self.alerts = alerts
        self.schedule = schedule
        self.health = health
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        guard let leadership else { return try await poll() }
        try await leadership.whileLeading { try await poll() }
    }

    private func poll() async throws {
        var lastRun: [SyncFlow: Date] = [:]
        // A process started after the day's reconcile time waits for the next day's (a restart or deploy does not
        // set off a full reconcile); `reconcile --full` runs one by hand.
        var lastNightly: CalendarDate? = schedule.nightlyReconcileAt.flatMap { at in
            isNightlyDue(now(), at, nil) ? CalendarDate(utc: now()) : nil
        }
        logger.info("polling started")
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let time = now()
            let led = await leadership?.ledFlows() ?? Set(SyncFlow.allCases)
            for flow in SyncFlow.allCases where !led.contains(flow) { lastRun[flow] = nil }
            let due = Set(led.filter { flow in
                guard let last = lastRun[flow] else { return true }
                return time.timeIntervalSince(last) >= (schedule.intervals[flow] ?? 60)
            })
            if let nightly = schedule.nightlyReconcileAt, !led.isEmpty, isNightlyDue(time, nightly, lastNightly) {
                lastNightly = CalendarDate(utc: time)
                await pass(flows: led, mode: .full)
                // One drift summary a night among the replicas: the orders flow's leader sends it.
                if led.contains(.orders) { await DriftDetector(engine: engine).sendSummary(to: alerts) }
                for flow in led { lastRun[flow] = time }
            } else if !due.isEmpty {
                await pass(flows: due, mode: .incremental)
                for flow in due { lastRun[flow] = time }
            }
            try? await gracefulShutdown(after: schedule.tick)
        }
        logger.info("polling stopped")
    }

    private func gracefulShutdown(after duration: Duration) async throws {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }

    private func isNightlyDue(_ time: Date, _ at: (hour: Int, minute: Int), _ last: CalendarDate?) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute], from: time)
        guard let hour = parts.hour, let minute = parts.minute else { return false }
        return (hour, minute) >= (at.hour, at.minute) && last != CalendarDate(utc: time)
    }

    private func pass(flows: Set<SyncFlow>, mode: PassMode) async {
        do {
            let report = try await underLeases(flows) { store in
                let report = try await engine.runPass(flows: flows, mode: mode, store: store)
                await alerts.deliver()
                try await RunRecorder.record(report, kind: mode == .full ? .full : .incremental, in: store)
                return report
            }
            metrics.record(report)
            metrics.record(try await StatusReport.make(store: store, now: now()))
            await health.record(report)
        } catch let error as SyncError where error.code == .leaseLost {
            logger.warning("pass ended: flow lease lost", metadata: ["sync.flows": "\(flows.sorted().map(\.rawValue))"])
        } catch {
            logger.error("pass failed", metadata: ["sync.error": "\((error as? SyncError)?.description ?? "\(type(of: error))")"])
            await health.recordFailure(flows: flows)
        }
    }
}

/// Whether each flow's last pass succeeded (for `/healthz`).
public actor HealthState {
    /// Per flow: true when the last pass succeeded.
    public private(set) var lastPassSucceeded: [String: Bool] = [:]

    public init() {}

    func record(_ report: PassReport) {
        for flow in report.flows { lastPassSucceeded[flow.flow.rawValue] = flow.stoppedBy == nil }
    }

    func recordFailure(flows: Set<SyncFlow>) {
        for flow in flows { lastPassSucceeded[flow.rawValue] = false }
    }
}
