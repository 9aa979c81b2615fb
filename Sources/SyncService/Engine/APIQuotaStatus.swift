import Foundation
import SyncStore

/// One system's API quota in the status document: calls used of the daily allowance and the share.
///
/// Salesforce: `Sforce-Limit-Info: api-usage=used/limit` (the org's rolling 24-hour allowance); Zoho Books:
/// `X-Rate-Limit-Limit` minus `X-Rate-Limit-Remaining` (the organization's daily request limit). Stored by the
/// engine at the end of a pass when usage moved by a percentage point or more, so `used` may lag the live figure by
/// up to one point of the allowance.
public struct APIQuotaStatus: Sendable, Codable, Hashable {
    /// The system (`salesforce`, `zoho`: `SyncSystem.rawValue`).
    public var system: String
    /// API calls used in the current daily window.
    public var used: Int
    /// API calls allowed in the window.
    public var limit: Int
    /// `used / limit` (0...1; 0 when the limit is 0).
    public var usedShare: Double
    /// When the figures were read from the system's response headers (UTC).
    public var observedAt: Date

    /// The status of a stored observation.
    public init(_ usage: APIQuotaUsage) {
        system = usage.system
        used = usage.used
        limit = usage.dailyLimit
        usedShare = usage.dailyLimit > 0 ? Double(usage.used) / Double(usage.dailyLimit) : 0
        observedAt = usage.observedAt
    }
}
