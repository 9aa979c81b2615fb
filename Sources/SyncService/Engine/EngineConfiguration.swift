import Foundation
import SyncCore

/// How the engine reads and reconciles (from configuration; defaults suit most orgs).
public struct EngineConfiguration: Sendable, Hashable {
    /// Business settings for the planners.
    public var settings: SyncSettings
    /// The Opportunity timestamp the deal streams follow (`LastModifiedDate` by default).
    public var modstampField: ModstampField
    /// How far behind its watermark each poll re-reads, in seconds (late-visible records, shared timestamps).
    public var overlapSeconds: TimeInterval
    /// Consecutive system failures (outage-like errors after retries) that stop a system for the rest of a pass.
    public var circuitBreakerThreshold: Int
    /// Records planned per Salesforce write call (sObject Collections allow at most 200).
    public var writeBatchSize: Int
    /// How often an incremental stock pass also reads all SAP stock, in seconds (hourly by default). Between full
    /// reads only products whose master record changed (`LastChangeDateTime`) are refreshed.
    public var stockFullReadIntervalSeconds: TimeInterval
    /// The quota guard: a system whose used share of its daily API allowance (Salesforce `Sforce-Limit-Info`,
    /// Zoho `X-Rate-Limit-*`) reaches this is not called for the rest of its window (0.8 = 80 %; 1 turns it off).
    public var quotaGuardShare: Double
    /// While the quota guard holds Salesforce back, how often (seconds) one cheap usage probe (`GET /limits`) checks
    /// whether its rolling 24-hour window has freed up (900 = at most every 15 minutes).
    public var quotaProbeIntervalSeconds: TimeInterval
    /// How many Accounts' deals are applied side by side (1...16; deals of one Account always one after the other).
    /// Each system's HTTP client still keeps its own limit of requests in flight, and Zoho Books its pace.
    public var dealConcurrency: Int

    public init(
        settings: SyncSettings = SyncSettings(), modstampField: ModstampField = .lastModifiedDate,
        overlapSeconds: TimeInterval = 300, circuitBreakerThreshold: Int = 5, writeBatchSize: Int = 200,
        stockFullReadIntervalSeconds: TimeInterval = 3600, quotaGuardShare: Double = 0.8,
        quotaProbeIntervalSeconds: TimeInterval = 900, dealConcurrency: Int = 4
    ) {
        self.dealConcurrency = min(max(dealConcurrency, 1), 16)
        self.quotaProbeIntervalSeconds = quotaProbeIntervalSeconds
        self.quotaGuardShare = quotaGuardShare
        self.stockFullReadIntervalSeconds = stockFullReadIntervalSeconds
        self.settings = settings
        self.modstampField = modstampField
        self.overlapSeconds = overlapSeconds
        self.circuitBreakerThreshold = circuitBreakerThreshold
        self.writeBatchSize = min(max(writeBatchSize, 1), 200)
    }
}

/// What a pass reads.
public enum PassMode: Sendable, Hashable {
    /// From each flow's watermark (minus the overlap); moves the watermarks.
    case incremental
    /// Everything in each system, ignoring watermarks (nightly full reconcile); watermarks are not moved back.
    case full
    /// A window of source timestamps, without moving the live watermarks; it keeps its own cursor per flow
    /// (`BackfillCursor`) and resumes from it when the same window is run again.
    case backfill(from: Date, to: Date?)
    /// Only the given source records (dead-letter retry); watermarks untouched.
    case records([String])

    var movesWatermarks: Bool {
        if case .incremental = self { return true }
        return false
    }
}
