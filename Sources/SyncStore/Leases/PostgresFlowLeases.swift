import Foundation
import Logging
import PostgresNIO
import SyncCore

/// Flow leases in PostgreSQL table `flow_lease`, over a running `PostgresClient`.
///
/// A claim is one `INSERT … ON CONFLICT (flow) DO UPDATE … WHERE` statement, so two replicas racing for a free or
/// expired lease cannot both win: the row lock makes the second see the first's row, which is then live and held by
/// someone else. Every expiry decision uses the database's clock (`now()`), never a replica's. The fencing token is 1
/// for a flow's first lease and grows by one with every new term (another holder, or the same holder after its
/// lease lapsed); a renewal of a live lease keeps it.
public struct PostgresFlowLeases: FlowLeases {
    let client: PostgresClient
    let logger: Logger

    /// Creates the leases over a client whose `run()` is running.
    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public func claimLease(_ flow: SyncFlow, holder: String, ttl: TimeInterval) async throws -> FlowLeaseClaim {
        let claimed = try await leases("Cannot claim the \(flow.rawValue) flow lease", """
            INSERT INTO flow_lease AS current (flow, holder, fencing_token, acquired_at, renewed_at, expires_at)
            VALUES (\(flow.rawValue), \(holder), 1, now(), now(), now() + make_interval(secs => \(ttl)))
            ON CONFLICT (flow) DO UPDATE SET
                fencing_token = CASE WHEN current.holder = excluded.holder AND current.expires_at > now()
                    THEN current.fencing_token ELSE current.fencing_token + 1 END,
                acquired_at = CASE WHEN current.holder = excluded.holder AND current.expires_at > now()
                    THEN current.acquired_at ELSE now() END,
                holder = excluded.holder,
                renewed_at = now(),
                expires_at = excluded.expires_at
            WHERE current.expires_at <= now() OR current.holder = excluded.holder
            RETURNING flow, holder, fencing_token, expires_at
            """)
        if let lease = claimed.first { return .held(lease) }
        let current = try await leases("Cannot read the \(flow.rawValue) flow lease", """
            SELECT flow, holder, fencing_token, expires_at FROM flow_lease WHERE flow = \(flow.rawValue)
            """)
        guard let other = current.first else {
            // The row was deleted between the two statements (only by hand): claim again.
            return try await claimLease(flow, holder: holder, ttl: ttl)
        }
        return .heldElsewhere(other)
    }

    public func releaseLease(_ lease: FlowLease) async throws {
        _ = try await leases("Cannot release the \(lease.flow.rawValue) flow lease", """
            UPDATE flow_lease SET expires_at = now()
            WHERE flow = \(lease.flow.rawValue) AND holder = \(lease.holder) AND fencing_token = \(lease.fencingToken)
              AND expires_at > now()
            RETURNING flow, holder, fencing_token, expires_at
            """)
    }

    public func currentLeases() async throws -> [FlowLease] {
        let rows = try await leases("Cannot read the flow leases", "SELECT flow, holder, fencing_token, expires_at FROM flow_lease")
        return rows.sorted { $0.flow < $1.flow }
    }

    /// Runs a statement returning `flow, holder, fencing_token, expires_at` rows; rows of unknown flows are skipped.
    private func leases(_ failure: String, _ query: PostgresQuery) async throws -> [FlowLease] {
        do {
            var result: [FlowLease] = []
            let rows = try await client.query(query, logger: logger)
            for try await (flow, holder, token, expiresAt) in rows.decode((String, String, Int64, Date).self) {
                guard let flow = SyncFlow(rawValue: flow) else { continue }
                result.append(FlowLease(flow: flow, holder: holder, fencingToken: token, expiresAt: expiresAt))
            }
            return result
        } catch let error as CancellationError {
            throw error
        } catch {
            throw SyncError(
                code: .stateStore, system: .stateStore, message: "\(failure): \(Self.reason(error))",
                underlying: String(describing: type(of: error)))
        }
    }

    /// The server's message for a PostgreSQL error, or the client-side error code; never the query or credentials.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: type(of: error)) }
        if let message = error.serverInfo?[.message] { return message }
        return error.code.description
    }
}
