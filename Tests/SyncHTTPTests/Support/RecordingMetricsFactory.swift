import Metrics
import Synchronization

/// A metrics factory that sums counters and counts timer recordings per label and dimensions.
final class RecordingMetricsFactory: MetricsFactory {
    private let values = Mutex([String: Int64]())

    /// The counter's total (or the number of timer recordings) for `label` and exactly these dimensions.
    func value(_ label: String, _ dimensions: [(String, String)]) -> Int64 {
        values.withLock { $0[Self.key(label, dimensions)] ?? 0 }
    }

    fileprivate func add(_ key: String, _ amount: Int64) {
        values.withLock { $0[key, default: 0] += amount }
    }

    private static func key(_ label: String, _ dimensions: [(String, String)]) -> String {
        label + "{" + dimensions.sorted { $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: ",") + "}"
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        RecordingHandler(factory: self, key: Self.key(label, dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        RecordingHandler(factory: self, key: Self.key(label, dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        RecordingHandler(factory: self, key: Self.key(label, dimensions))
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}
}

/// Adds increments (counters) or 1 per recording (recorders, timers) to the factory's total for its key.
private final class RecordingHandler: CounterHandler, RecorderHandler, TimerHandler {
    let factory: RecordingMetricsFactory
    let key: String

    init(factory: RecordingMetricsFactory, key: String) {
        self.factory = factory
        self.key = key
    }

    func increment(by amount: Int64) { factory.add(key, amount) }
    func reset() {}
    func record(_ value: Int64) { factory.add(key, 1) }
    func record(_ value: Double) { factory.add(key, 1) }
    func recordNanoseconds(_ duration: Int64) { factory.add(key, 1) }
}
