import Foundation
import SyncCore

/// Where CRMSync keeps what it knows: watermarks, mappings, the journal, dead letters and runs.
///
/// `SQLiteStateStore` (GRDB) is the embedded default; `PostgresStateStore` (postgres-nio) serves several replicas.
/// Every method throws `SyncError` with code `.stateStore` when the database fails; a store made by
/// `fenced(by:)` also throws `.leaseLost` from its writes when one of its leases is gone.
public protocol StateStore: Sendable {
    /// The watermark of a stream, if one was stored.
    func watermark(for stream: String) async throws -> Watermark?
    /// All stored watermarks.
    func watermarks() async throws -> [Watermark]
    /// Stores a watermark (replacing the previous one).
    func saveWatermark(_ watermark: Watermark) async throws
    /// Removes a stream's watermark (the next incremental run reads from the beginning).
    func deleteWatermark(for stream: String) async throws

    /// Account mappings for the given Account Ids (missing ones are absent from the result).
    func accountMappings(_ accountIDs: [String]) async throws -> [String: AccountMapping]
    /// Deal mappings for the given Opportunity Ids.
    func dealMappings(_ opportunityIDs: [String]) async throws -> [String: DealMapping]
    /// Deal mappings keyed by Zoho `invoice_id`, for the given invoice ids.
    func dealMappings(zohoInvoiceIDs: [String]) async throws -> [String: DealMapping]
    /// Every deal mapping, in Opportunity Id order, a batch at a time.
    func forEachDealMapping(batchSize: Int, _ body: ([DealMapping]) async throws -> Void) async throws
    /// Product mappings for the given Product2 Ids.
    func productMappings(_ product2IDs: [String]) async throws -> [String: ProductMapping]

    /// Journal entries for the given idempotency keys.
    func journalEntries(_ keys: [String]) async throws -> [String: JournalEntry]
    /// Journals actions as started (attempts + 1) before their calls are made, in one transaction, and returns the
    /// entries as they were before (absent for new actions) so the caller can tell an unknown earlier outcome.
    func markStarted(_ actions: [ReconcileAction], now: Date) async throws -> [String: JournalEntry]
    /// Records applied actions with the mappings they produced, in one transaction, and resolves their dead letters.
    /// - Returns: the dead letters that were open for these keys (their recovery is reported).
    @discardableResult
    func recordApplied(_ results: [AppliedAction], now: Date) async throws -> [DeadLetter]
    /// Records a failed action: `.failed` (will be tried again) or `.dead` (a dead letter is opened or updated).
    /// - Returns: for `.dead`, true when the dead letter is new or has not been alerted yet (alert it once).
    @discardableResult
    func recordFailure(_ action: ReconcileAction, error: SyncError, status: JournalStatus, now: Date) async throws -> Bool
    /// Resolves the open dead letters among `keys` (a record that was bad input and is now fine). Reads first and
    /// writes only when one of them is open, so a pass with nothing to resolve writes nothing.
    /// - Returns: the dead letters that were resolved.
    func resolveDeadLetters(_ keys: [String], now: Date) async throws -> [DeadLetter]
    /// Marks a dead letter's alert as sent.
    func markAlerted(deadLetterKey: String) async throws
    /// Records a journal entry as it is (alerts that failed, skipped records).
    func recordJournal(_ entry: JournalEntry) async throws
    /// The most recent journal entries, newest first.
    func recentJournal(limit: Int) async throws -> [JournalEntry]

    /// Dead letters with the given status, oldest first.
    func deadLetters(status: DeadLetterStatus?) async throws -> [DeadLetter]
    /// The open dead letters among the given idempotency keys, keyed by idempotency key.
    func openDeadLetters(_ keys: [String]) async throws -> [String: DeadLetter]
    /// One dead letter by id.
    func deadLetter(id: Int64) async throws -> DeadLetter?
    /// Changes a dead letter's status (discard).
    func setDeadLetterStatus(id: Int64, _ status: DeadLetterStatus, now: Date) async throws

    /// Stores a new run and returns it with its id.
    func startRun(_ run: SyncRun) async throws -> SyncRun
    /// Updates a run with its final counts and outcome.
    func finishRun(_ run: SyncRun) async throws
    /// The latest run per flow.
    func latestRuns() async throws -> [SyncRun]

    /// Stores API quota observations, writing only the rows whose `used` or `dailyLimit` changed (a row with equal
    /// figures keeps its earlier `observedAt`), so an idle pass writes nothing. Table `api_quota`, one row per system.
    func saveQuotas(_ quotas: [APIQuotaUsage]) async throws
    /// The stored API quota observations, in system order.
    func quotas() async throws -> [APIQuotaUsage]

    /// Every row of the exported tables (`StateRecord.tables`, in that order, each in key order), a batch at a time.
    /// Stop the runners first for a consistent copy: batches are separate reads.
    func exportRecords(batchSize: Int, _ body: ([StateRecord]) async throws -> Void) async throws
    /// Writes exported records in one transaction, keeping dead letter and run ids. Refuses (writing nothing) when
    /// any exported table has rows, unless `replacing`, which first deletes their rows (flow leases are kept);
    /// PostgreSQL also refuses while a replica holds an unexpired flow lease.
    /// - Throws: `SyncError` `.stateStore` (not empty, replicas running, or a write failed; nothing is committed).
    func importRecords(_ records: [StateRecord], replacing: Bool) async throws

    /// Rows changed through this store since it was opened (SQLite `total_changes()`, PostgreSQL command tags);
    /// the idle-cycle benchmark and tests read it before and after a pass to prove an idle pass writes nothing.
    func totalChanges() async throws -> Int

    /// A view of this store whose every write transaction first checks that each lease is still held (same holder
    /// and fencing token, not expired by the database's clock) and commits nothing otherwise.
    ///
    /// SQLite returns `self`: one process holds the runner lock, so its leases cannot be lost.
    /// - Throws (from the returned store's writes): `SyncError` `.leaseLost` (system `.stateStore`).
    func fenced(by leases: [FlowLease]) -> any StateStore
}
