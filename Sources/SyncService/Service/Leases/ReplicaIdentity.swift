import Foundation

/// How a replica names itself in the flow leases.
public enum ReplicaIdentity {
    /// The default replica id: the host name and the process id (`app-7f9c-4211`), unique among replicas running
    /// at the same time. Set `CRMSYNC_REPLICA_ID` for a stable name (a pod name, a systemd instance).
    public static func defaultID() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return "\(host.isEmpty ? "host" : host)-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
