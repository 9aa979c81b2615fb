import Foundation
import SyncCore
import SyncStore

extension FlowLeadership {
    /// Claims the flows, runs `body` while the claims go on every `timing.claimInterval`, then releases every lease
    /// held (they expire now, so another replica takes over at once instead of after the TTL). A cancelled task
    /// (an abrupt stop) releases nothing: its leases lapse after the TTL, as a killed process's do.
    /// - Parameter renewingOnly: after the first claim, only renew the leases held (a one-shot command).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public nonisolated func whileLeading<R>(renewingOnly: Bool = false, _ body: () async throws -> R) async throws -> R {
        await claim()
        let outcome: Result<R, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.keepClaiming(renewingOnly: renewingOnly) }
            let outcome: Result<R, any Error>
            do {
                outcome = .success(try await body())
            } catch {
                outcome = .failure(error)
            }
            group.cancelAll()
            return outcome
        }
        if !Task.isCancelled { await releaseAll() }
        return try outcome.get()
    }

    /// One pass of a one-shot command (`sync --once`): claims the flows, runs `body` over those this replica got, on
    /// the fenced store and with the leases renewed meanwhile, then releases them.
    /// - Parameter body: the pass, given the flows led and the fenced store.
    /// - Returns: what `body` returned (nil when every flow is led by another replica), and the other replicas'
    ///   leases of the flows that were skipped.
    /// - Throws: `SyncError` `.leaseLost` when a lease lapsed during the pass; otherwise what `body` throws.
    public nonisolated func once<R: Sendable>(
        _ body: @escaping @Sendable (_ led: Set<SyncFlow>, _ store: any StateStore) async throws -> R
    ) async throws -> (result: R?, ledElsewhere: [FlowLease]) {
        try await whileLeading(renewingOnly: true) {
            let led = await ledFlows()
            let elsewhere = await leadersElsewhere()
            guard !led.isEmpty else { return (nil, elsewhere) }
            return (try await underLeases(led) { store in try await body(led, store) }, elsewhere)
        }
    }

    /// Runs one pass over `flows` on the state store fenced by their leases, and cancels it the moment one of the
    /// leases lapses locally (its renewals stopped getting through); the database refuses any later commit anyway.
    /// - Parameter body: the pass, given the fenced store.
    /// - Returns: what `body` returns.
    /// - Throws: `SyncError` `.leaseLost` when a lease is not held, lapsed during the pass, or a fenced write was
    ///   refused (the leases are then dropped until the next claim); otherwise what `body` throws.
    public nonisolated func underLeases<R: Sendable>(
        _ flows: Set<SyncFlow>, _ body: @escaping @Sendable (any StateStore) async throws -> R
    ) async throws -> R {
        guard let granted = await validity(of: flows) else { throw leaseLost(flows) }
        let fenced = store.fenced(by: granted.leases)
        do {
            return try await withThrowingTaskGroup(of: R?.self) { group in
                group.addTask { try await body(fenced) }
                group.addTask {
                    try await self.waitUntilLapsed(flows)
                    return nil
                }
                defer { group.cancelAll() }
                guard let value = try await group.next() ?? nil else { throw self.leaseLost(flows) }
                return value
            }
        } catch let error as SyncError where error.code == .leaseLost {
            await drop(flows)
            throw error
        }
    }

    /// Claims every `timing.claimInterval` until cancelled.
    func keepClaiming(renewingOnly: Bool) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: timing.claimInterval)
            } catch {
                return
            }
            await claim(renewingOnly: renewingOnly)
        }
    }

    /// Returns when one of the flows' leases is no longer valid locally (renewals move the deadline on).
    func waitUntilLapsed(_ flows: Set<SyncFlow>) async throws {
        while let until = validity(of: flows)?.until {
            try await Task.sleep(until: until, clock: .continuous)
        }
    }

    nonisolated func leaseLost(_ flows: Set<SyncFlow>) -> SyncError {
        SyncError(
            code: .leaseLost, system: .stateStore,
            message: "This replica (\(replicaID)) no longer holds the lease of \(flows.sorted().map(\.rawValue).joined(separator: ", ")); the pass stopped and the flow's next leader goes on from the journal.")
    }
}
