extension HTTPTransport {
    /// Timeouts, TLS trust, retry, pacing and size limits of one system's transport.
    public struct Configuration: Sendable {
        /// Time allowed to establish a connection, TLS handshake included (10 s). Applied by
        /// ``makeHTTPClient(configuration:)``.
        public var connectTimeout: Duration
        /// Longest silence while waiting for response bytes (30 s). Applied by ``makeHTTPClient(configuration:)``.
        public var readTimeout: Duration
        /// Overall deadline of one attempt, from the start of sending to the last body byte (60 s).
        public var requestDeadline: Duration
        /// Retries of retryable failures.
        public var retryPolicy: RetryPolicy
        /// Requests of this transport in flight at once (4).
        public var maxConcurrentRequests: Int
        /// Request-rate pacing; nil for none.
        public var pacing: RequestPacing?
        /// Path of an extra PEM CA bundle trusted in addition to the system's roots (the simulators' CA); nil for
        /// the system roots only. Certificate verification is always on.
        public var trustedCAFile: String?
        /// Largest response body read (64 MiB); a larger one fails with `.malformedResponse`.
        public var maxResponseBytes: Int

        /// Creates a configuration; every value has the team default.
        public init(
            connectTimeout: Duration = .seconds(10),
            readTimeout: Duration = .seconds(30),
            requestDeadline: Duration = .seconds(60),
            retryPolicy: RetryPolicy = .default,
            maxConcurrentRequests: Int = 4,
            pacing: RequestPacing? = nil,
            trustedCAFile: String? = nil,
            maxResponseBytes: Int = 64 * 1024 * 1024
        ) {
            self.connectTimeout = connectTimeout
            self.readTimeout = readTimeout
            self.requestDeadline = requestDeadline
            self.retryPolicy = retryPolicy
            self.maxConcurrentRequests = maxConcurrentRequests
            self.pacing = pacing
            self.trustedCAFile = trustedCAFile
            self.maxResponseBytes = maxResponseBytes
        }
    }
}
