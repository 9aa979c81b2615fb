/// Rate pacing: at most `limit` requests per `window`, spaced evenly (`window / limit` apart), so even a burst never
/// exceeds the limit. Zoho Books: 100 requests per 60 s per organization (Zoho Books API v3, "API Call Limit").
///
/// The running state lives in ``RequestPacer``, which also adjusts from the server's observed remaining count and
/// reset time (``RequestPacer/observe(remaining:resetIn:)``), so the transport never waits on a 429 to learn the rate.
public struct RequestPacing: Sendable, Hashable {
    /// Requests allowed per window.
    public var limit: Int
    /// The window the limit applies to.
    public var window: Duration

    /// Creates a pacing of `limit` requests per `window`.
    public init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// The even spacing between two request starts: `window / limit`.
    public var interval: Duration {
        window / max(limit, 1)
    }
}
