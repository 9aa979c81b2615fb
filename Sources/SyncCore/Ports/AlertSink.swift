import Foundation

/// What an alert is about.
public enum AlertKind: String, Sendable, Hashable, Codable {
    /// A record failed permanently or after its retries (once per idempotency key).
    case persistentFailure = "persistent_failure"
    /// A record that failed before has now gone through.
    case recovered
    /// A product's stock fell below the threshold.
    case lowStock = "low_stock"
    /// The drift summary after a full reconcile.
    case driftSummary = "drift_summary"
    /// A system's quota guard tripped.
    case quotaGuard = "quota_guard"
}

/// A record an alert names, with a link where one is known.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// The system holding the record.
    public var system: SyncSystem
    /// The record's id in that system.
    public var id: String
    /// A human label (Opportunity name, material number).
    public var label: String?
    /// A link to the record (Salesforce `{instance_url}/{Id}`), when known.
    public var url: String?

    public init(system: SyncSystem, id: String, label: String? = nil, url: String? = nil) {
        self.system = system
        self.id = id
        self.label = label
        self.url = url
    }
}

/// An alert to operators; rendered by the Slack notifier as Block Kit with `text` as the fallback.
public struct Alert: Sendable, Hashable, Codable {
    /// The kind.
    public var kind: AlertKind
    /// One-line title, e.g. "Sales Order create failed".
    public var title: String
    /// Details for people: the error message, what to do. Never a secret.
    public var text: String
    /// The records involved.
    public var records: [AlertRecord]

    public init(kind: AlertKind, title: String, text: String, records: [AlertRecord]) {
        self.kind = kind
        self.title = title
        self.text = text
        self.records = records
    }
}

/// Where alerts go. Implemented by `SlackNotifier.SlackWebhookNotifier`.
public protocol AlertSink: Sendable {
    /// Delivers one alert (paced under the destination's rate limit).
    /// - Throws: `SyncError` (system `.slack`) when delivery failed; callers journal it and carry on.
    func send(_ alert: Alert) async throws
}
