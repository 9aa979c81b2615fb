import Foundation
import SyncCore

/// Where the PostgreSQL state store is: host, port, database, user, password and TLS mode, parsed from `STATE_URL`.
///
/// Forms: `postgres://USER:PASSWORD@HOST:PORT/DATABASE` or `postgresql://…`, optional `?sslmode=disable|prefer|require`
/// (default `prefer`). User, password and database are percent-decoded; the port defaults to 5432 and the database to
/// the user name. `description` names user, host, port and database but never the password.
public struct PostgresStateLocation: Sendable, Hashable, CustomStringConvertible {
    /// The TLS mode (`sslmode`).
    public enum TLSMode: String, Sendable, Hashable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it (the default).
        case prefer
        /// TLS or fail.
        case require
    }

    /// The server host name or address.
    public var host: String
    /// The TCP port (default 5432).
    public var port: Int
    /// The user to log in as.
    public var username: String
    /// The password, if any; never printed.
    public var password: String?
    /// The database.
    public var database: String
    /// The TLS mode.
    public var tlsMode: TLSMode
    /// The schema search path the store's sessions use (tests use a schema per test), or the server's default.
    public var searchPath: String?

    /// Describes a location directly.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String, tlsMode: TLSMode = .prefer,
        searchPath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.searchPath = searchPath
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    /// - Throws: `SyncError` `.configuration` saying what is wrong, without echoing the URL (it may hold a password).
    public init(url text: String) throws {
        func invalid(_ why: String) -> SyncError {
            SyncError(
                code: .configuration, system: .configuration,
                message: "STATE_URL \(why); expected postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=disable|prefer|require].")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw invalid("is not a URL")
        }
        guard scheme == "postgres" || scheme == "postgresql" else { throw invalid("has scheme '\(scheme)'") }
        guard let host = components.host, !host.isEmpty else { throw invalid("has no host") }
        // The percent-encoded parts, decoded once (`user`, `password` and `path` are decoded already).
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else { throw invalid("has no user") }
        let path = components.percentEncodedPath.hasPrefix("/") ? String(components.percentEncodedPath.dropFirst()) : components.percentEncodedPath
        guard let database = path.removingPercentEncoding else { throw invalid("has a badly percent-encoded database name") }
        let password = try components.percentEncodedPassword.map { encoded in
            guard let decoded = encoded.removingPercentEncoding else { throw invalid("has a badly percent-encoded password") }
            return decoded
        }
        var tlsMode = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw invalid("has sslmode '\(item.value ?? "")' (disable, prefer or require)")
                }
                tlsMode = mode
            default:
                throw invalid("has unknown parameter '\(item.name)'")
            }
        }
        self.init(
            host: host, port: components.port ?? 5432, username: user,
            password: password, database: database.isEmpty ? user : database,
            tlsMode: tlsMode)
    }

    /// True when `text` is a PostgreSQL URL (scheme `postgres` or `postgresql`).
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// `postgres://USER@HOST:PORT/DATABASE`, without the password.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)"
    }
}
