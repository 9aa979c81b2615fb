import SyncCore
import SyncStore

extension PollingService {
    /// Runs a pass body on the store fenced by the flows' leases (cancelled when one lapses), or on the plain store
    /// when the service runs without leadership.
    /// - Throws: `SyncError` `.leaseLost` (the lease counters are recorded by the leadership), or what `body` throws.
    func underLeases<R: Sendable>(
        _ flows: Set<SyncFlow>, _ body: @escaping @Sendable (any StateStore) async throws -> R
    ) async throws -> R {
        guard let leadership else { return try await body(store) }
        return try await leadership.underLeases(flows, body)
    }
}
