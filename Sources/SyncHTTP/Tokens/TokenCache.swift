import Foundation

/// Single-flight cache of an expiring access token: concurrent callers share one fetch.
///
/// A cached token is used until `expiryMargin` before its `expiresAt` (UTC); a token without an expiry is kept
/// until ``invalidate()``. While a fetch runs, further callers wait for its result (or its error) instead of
/// starting their own, so a burst of requests after an expiry costs one token request
/// (Zoho allows 10 access tokens per refresh token per 10 minutes).
public actor TokenCache<Token: Sendable> {
    private let expiryMargin: Duration
    private let now: @Sendable () -> Date
    private var cached: (token: Token, expiresAt: Date?)?
    private var waiters: [CheckedContinuation<Token, any Error>]?
    private var generation = 0

    /// Creates an empty cache.
    /// - Parameters:
    ///   - expiryMargin: how long before `expiresAt` a token counts as expired (60 s).
    ///   - now: the wall clock (UTC), injected for tests.
    public init(expiryMargin: Duration = .seconds(60), now: @escaping @Sendable () -> Date = { Date() }) {
        self.expiryMargin = expiryMargin
        self.now = now
    }

    /// The cached token, or the result of one shared call of `fetch` when there is none or it expired.
    /// - Parameter fetch: obtains a new token and its expiry instant (UTC), nil when it does not expire.
    /// - Throws: what `fetch` throws (every waiting caller receives the same error).
    public func token(
        refreshingWith fetch: @Sendable () async throws -> (Token, expiresAt: Date?)
    ) async throws -> Token {
        if let cached, isFresh(cached.expiresAt) { return cached.token }
        if waiters != nil {
            return try await withCheckedThrowingContinuation { waiters?.append($0) }
        }
        waiters = []
        let fetchGeneration = generation
        let result: Result<(Token, expiresAt: Date?), any Error>
        do {
            result = .success(try await fetch())
        } catch {
            result = .failure(error)
        }
        if case .success(let fetched) = result, fetchGeneration == generation {
            cached = (fetched.0, fetched.expiresAt)
        }
        let pending = waiters ?? []
        waiters = nil
        let tokenResult = result.map(\.0)
        for waiter in pending { waiter.resume(with: tokenResult) }
        return try tokenResult.get()
    }

    /// Drops the cached token so the next caller fetches a new one (after a 401-style answer). A fetch already
    /// running when this is called still answers its waiters but is not cached.
    public func invalidate() {
        cached = nil
        generation += 1
    }

    private func isFresh(_ expiresAt: Date?) -> Bool {
        guard let expiresAt else { return true }
        return now().addingTimeInterval(expiryMargin.seconds) < expiresAt
    }
}
