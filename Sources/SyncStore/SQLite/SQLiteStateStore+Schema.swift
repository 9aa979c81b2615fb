import GRDB

extension SQLiteStateStore {
    /// The schema, as versioned migrations. A shipped migration is never edited: add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE watermark (
                    stream TEXT PRIMARY KEY NOT NULL,
                    position DATETIME NOT NULL,
                    lastID TEXT,
                    updatedAt DATETIME NOT NULL
                );
                CREATE TABLE accountMapping (
                    accountID TEXT PRIMARY KEY NOT NULL,
                    sapBusinessPartner TEXT,
                    sapCustomer TEXT,
                    zohoContactID TEXT,
                    zohoContactEmail TEXT
                );
                CREATE TABLE dealMapping (
                    opportunityID TEXT PRIMARY KEY NOT NULL,
                    sapSalesOrder TEXT,
                    zohoInvoiceID TEXT,
                    zohoInvoiceNumber TEXT,
                    invoiceEmailed BOOLEAN NOT NULL DEFAULT 0,
                    currency TEXT
                );
                CREATE UNIQUE INDEX dealMapping_zohoInvoiceID ON dealMapping(zohoInvoiceID) WHERE zohoInvoiceID IS NOT NULL;
                CREATE TABLE productMapping (
                    product2ID TEXT PRIMARY KEY NOT NULL,
                    material TEXT NOT NULL,
                    lastWrittenStock TEXT,
                    lastWrittenLowStock BOOLEAN,
                    lastWrittenAt DATETIME
                );
                CREATE TABLE journal (
                    idempotencyKey TEXT PRIMARY KEY NOT NULL,
                    flow TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    targetSystem TEXT NOT NULL,
                    recordID TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    resultReference TEXT,
                    errorCode TEXT,
                    errorMessage TEXT,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX journal_updatedAt ON journal(updatedAt);
                CREATE INDEX journal_recordID ON journal(recordID);
                CREATE TABLE deadLetter (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    idempotencyKey TEXT NOT NULL UNIQUE,
                    flow TEXT NOT NULL,
                    recordID TEXT NOT NULL,
                    error TEXT NOT NULL,
                    action TEXT NOT NULL,
                    status TEXT NOT NULL,
                    alerted BOOLEAN NOT NULL,
                    failures INTEGER NOT NULL,
                    createdAt DATETIME NOT NULL,
                    updatedAt DATETIME NOT NULL
                );
                CREATE INDEX deadLetter_status ON deadLetter(status);
                CREATE TABLE syncRun (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    flow TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    observed INTEGER NOT NULL,
                    planned INTEGER NOT NULL,
                    applied INTEGER NOT NULL,
                    failed INTEGER NOT NULL,
                    dead INTEGER NOT NULL,
                    errorMessage TEXT,
                    startedAt DATETIME NOT NULL,
                    finishedAt DATETIME
                );
                CREATE INDEX syncRun_flow ON syncRun(flow, id);
                """)
        }
        return migrator
    }
}
