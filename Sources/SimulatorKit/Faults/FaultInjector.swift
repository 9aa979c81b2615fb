import Synchronization

/// Decides, request by request, which fault (if any) a simulator serves, following a `FaultPlan`.
///
/// Thread-safe. Every `draw()` consumes exactly one number of a SplitMix64 sequence seeded with `plan.seed`, so the
/// same plan and the same order of requests give the same faults. Server errors cycle through 500, 502, 503, 504;
/// `Retry-After` on rate-limit faults is `retryAfterSeconds` (1 s).
public final class FaultInjector: Sendable {
    /// `Retry-After` value, in seconds, of `Fault.rateLimited` faults that carry the header.
    public static let retryAfterSeconds = 1

    private struct State {
        var plan: FaultPlan
        var generator: SplitMix64
        var serverErrorTurn = 0
        var injected = 0
    }

    private static let serverErrorStatuses = [500, 502, 503, 504]
    private let state: Mutex<State>

    /// Creates an injector following `plan` (no faults by default).
    public init(plan: FaultPlan = .none) {
        state = Mutex(State(plan: plan, generator: SplitMix64(seed: plan.seed)))
    }

    /// The plan in force.
    public var plan: FaultPlan {
        state.withLock { $0.plan }
    }

    /// Replaces the plan and resets the random sequence to `plan.seed` (the served-fault count is kept).
    public func setPlan(_ plan: FaultPlan) {
        state.withLock {
            $0.plan = plan
            $0.generator = SplitMix64(seed: plan.seed)
            $0.serverErrorTurn = 0
        }
    }

    /// The fault for the next request, or `nil` for a normal answer.
    ///
    /// Drawing does not count as serving: call `recordServed()` when the fault is actually answered
    /// (`FaultMiddleware` does).
    public func draw() -> Fault? {
        state.withLock { state in
            let plan = state.plan
            let roll = state.generator.nextUnit()
            var threshold = 0.0
            func hit(_ rate: Double) -> Bool {
                threshold += max(0, rate)
                return roll < threshold
            }
            if hit(plan.rateLimited) { return .rateLimited(retryAfterSeconds: Self.retryAfterSeconds) }
            if hit(plan.rateLimitedWithoutRetryAfter) { return .rateLimited(retryAfterSeconds: nil) }
            if hit(plan.serverError) {
                let status = Self.serverErrorStatuses[state.serverErrorTurn % Self.serverErrorStatuses.count]
                state.serverErrorTurn += 1
                return .serverError(status: status)
            }
            if hit(plan.connectionReset) { return .connectionReset }
            if hit(plan.slowResponse) { return .slowResponse(seconds: plan.slowResponseSeconds) }
            if hit(plan.tokenExpiry) { return .tokenExpired }
            if hit(plan.csrfExpiry) { return .csrfExpired }
            if hit(plan.htmlErrorBody) { return .htmlErrorBody(status: 502) }
            if hit(plan.truncatedBody) { return .truncatedBody }
            return nil
        }
    }

    /// Counts one fault as served (called by whoever answers a drawn fault).
    public func recordServed() {
        state.withLock { $0.injected += 1 }
    }

    /// Faults actually served so far.
    public var injectedCount: Int {
        state.withLock { $0.injected }
    }
}
