import ArgumentParser
import Foundation
import SyncCore
import SyncService
import SyncStore

/// `crm-sync dead-letters list | show ID | retry ID… | retry --all | discard ID…`.
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters",
        abstract: "List, show, retry or discard records that failed permanently or after their retries.",
        discussion: """
            A dead letter keeps the record's failed action and its error; an alert was sent for it once. Fix the \
            record in its system (or the configuration), then retry it; discard what should not be synced.

            Examples:
              crm-sync dead-letters list
              crm-sync dead-letters show 3
              crm-sync dead-letters retry --all
              crm-sync dead-letters discard 3 4
            """,
        subcommands: [List.self, Show.self, Retry.self, Discard.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List dead letters (open by default).",
            discussion: "Examples:\n  crm-sync dead-letters list\n  crm-sync dead-letters list --all --json")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Include resolved and discarded ones.") var all = false
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            do {
                let letters = try await global.withExistingStore { try await $0.deadLetters(status: all ? nil : .open) }
                if json { print(try jsonString(letters.map(DeadLetterView.init))); return }
                if letters.isEmpty { print("No dead letters."); return }
                print(table(["id", "flow", "record", "field", "code", "status", "message"], letters.map {
                    ["\($0.id ?? 0)", $0.flow, $0.recordID, $0.error.field ?? "-", $0.error.code.rawValue, $0.status.rawValue,
                     String($0.error.message.prefix(100))]
                }))
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one dead letter: the stored error, the action and the record data it carries.",
            discussion: "Examples:\n  crm-sync dead-letters show 3\n  crm-sync dead-letters show 3 --json")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dead letter id.") var id: Int64
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            do {
                guard let letter = try await global.withExistingStore({ try await $0.deadLetter(id: id) }) else {
                    printError("crm-sync: there is no dead letter \(id); see `crm-sync dead-letters list --all`")
                    throw ExitCode.validationFailure
                }
                let view = DeadLetterView(letter)
                print(json ? try jsonString(view) : view.text())
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-read the records of dead letters and run them through the engine again.",
            discussion: """
                Each record is read again from its source and planned anew, so a record fixed in its system goes \
                through, and one still bad stays a dead letter (without a second alert). Exits 1 naming the dead \
                letters still open after the retry.

                Examples:
                  crm-sync dead-letters retry 3 4
                  crm-sync dead-letters retry --all
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dead letter ids.") var ids: [Int64] = []
        @Flag(help: "Retry every open dead letter.") var all = false
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            if ids.isEmpty == !all { throw ValidationError("give dead letter ids or --all") }
        }

        func run() async throws {
            do {
                let (configuration, logger) = try await global.load()
                let (ids, all) = (ids, all)
                let outcome = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                    // On PostgreSQL a retry needs every flow's lease: stop the replicas (or let them retry) first.
                    try await runtime.leadership(flows: Set(SyncFlow.allCases), logger: logger).once { led, store in
                        guard led.count == SyncFlow.allCases.count else { return nil as DeadLetterRetryResult? }
                        let result = try await runtime.engine.retryDeadLetters(ids: all ? nil : ids, store: store)
                        await runtime.alerts.deliver()
                        return result
                    }
                }
                for lease in outcome.ledElsewhere {
                    printError("crm-sync: replica \(lease.holder) leads \(lease.flow.rawValue); stop the replicas to retry dead letters by hand (they retry them themselves)")
                }
                guard let retried = outcome.result, let result = retried else { throw ExitCode(ExitCodes.locked) }
                try printReport(result.report, json: json)
                if !result.stillOpen.isEmpty {
                    printError("crm-sync: still open after the retry: " + result.stillOpen.map {
                        "dead letter \($0.id ?? 0) (\($0.error.code.rawValue))"
                    }.joined(separator: ", ") + "; see `crm-sync dead-letters show ID`")
                }
                // The pass's own code when a system was stopped (3, 6, 1); else 1 while a chosen dead letter is open.
                let code = passExitCode(result.report)
                if code != ExitCodes.success { throw ExitCode(code) }
                if !result.stillOpen.isEmpty { throw ExitCode(ExitCodes.recordsFailed) }
            } catch let code as ExitCode {
                throw code
            } catch let error as SyncError where error.code == .invalidInput && error.system == .stateStore {
                // An id that is not an open dead letter is a usage error (64), as for `show` and `discard`.
                printError("crm-sync: \(error.message)")
                throw ExitCode.validationFailure
            } catch { throw failure(error) }
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark dead letters as discarded (they are kept, not deleted).",
            discussion: "Examples:\n  crm-sync dead-letters discard 3\n  crm-sync dead-letters discard 3 4")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dead letter ids.") var ids: [Int64]

        func run() async throws {
            do {
                try await global.withExistingStore { store in
                    for id in ids where try await store.deadLetter(id: id) == nil {
                        printError("crm-sync: there is no dead letter \(id); nothing was discarded")
                        throw ExitCode.validationFailure
                    }
                    for id in ids { try await store.setDeadLetterStatus(id: id, .discarded, now: Date()) }
                }
                print("Discarded \(ids.count) dead letter(s).")
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }
}
