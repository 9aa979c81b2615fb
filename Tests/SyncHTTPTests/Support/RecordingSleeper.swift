import Synchronization
import SyncHTTP

/// A sleeper that returns at once, recording each requested wait and advancing a virtual clock by it (exact for
/// sequential requests, which is how the pacing tests use it).
final class RecordingSleeper: Sleeper {
    private struct State {
        var sleeps: [Duration] = []
        var elapsed: Duration = .zero
    }
    private let state = Mutex(State())
    private let origin = ContinuousClock.now

    /// The waits requested so far, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Virtual time since the sleeper was created.
    var elapsed: Duration { state.withLock { $0.elapsed } }

    var now: ContinuousClock.Instant { origin + elapsed }

    func sleep(for duration: Duration) async throws {
        state.withLock { state in
            state.sleeps.append(duration)
            state.elapsed += duration
        }
    }
}
