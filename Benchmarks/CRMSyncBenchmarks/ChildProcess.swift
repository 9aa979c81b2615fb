import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: its exit status, wall time and peak resident memory.
struct ChildRun: Sendable {
    /// The exit status (128 + signal number when a signal ended it).
    var status: Int32
    /// Wall-clock seconds from spawn to exit.
    var wallSeconds: Double
    /// Peak resident set size in bytes: the child's own high-water mark (`VmHWM` of `/proc/<pid>/status`).
    var peakResidentBytes: Int
    /// Standard output and error, interleaved.
    var output: String
}

/// Runs benchmark children: the measured `crm-sync` process, and the simulators' process.
enum ChildProcess {
    /// Spawns `executable` with `arguments` and exactly `environment`, waits for it (on a thread of its own, so the
    /// concurrency pool is not blocked) and returns its status, wall time and peak RSS. Only this child's own memory
    /// is counted: the simulators run in another process, and the peak is the child's `VmHWM`, read every 10 ms
    /// until it exits. `wait4`'s `ru_maxrss` is not used: Linux starts a spawned child's maximum at the size of its
    /// parent (this benchmark process, which holds in-process simulators of the earlier benchmarks).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws -> ChildRun {
        let outputPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("crm-sync-bench-child-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let started = ContinuousClock.now
        let pid = try spawn(executable, arguments, environment: environment, outputPath: outputPath)
        let (status, maxRSSKiB) = await withCheckedContinuation { (continuation: CheckedContinuation<(Int32, Int), Never>) in
            Thread.detachNewThread {
                var rawStatus: Int32 = 0
                var peakKiB = 0
                while true {
                    // The high-water mark only grows, so the last reading before the exit is the peak (a zombie's
                    // status has no VmHWM line).
                    peakKiB = max(peakKiB, highWaterMarkKiB(pid) ?? 0)
                    let waited = waitpid(pid, &rawStatus, WNOHANG)
                    if waited == pid || (waited == -1 && errno != EINTR) { break }
                    usleep(10_000)
                }
                let exited = rawStatus & 0x7F == 0
                let status = exited ? (rawStatus >> 8) & 0xFF : 128 + (rawStatus & 0x7F)
                continuation.resume(returning: (status, peakKiB))
            }
        }
        let elapsed = ContinuousClock.now - started
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return ChildRun(
            status: status, wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
            peakResidentBytes: maxRSSKiB * 1024, output: output)
    }

    /// `VmHWM` of `/proc/<pid>/status` in KiB (the process's peak resident set size so far), nil once it exited.
    private static func highWaterMarkKiB(_ pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Int($0) }
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], outputPath: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard result == 0 else {
            throw BenchmarkFailure("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// The `crm-sync` executable beside this benchmark executable (both are products of the same build), or nil.
    static func crmSyncExecutable() -> String? {
        let own = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let candidate = URL(fileURLWithPath: own).deletingLastPathComponent().appendingPathComponent("crm-sync").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    /// This benchmark executable's own path (for the simulators' child and the fallback reconcile child).
    static func ownExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}

/// A benchmark that could not run as set up.
struct BenchmarkFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
