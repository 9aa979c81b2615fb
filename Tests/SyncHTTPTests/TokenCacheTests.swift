import Foundation
import Synchronization
import SyncHTTP
import Testing

@Suite("Token cache")
struct TokenCacheTests {
    private struct FetchFailed: Error {}

    @Test("concurrent callers share one fetch")
    func singleFlight() async throws {
        let cache = TokenCache<String>()
        let fetches = Tally()
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await cache.token {
                        let number = fetches.next()
                        try await Task.sleep(for: .milliseconds(20))
                        return ("token-\(number)", expiresAt: nil)
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(fetches.value == 1)
        #expect(Set(tokens) == ["token-1"])
        #expect(tokens.count == 20)
    }

    @Test("an expired token is fetched again, a fresh one is reused")
    func expiry() async throws {
        let clock = WallClock(Date(timeIntervalSince1970: 1_700_000_000))
        let cache = TokenCache<String>(expiryMargin: .seconds(60), now: { clock.now })
        let fetches = Tally()
        let fetch: @Sendable () async throws -> (String, expiresAt: Date?) = {
            ("token-\(fetches.next())", expiresAt: clock.now.addingTimeInterval(3_600))
        }
        #expect(try await cache.token(refreshingWith: fetch) == "token-1")
        clock.advance(by: 3_500)
        #expect(try await cache.token(refreshingWith: fetch) == "token-1")
        clock.advance(by: 60)
        #expect(try await cache.token(refreshingWith: fetch) == "token-2")
        await cache.invalidate()
        #expect(try await cache.token(refreshingWith: fetch) == "token-3")
    }

    @Test("a failed fetch reaches every waiter and is not cached")
    func failure() async throws {
        let cache = TokenCache<String>()
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    do {
                        _ = try await cache.token {
                            try await Task.sleep(for: .milliseconds(20))
                            throw FetchFailed()
                        }
                        return false
                    } catch {
                        return error is FetchFailed
                    }
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(failures == 5)
        #expect(try await cache.token { ("after", expiresAt: nil) } == "after")
    }
}

/// A settable wall clock (UTC) for expiry tests.
private final class WallClock: Sendable {
    private let date: Mutex<Date>

    init(_ start: Date) { date = Mutex(start) }

    var now: Date { date.withLock { $0 } }

    func advance(by seconds: TimeInterval) { date.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
