import SyncCore

/// Tracks, within one pass, which systems are stopped and why.
///
/// A system stops at once on quota exhaustion, rejected credentials or configuration errors, and after
/// `threshold` consecutive outage-like failures (errors still retryable after the HTTP layer's retries). A success
/// resets the count. Worked example with threshold 5: four timeouts, one success, four timeouts -> still running;
/// a fifth timeout in a row -> stopped.
struct SystemBreaker {
    let threshold: Int
    private var consecutive: [SyncSystem: Int] = [:]
    private(set) var stopped: [SyncSystem: SyncError] = [:]
    /// Systems that answered at least one call successfully in this pass (closes an open outage).
    private(set) var answered: Set<SyncSystem> = []

    init(threshold: Int) {
        self.threshold = threshold
    }

    func isStopped(_ system: SyncSystem) -> Bool { stopped[system] != nil }

    /// Stops a system at once (the quota guard).
    mutating func stop(_ system: SyncSystem, _ error: SyncError) {
        stopped[system] = error
    }

    mutating func success(_ system: SyncSystem) {
        consecutive[system] = 0
        answered.insert(system)
    }

    /// Records a failure; returns true when it stopped the system just now.
    mutating func failure(_ system: SyncSystem, _ error: SyncError) -> Bool {
        guard stopped[system] == nil else { return false }
        if Self.stopsAtOnce(error) {
            stopped[system] = error
            return true
        }
        guard error.isRetryable else { return false }
        consecutive[system, default: 0] += 1
        if consecutive[system, default: 0] >= threshold {
            stopped[system] = error
            return true
        }
        return false
    }

    /// Errors that stop a system's work for the pass instead of failing one record: quota, credentials,
    /// configuration, permissions, and a rate limit that asks for a minute or more (Zoho's per-minute and token
    /// throttles), which no record's retry can wait out.
    static func stopsAtOnce(_ error: SyncError) -> Bool {
        switch error.code {
        case .quotaExhausted, .authenticationFailed, .configuration, .forbidden: true
        case .rateLimited: (error.retryAfterSeconds ?? 0) >= 60
        default: false
        }
    }
}
