import Foundation
import NIOHTTP1
import Testing

@testable import SyncHTTP

/// Expected values are the worked table in `RetryPolicy`'s documentation (team brief: 3 attempts, 2 s base,
/// factor 2, cap 30 s, ±20 % jitter) and RFC 9110 §10.2.3 for Retry-After.
@Suite("Retry policy")
struct RetryPolicyTests {
    let policy = RetryPolicy.default

    @Test("the default is 3 attempts from a 2 s base")
    func defaults() {
        #expect(policy.maxAttempts == 3)
        #expect(policy.baseDelay == .seconds(2))
        #expect(policy.maxDelay == .seconds(30))
        #expect(policy.jitter == 0.2)
    }

    @Test(
        "nominal delays double and stop at the cap",
        arguments: [(1, 2_000), (2, 4_000), (3, 8_000), (4, 16_000), (5, 30_000), (9, 30_000)])
    func nominal(attempt: Int, milliseconds: Int) {
        #expect(policy.delay(afterAttempt: attempt, retryAfterSeconds: nil, random: 0.5) == .milliseconds(milliseconds))
    }

    @Test("jitter spans ±20 %")
    func jitterBounds() {
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: nil, random: 0) == .milliseconds(1_600))
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: nil, random: 1) == .milliseconds(2_400))
        #expect(policy.delay(afterAttempt: 2, retryAfterSeconds: nil, random: 0) == .milliseconds(3_200))
        #expect(policy.delay(afterAttempt: 5, retryAfterSeconds: nil, random: 1) == .seconds(30))
    }

    @Test("a server's Retry-After replaces the computed delay, capped at maxDelay")
    func retryAfter() {
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: 7, random: 0.9) == .seconds(7))
        #expect(policy.delay(afterAttempt: 2, retryAfterSeconds: 0.25, random: 0.9) == .milliseconds(250))
        #expect(policy.delay(afterAttempt: 1, retryAfterSeconds: 3_600, random: 0.5) == .seconds(30))
    }

    @Test("Retry-After is read as delta seconds or an HTTP date")
    func parseRetryAfter() throws {
        let now = try #require(RetryAfter.parseHTTPDate("Sun, 06 Nov 1994 08:49:07 GMT"))
        #expect(RetryAfter.seconds(status: 429, headers: ["Retry-After": "120"], now: now) == 120)
        #expect(
            RetryAfter.seconds(status: 503, headers: ["Retry-After": "Sun, 06 Nov 1994 08:49:37 GMT"], now: now) == 30)
        #expect(RetryAfter.seconds(status: 503, headers: ["Retry-After": "soon"], now: now) == nil)
        #expect(RetryAfter.seconds(status: 503, headers: [:], now: now) == nil)
    }

    @Test("Zoho's X-Rate-Limit-Reset counts only on a 429")
    func zohoReset() {
        let headers: HTTPHeaders = ["X-Rate-Limit-Limit": "1000", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "38689"]
        #expect(RetryAfter.seconds(status: 429, headers: headers, now: Date()) == 38_689)
        #expect(RetryAfter.seconds(status: 200, headers: headers, now: Date()) == nil)
    }
}
