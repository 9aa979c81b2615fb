import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func saveQuotas(_ quotas: [APIQuotaUsage]) async throws {
        guard !quotas.isEmpty else { return }
        let stored = Dictionary(try await self.quotas().map { ($0.system, $0) }, uniquingKeysWith: { a, _ in a })
        let changed = quotas.filter { quota in
            guard let old = stored[quota.system] else { return true }
            return old.used != quota.used || old.dailyLimit != quota.dailyLimit
        }
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
