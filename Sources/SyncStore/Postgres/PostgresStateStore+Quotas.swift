import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func saveQuotas(_ quotas: [APIQuotaUsage]) async throws {
        guard !quotas.isEmpty else { return }
        let changed = APIQuotaUsage.changed(quotas, stored: try await self.quotas())
        guard !changed.isEmpty else { return }
        try await write { session in
            for quota in changed { try await Self.upsert(quota, session) }
        }
    }

    public func quotas() async throws -> [APIQuotaUsage] {
        try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.quotaColumns) FROM api_quota ORDER BY system")
                .map(PostgresRecords.quota)
        }
    }

    static func upsert(_ quota: APIQuotaUsage, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO api_quota (system, used, daily_limit, observed_at)
            VALUES (\(quota.system), \(quota.used), \(quota.dailyLimit), \(quota.observedAt))
            ON CONFLICT (system) DO UPDATE SET
                used = excluded.used, daily_limit = excluded.daily_limit, observed_at = excluded.observed_at
            """)
    }
}
