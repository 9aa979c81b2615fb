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
/// seconds, rounded down) and `seal`, an HMAC-SHA256 (hex) of those three values keyed by a SHA-256 of the accounts
/// server, client id and refresh token. So a token is only taken back for the same credentials, and a file whose
/// token, Books base or expiry was changed by anyone who cannot know the refresh token is ignored (it would
/// otherwise send the token and every Books call to another host); neither the refresh token nor the client secret
/// is stored. It is written with mode 0600 through a temporary file in the same folder and a rename, so a reader
/// never sees half a file. Only a regular file of at most 64 KiB is read, and only a token cache file (or nothing)
/// is ever replaced: a path naming the state store, a device or a symbolic link is left alone with a warning. A
/// file that cannot be read or parsed is ignored (debug log); one that cannot be written is a warning (no value)
/// and the token then lives in memory only.
struct ZohoTokenFile: Sendable {
    /// A token read from the file.
    struct Entry: Sendable, Equatable {
        var token: ZohoAccessToken
        /// When Zoho stops accepting the token (UTC).
        var expiresAt: Date
    }

    private struct Contents: Codable {
        var seal: String
        var accessToken: String
        var booksBaseURL: String
        var expiresAt: Date

        enum CodingKeys: String, CodingKey {
            case seal
            case accessToken = "access_token"
            case booksBaseURL = "books_base_url"
            case expiresAt = "expires_at"
        }
    }

    /// The largest file read as a token cache (a real one is about 300 bytes).
    static let maximumFileBytes = 65_536

    /// The file's path.
    let path: String
    private let sealKey: SymmetricKey
    private let logger: Logger

    /// - Parameters:
    ///   - accountsURL, clientID, refreshToken: the credentials the tokens belong to; they key the seal.
    init(path: String, accountsURL: String, clientID: String, refreshToken: String, logger: Logger) {
        self.path = path
        let credentials = [accountsURL.trimmingTrailingSlashes, clientID, refreshToken].joined(separator: "\n")
        sealKey = SymmetricKey(data: SHA256.hash(data: Data(credentials.utf8)))
        self.logger = logger
    }

    /// The stored token when the path is a small regular file that parses and whose seal matches these
    /// credentials; nil otherwise.
    func load() -> Entry? {
        guard isRegularFile(maximumBytes: Self.maximumFileBytes), let data = FileManager.default.contents(atPath: path) else {
            logger.debug("No readable Zoho token cache file", metadata: ["path": "\(path)"])
            return nil
        }
        guard let contents = try? Self.decoder().decode(Contents.self, from: data) else {
            logger.debug("Ignoring a Zoho token cache file that does not parse", metadata: ["path": "\(path)"])
            return nil
        }
        guard !contents.accessToken.isEmpty, contents.seal == seal(contents) else {
            logger.debug("Ignoring a Zoho token cache file of other credentials or changed by hand", metadata: ["path": "\(path)"])
            return nil
        }
        return Entry(
            token: ZohoAccessToken(value: contents.accessToken, booksBaseURL: contents.booksBaseURL),
            expiresAt: contents.expiresAt)
    }

    /// Replaces the file with `entry` (mode 0600, atomically) when the path is free or holds a token cache file;
    /// logs a warning when it holds something else or the write fails.
    func save(_ entry: Entry) {
        var contents = Contents(
            seal: "", accessToken: entry.token.value, booksBaseURL: entry.token.booksBaseURL,
            expiresAt: Date(timeIntervalSince1970: entry.expiresAt.timeIntervalSince1970.rounded(.down)))
        contents.seal = seal(contents)
        guard mayReplace() else {
            logger.warning(
                "The Zoho token cache path names a file that is not a token cache; it is left alone and the token is kept in memory only",
                metadata: ["path": "\(path)"])
            return
        }
        do {
            try replaceFile(with: try Self.encoder().encode(contents))
        } catch {
            logger.warning(
                "Cannot write the Zoho token cache file; the token is kept in memory only",
                metadata: ["path": "\(path)", "reason": "\(error)"])
        }
    }

    /// HMAC-SHA256 hex of the token, Books base and expiry (whole seconds since 1970), keyed by the credentials.
    private func seal(_ contents: Contents) -> String {
        let message = [
            contents.accessToken, contents.booksBaseURL, String(Int64(contents.expiresAt.timeIntervalSince1970.rounded(.down))),
        ].joined(separator: "\n")
        return HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: sealKey)
            .map { String(format: "%02x", $0) }.joined()
    }

    /// True when nothing is at the path, or a regular file that parses as a token cache (of any credentials).
    private func mayReplace() -> Bool {
        var status = stat()
        // Nothing to protect when nothing can be found at the path; the write then says why it fails, if it does.
        guard lstat(path, &status) == 0 else { return true }
        guard isRegularFile(maximumBytes: Self.maximumFileBytes), let data = FileManager.default.contents(atPath: path) else {
            return false
        }
        return (try? Self.decoder().decode(Contents.self, from: data)) != nil
    }

    /// True when the path itself (not a link's target) is a regular file of at most `maximumBytes`.
    private func isRegularFile(maximumBytes: Int) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        return (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) <= maximumBytes
    }

    private func replaceFile(with data: Data) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            // A folder made for the file is private to the user, like the file.
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
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
