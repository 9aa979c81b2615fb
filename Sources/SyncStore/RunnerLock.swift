import Foundation
import SyncCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a state store, so only one runner works on it at a time.
///
/// It is an advisory `flock` on `<store path>.lock`: the operating system releases it when the process ends,
/// even by SIGKILL, so a crashed runner never leaves a stale lock behind.
public final class RunnerLock: Sendable {
    private let descriptor: Int32
    /// The lock file's path.
    public let path: String

    /// Takes the lock without waiting.
    /// - Throws: `SyncError` `.locked` when another runner holds it; `.stateStore` when the file cannot be opened.
    public init(storePath: String) throws {
        path = storePath + ".lock"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw SyncError(
                code: .stateStore, system: .stateStore,
                message: "Cannot create the state store's folder \(folder.path); check the path and its permissions.")
        }
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "Cannot open the lock file \(path) (errno \(errno)).")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw SyncError(
                code: .locked, system: .stateStore,
                message: "Another crm-sync runner is using the state store (lock \(path)); stop it or wait for it to finish.")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { write(fd, $0, strlen($0)) }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
