import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func watermark(for stream: String) async throws -> Watermark? {
        try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.watermarkColumns) FROM watermark WHERE stream = \(stream)")
                .first.map(PostgresRecords.watermark)
        }
    }

    public func watermarks() async throws -> [Watermark] {
        try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.watermarkColumns) FROM watermark ORDER BY stream")
                .map(PostgresRecords.watermark)
        }
    }

    public func saveWatermark(_ watermark: Watermark) async throws {
        try await write { session in try await Self.upsert(watermark, session) }
    }

    public func deleteWatermark(for stream: String) async throws {
        try await write { session in
            try await session.execute("DELETE FROM watermark WHERE stream = \(stream)")
        }
    }

    static func upsert(_ watermark: Watermark, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO watermark (stream, position, lastID, updatedAt)
            VALUES (\(watermark.stream), \(watermark.position), \(watermark.lastID), \(watermark.updatedAt))
            ON CONFLICT (stream) DO UPDATE SET
                position = excluded.position, lastID = excluded.lastID, updatedAt = excluded.updatedAt
            """)
    }
}
