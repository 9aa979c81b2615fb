import Crypto
import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Zoho access token persisted between `crm-sync` processes, so one-shot commands run in a row (or from cron)
/// share a token instead of each spending one of the 10 tokens a refresh token may obtain per 10 minutes
/// (zoho.md §2).
///
/// The file is JSON: `access_token`, `books_base_url` (`{api_domain}/books/v3`), `expires_at` (ISO 8601, UTC, whole
/// seconds, rounded down) and `fingerprint`, the SHA-256 hex of the accounts server, client id and refresh token —
/// a token is only taken back for the same credentials, and neither the refresh token nor the client secret is
/// stored. It is written with mode 0600 through a temporary file in the same folder and a rename, so a reader never
/// sees half a file. A file that cannot be read or parsed is ignored (debug log); one that cannot be written is a
/// warning (no value) and the token then lives in memory only.
struct ZohoTokenFile: Sendable {
    /// A token read from the file.
    struct Entry: Sendable, Equatable {
        var token: ZohoAccessToken
        /// When Zoho stops accepting the token (UTC).
        var expiresAt: Date
    }

    private struct Contents: Codable {
        var fingerprint: String
        var accessToken: String
        var booksBaseURL: String
        var expiresAt: Date

        enum CodingKeys: String, CodingKey {
            case fingerprint
            case accessToken = "access_token"
            case booksBaseURL = "books_base_url"
            case expiresAt = "expires_at"
        }
    }

    /// The file's path.
    let path: String
    /// The credentials' fingerprint (see ``fingerprint(accountsURL:clientID:refreshToken:)``).
    let fingerprint: String
    private let logger: Logger

    init(path: String, fingerprint: String, logger: Logger) {
        self.path = path
        self.fingerprint = fingerprint
        self.logger = logger
    }

    /// SHA-256 hex of `accountsURL`, `clientID` and `refreshToken`, one per line (the accounts URL without trailing
    /// `/`), so a token obtained with other credentials or from another data center is never reused.
    static func fingerprint(accountsURL: String, clientID: String, refreshToken: String) -> String {
        let credentials = [accountsURL.trimmingTrailingSlashes, clientID, refreshToken].joined(separator: "\n")
        return SHA256.hash(data: Data(credentials.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The stored token when the file exists, parses and carries this fingerprint; nil otherwise.
    func load() -> Entry? {
        guard let data = FileManager.default.contents(atPath: path) else {
            logger.debug("No readable Zoho token cache file", metadata: ["path": "\(path)"])
            return nil
        }
        guard let contents = try? Self.decoder().decode(Contents.self, from: data) else {
            logger.debug("Ignoring a Zoho token cache file that does not parse", metadata: ["path": "\(path)"])
            return nil
        }
        guard contents.fingerprint == fingerprint, !contents.accessToken.isEmpty else {
            logger.debug("Ignoring a Zoho token cache file of other credentials", metadata: ["path": "\(path)"])
            return nil
        }
        return Entry(
            token: ZohoAccessToken(value: contents.accessToken, booksBaseURL: contents.booksBaseURL),
            expiresAt: contents.expiresAt)
    }

    /// Replaces the file with `entry` (mode 0600, atomically); logs a warning when that fails.
    func save(_ entry: Entry) {
        let contents = Contents(
            fingerprint: fingerprint, accessToken: entry.token.value, booksBaseURL: entry.token.booksBaseURL,
            expiresAt: Date(timeIntervalSince1970: entry.expiresAt.timeIntervalSince1970.rounded(.down)))
        do {
            try replaceFile(with: try Self.encoder().encode(contents))
        } catch {
            logger.warning(
                "Cannot write the Zoho token cache file; the token is kept in memory only",
                metadata: ["path": "\(path)", "reason": "\(error)"])
        }
    }

    private func replaceFile(with data: Data) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(step: "create the folder", errno: nil)
        }
        let temporaryName = ".\(url.lastPathComponent).\(UInt32.random(in: .min ... .max)).tmp"
        let temporary = folder.appendingPathComponent(temporaryName).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw WriteError(step: "create a temporary file", errno: errno) }
        let written = data.withUnsafeBytes { buffer in
            buffer.isEmpty ? 0 : write(descriptor, buffer.baseAddress!, buffer.count)
        }
        let writeErrno = errno
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == data.count, synced else {
            unlink(temporary)
            throw WriteError(step: "write the temporary file", errno: writeErrno)
        }
        guard rename(temporary, path) == 0 else {
            let renameErrno = errno
            unlink(temporary)
            throw WriteError(step: "rename the temporary file", errno: renameErrno)
        }
    }

    /// Why the file could not be written: the step and the POSIX error, never the file's content.
    struct WriteError: Error, CustomStringConvertible {
        var step: String
        var errno: Int32?

        var description: String {
            guard let errno else { return "cannot \(step)" }
            return "cannot \(step): \(String(cString: strerror(errno)))"
        }
    }

    private static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    private static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
