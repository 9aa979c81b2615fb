import ArgumentParser

/// `crm-sync`: keeps Salesforce, SAP S/4HANA and Zoho Books in step.
@main
struct CRMSync: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm-sync",
        abstract: "Keeps Salesforce, SAP S/4HANA and Zoho Books in step by polling and reconciling.",
        discussion: """
            Configuration comes from the environment, a .env file in the working directory, or a JSON file named by
            CRMSYNC_CONFIG_FILE (see README.md, "Configuration"). Exit codes:
            \(ExitCodes.table)
            """,
        subcommands: [
            SyncCommand.self, RunCommand.self, DemoCommand.self, SandboxCommand.self, PlanCommand.self,
            ReconcileCommand.self, DriftCommand.self, BackfillCommand.self, StatusCommand.self, DeadLettersCommand.self,
            MigrateCommand.self, StateCommand.self,
        ]
    )
}
