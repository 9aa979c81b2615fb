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
                let letters = try await global.openExistingStore().deadLetters(status: all ? nil : .open)
                if json { print(try jsonString(letters)); return }
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
            abstract: "Show one dead letter with its error and action.", discussion: "Example:\n  crm-sync dead-letters show 3")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The dead letter id.") var id: Int64

        func run() async throws {
            do {
                guard let letter = try await global.openExistingStore().deadLetter(id: id) else {
                    printError("crm-sync: there is no dead letter \(id); see `crm-sync dead-letters list --all`")
                    throw ExitCode.validationFailure
                }
                print(try jsonString(letter))
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-read the records of dead letters and run them through the engine again.",
            discussion: """
                Each record is read again from its source and planned anew, so a record fixed in its system goes
                through, and one still bad stays a dead letter (without a second alert).

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
                let report = try await withSyncRuntime(configuration: configuration, logger: logger) { runtime in
                    let open = try await runtime.store.deadLetters(status: .open)
                    let chosen = all ? open : open.filter { ids.contains($0.id ?? -1) }
                    let unknown = ids.filter { id in !open.contains { $0.id == id } }
                    if !unknown.isEmpty {
                        throw SyncError(
                            code: .invalidInput, system: .stateStore,
                            message: "No open dead letter with id \(unknown.map(String.init).joined(separator: ", ")); see `crm-sync dead-letters list`.")
                    }
                    var byFlow: [SyncFlow: [String]] = [:]
                    for letter in chosen {
                        let flow = letter.action.flow
                        let record = flow == .payments ? String(letter.recordID.prefix { $0 != "/" }) : letter.recordID
                        byFlow[flow.isDealFlow ? .orders : flow, default: []].append(record)
                        if flow.isDealFlow { byFlow[.invoices, default: []].append(record) }
                    }
                    var reports: [FlowReport] = []
                    let dealIDs = Array(Set((byFlow[.orders] ?? []) + (byFlow[.invoices] ?? []))).sorted()
                    if !dealIDs.isEmpty {
                        reports += try await runtime.engine.runPass(flows: [.orders, .invoices], mode: .records(dealIDs)).flows
                    }
                    for flow in [SyncFlow.stock, .payments] where byFlow[flow] != nil {
                        reports += try await runtime.engine.runPass(flows: [flow], mode: .records(byFlow[flow]!)).flows
                    }
                    await runtime.alerts.deliver()
                    return PassReport(flows: reports, startedAt: Date(), finishedAt: Date())
                }
                try printReport(report, json: json)
                if passExitCode(report) != ExitCodes.success { throw ExitCode(passExitCode(report)) }
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }

    struct Discard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark dead letters as discarded (they are kept, not deleted).",
            discussion: "Example:\n  crm-sync dead-letters discard 3 4")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Dead letter ids.") var ids: [Int64]

        func run() async throws {
            do {
                let store = try await global.openExistingStore()
                for id in ids where try await store.deadLetter(id: id) == nil {
                    printError("crm-sync: there is no dead letter \(id); nothing was discarded")
                    throw ExitCode.validationFailure
                }
                for id in ids { try await store.setDeadLetterStatus(id: id, .discarded, now: Date()) }
                print("Discarded \(ids.count) dead letter(s).")
            } catch let code as ExitCode { throw code } catch { throw failure(error) }
        }
    }
}
