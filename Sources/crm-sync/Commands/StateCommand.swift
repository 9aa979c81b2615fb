import ArgumentParser
import Foundation
import SyncCore
import SyncStore

/// `crm-sync state export|import`: moves the whole state (watermarks, mappings, journal, dead letters, runs, quota)
/// between stores, e.g. from the SQLite file to PostgreSQL.
struct StateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "Export the state store to a JSON Lines file, or import one (moving SQLite state to PostgreSQL).",
        discussion: """
            Stop every runner first. Export reads the store configured now (STATE_URL, else --state / \
            CRMSYNC_STATE_PATH); import writes the store configured then (PostgreSQL: run `crm-sync migrate` first), in \
            one transaction, and refuses a store that already has rows unless --replace, or a PostgreSQL store whose \
            flow leases are still held by running replicas. See docs/postgresql.md.

            Examples:
              crm-sync state export --state state/crm-sync.sqlite --output crm-sync-state.jsonl
              STATE_URL=postgres://crm:secret@db.internal/crmsync crm-sync state import --input crm-sync-state.jsonl
            """,
        subcommands: [Export.self, Import.self])

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every state table as JSON Lines (a header line, then one row per line; file mode 0600).",
            discussion: """
                Examples:
                  crm-sync state export --output crm-sync-state.jsonl
                  crm-sync state export --state state/crm-sync.sqlite --output /backup/crm-sync-state.jsonl
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The file to write (replaced if it exists).") var output: String

        func run() async throws {
            do {
                let location = try await global.stateLocation()
                let logger = LoggingSetup.logger(format: "logfmt", level: "error")
                let header = StateArchive.Header(backend: location.backendName, exportedAt: Date())
                let counts = try await location.withStore(logger: logger, lock: true, mustExist: true) { store in
                    try await StateArchive.export(store, header: header, to: URL(fileURLWithPath: output))
                }
                printCounts(counts)
                print("Exported \(counts.values.reduce(0, +)) rows from \(location) (\(location.backendName), schema \(header.schemaVersion)) to \(output).")
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load an export into the configured state store, in one transaction.",
            discussion: """
                Examples:
                  STATE_URL=postgres://crm:secret@db.internal/crmsync crm-sync migrate
                  STATE_URL=postgres://crm:secret@db.internal/crmsync crm-sync state import --input crm-sync-state.jsonl
                  crm-sync state import --state state/restored.sqlite --input crm-sync-state.jsonl --replace
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The export file to read.") var input: String
        @Flag(help: "Delete the target's rows first (otherwise a store with rows is refused).") var replace = false

        func run() async throws {
            do {
                let (header, records) = try StateArchive.read(from: URL(fileURLWithPath: input))
                let location = try await global.stateLocation()
                let logger = LoggingSetup.logger(format: "logfmt", level: "error")
                try await location.withStore(logger: logger, lock: true) { store in
                    try await store.importRecords(records, replacing: replace)
                }
                printCounts(Dictionary(grouping: records, by: \.table).mapValues(\.count))
                print("Imported \(records.count) rows (exported from \(header.backend) at schema \(header.schemaVersion)) into \(location) (\(location.backendName)).")
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }
}

/// Prints rows per table in export order.
private func printCounts(_ counts: [String: Int]) {
    print(table(["table", "rows"], StateRecord.tables.map { [$0, "\(counts[$0] ?? 0)"] }))
}
