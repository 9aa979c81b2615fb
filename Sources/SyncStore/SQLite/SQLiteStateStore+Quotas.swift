import Foundation
import GRDB
import SyncCore

extension SQLiteStateStore {
    public func saveQuotas(_ quotas: [APIQuotaUsage]) async throws {
        guard !quotas.isEmpty else { return }
        let changed = APIQuotaUsage.changed(quotas, stored: try await self.quotas())
        guard !changed.isEmpty else { return }
        try await write { db in
            for quota in changed {
                try db.execute(
                    sql: """
                        INSERT INTO api_quota (system, used, daily_limit, observed_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (system) DO UPDATE SET
                            used = excluded.used, daily_limit = excluded.daily_limit, observed_at = excluded.observed_at
                        """,
                    arguments: [quota.system, quota.used, quota.dailyLimit, quota.observedAt])
            }
        }
    }

    public func quotas() async throws -> [APIQuotaUsage] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT system, used, daily_limit, observed_at FROM api_quota ORDER BY system").map { row in
                APIQuotaUsage(system: row["system"], used: row["used"], dailyLimit: row["daily_limit"], observedAt: row["observed_at"])
            }
        }
    }

    public func fenced(by leases: [FlowLease]) -> any StateStore { self }
}
