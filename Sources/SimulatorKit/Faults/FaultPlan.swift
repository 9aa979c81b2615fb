import Foundation

/// How often a simulator answers a request with a fault instead of its normal answer.
///
/// Rates are probabilities per request in `0...1`; their sum should not exceed 1 (the kinds are drawn from one
/// uniform number, in declaration order, so a sum above 1 starves the later kinds). The sequence of faults is
/// deterministic for a given `seed`. Served as JSON by `GET/PUT /_operator/faults`.
public struct FaultPlan: Sendable, Codable, Hashable {
    /// Seed of the deterministic random sequence (SplitMix64).
    public var seed: UInt64
    /// HTTP 429 with `Retry-After` (vendor-shaped body).
    public var rateLimited: Double
    /// HTTP 429 without `Retry-After`.
    public var rateLimitedWithoutRetryAfter: Double
    /// HTTP 500, 502, 503, 504 in turn (vendor-shaped body).
    public var serverError: Double
    /// The connection is closed with no complete response.
    public var connectionReset: Double
    /// The normal response, delayed by `slowResponseSeconds`.
    public var slowResponse: Double
    /// Delay of a slow response, in seconds.
    public var slowResponseSeconds: Double
    /// The vendor's "token expired/invalid" answer.
    public var tokenExpiry: Double
    /// SAP only: 403 with `x-csrf-token: Required` on a modifying request.
    public var csrfExpiry: Double
    /// HTTP 502 with an HTML page, as a proxy or gateway answers.
    public var htmlErrorBody: Double
    /// The normal response with its body cut in half.
    public var truncatedBody: Double

    /// Creates a plan; every rate defaults to 0 (no faults).
    public init(
        seed: UInt64 = 1, rateLimited: Double = 0, rateLimitedWithoutRetryAfter: Double = 0,
        serverError: Double = 0, connectionReset: Double = 0, slowResponse: Double = 0,
        slowResponseSeconds: Double = 5, tokenExpiry: Double = 0, csrfExpiry: Double = 0,
        htmlErrorBody: Double = 0, truncatedBody: Double = 0
    ) {
        self.seed = seed
        self.rateLimited = rateLimited
        self.rateLimitedWithoutRetryAfter = rateLimitedWithoutRetryAfter
        self.serverError = serverError
        self.connectionReset = connectionReset
        self.slowResponse = slowResponse
        self.slowResponseSeconds = slowResponseSeconds
        self.tokenExpiry = tokenExpiry
        self.csrfExpiry = csrfExpiry
        self.htmlErrorBody = htmlErrorBody
        self.truncatedBody = truncatedBody
    }

    /// The plan without faults.
    public static let none = FaultPlan()

    /// Spreads `rate` evenly over every kind (a request gets some fault with probability `rate`).
    public static func uniform(rate: Double, seed: UInt64) -> FaultPlan {
        let each = rate / 9
        return FaultPlan(
            seed: seed, rateLimited: each, rateLimitedWithoutRetryAfter: each, serverError: each,
            connectionReset: each, slowResponse: each, tokenExpiry: each, csrfExpiry: each,
            htmlErrorBody: each, truncatedBody: each
        )
    }

    /// The sum of all rates: the probability that a request gets some fault (at most 1).
    public var totalRate: Double {
        rateLimited + rateLimitedWithoutRetryAfter + serverError + connectionReset + slowResponse + tokenExpiry
            + csrfExpiry + htmlErrorBody + truncatedBody
    }
}
