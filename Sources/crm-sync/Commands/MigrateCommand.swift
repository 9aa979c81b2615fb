import ArgumentParser
import Foundation
import SyncCore
import SyncStore

/// `crm-sync migrate [--status]`: applies the state store's pending schema migrations, or shows them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the state store's pending schema migrations (or show them with --status).",
        discussion: """
            PostgreSQL (STATE_URL): run it once per upgrade, before starting the new version; `run` and `sync` refuse \
            to start on an older schema. It takes a PostgreSQL advisory lock, so two at once cannot collide. SQLite \
            migrates on open as well; this command does it explicitly.

            Examples:
              crm-sync migrate --status
              STATE_URL=postgres://crm:secret@db.internal:5432/crmsync crm-sync migrate
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Only show the applied and pending migrations.")
    var status = false

    func run() async throws {
        do {
            let location = try await global.stateLocation()
            let logger = LoggingSetup.logger(format: "logfmt", level: "error")
            print("State store: \(location) (\(location.backendName))")
            if status {
                let current = try await location.schemaStatus(logger: logger)
                printStatus(current)
                return
            }
            let applied = try await location.migrate(logger: logger)
            print(applied.isEmpty
                ? "The schema is current (\(StateSchema.currentVersion)); nothing to apply."
                : "Applied: \(applied.joined(separator: ", "))")
            printStatus(try await location.schemaStatus(logger: logger))
        } catch let code as ExitCode {
            throw code
        } catch {
            throw failure(error)
        }
    }

    private func printStatus(_ status: SchemaStatus) {
        print("Applied migrations: \(status.applied.isEmpty ? "none" : status.applied.joined(separator: ", "))")
        print("Pending migrations: \(status.pending.isEmpty ? "none" : status.pending.joined(separator: ", "))")
        if !status.unknown.isEmpty {
            print("Unknown migrations (made by a newer crm-sync): \(status.unknown.joined(separator: ", "))")
        }
    }
}
