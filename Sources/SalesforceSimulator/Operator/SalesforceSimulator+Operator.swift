import Foundation

extension SalesforceSimulator {
    /// Stamp and visibility of an operator write: stamped now, visible after `commitLagSeconds` (a long
    /// transaction: the row appears later with a SystemModstamp older than rows already served).
    private func timing(_ commitLagSeconds: Double) -> (stamp: Date, visibleAt: Date?) {
        let now = clock.now()
        return (SalesforceDateFormat.wholeSeconds(now), commitLagSeconds > 0 ? now.addingTimeInterval(commitLagSeconds) : nil)
    }

    private func canonicalId(_ text: String) throws(SalesforceError) -> String {
        guard let id = SalesforceId.canonical(text) else { throw .malformedId(text) }
        return id
    }

    /// Sets fields on a record as a user editing it would (same validation as the REST API), stamping
    /// LastModifiedDate/SystemModstamp now.
    /// - Parameter commitLagSeconds: > 0 makes the change visible to queries only that many seconds later.
    /// - Throws: `SalesforceError` (`MALFORMED_ID`, `NOT_FOUND`, `ENTITY_IS_DELETED`, `INVALID_FIELD`,
    ///   `INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST`, …).
    public func updateRecord(id: String, fields: [String: FieldValue], commitLagSeconds: Double = 0) throws(SalesforceError) {
        let id = try canonicalId(id)
        let (stamp, visibleAt) = timing(commitLagSeconds)
        try withOrg { (org: inout OrgState) throws(SalesforceError) in
            let record = try org.liveRecord(id)
            let object = org.schema.object(record.type)!
            let values = try org.fieldValues(from: fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }, for: object)
            try org.update(id, values: values, stamp: stamp, visibleAt: visibleAt)
        }
    }

    /// Updates several records in one transaction: every record gets the same LastModifiedDate/SystemModstamp.
    /// - Throws: the first record's `SalesforceError`; then nothing is changed.
    public func updateRecords(_ updates: [(id: String, fields: [String: FieldValue])]) throws(SalesforceError) {
        let stamp = stampNow
        var canonical: [(String, [String: FieldValue])] = []
        for update in updates { canonical.append((try canonicalId(update.id), update.fields)) }
        try withOrg { (org: inout OrgState) throws(SalesforceError) in
            var working = org
            for (id, fields) in canonical {
                let object = working.schema.object(try working.liveRecord(id).type)!
                let values = try working.fieldValues(from: fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value.json) }, for: object)
                try working.update(id, values: values, stamp: stamp)
            }
            org = working
        }
    }

    /// Closes an Opportunity as Closed Won or Closed Lost (IsClosed/IsWon follow the stage).
    /// - Throws: as `updateRecord`.
    public func closeOpportunity(id: String, won: Bool, commitLagSeconds: Double = 0) throws(SalesforceError) {
        try updateRecord(id: id, fields: ["StageName": .string(won ? "Closed Won" : "Closed Lost")], commitLagSeconds: commitLagSeconds)
    }

    /// Re-opens a closed Opportunity by moving it back to an open stage.
    /// - Throws: as `updateRecord`.
    public func reopenOpportunity(id: String, stage: String = "Negotiation/Review", commitLagSeconds: Double = 0)
        throws(SalesforceError)
    {
        try updateRecord(id: id, fields: ["StageName": .string(stage)], commitLagSeconds: commitLagSeconds)
    }

    /// Enters an Opportunity with its line items (priced through the standard price book entry of each product
    /// in the Opportunity currency) and contact roles, all with one timestamp. Returns the Opportunity Id.
    /// - Throws: `SalesforceError` (`MALFORMED_ID`, `INVALID_CROSS_REFERENCE_KEY`, `REQUIRED_FIELD_MISSING`, or
    ///   `NOT_FOUND` for an unknown product code); then nothing is created.
    public func addOpportunity(_ draft: OpportunityDraft, commitLagSeconds: Double = 0) throws(SalesforceError) -> String {
        let (stamp, visibleAt) = timing(commitLagSeconds)
        return try withOrg { (org: inout OrgState) throws(SalesforceError) -> String in
            var working = org
            var members: [(String, JSONValue)] = [
                ("Name", .string(draft.name)), ("AccountId", .string(draft.accountId)), ("StageName", .string(draft.stage)),
                ("CloseDate", .string(draft.closeDate)),
            ]
            if let currency = draft.currency, org.multiCurrency { members.append(("CurrencyIsoCode", .string(currency))) }
            let opportunityObject = org.schema.object("Opportunity")!
            let opportunityId = try working.create(
                opportunityObject, values: try working.fieldValues(from: members, for: opportunityObject), stamp: stamp)
            let lineObject = org.schema.object("OpportunityLineItem")!
            for line in draft.lines {
                guard let product = working.records(of: "Product2", includeDeleted: false).first(where: {
                    $0["ProductCode"] == .string(line.productCode)
                }) else { throw .notFound }
                let values = try working.fieldValues(
                    from: [
                        ("OpportunityId", .string(opportunityId)), ("Product2Id", .string(product.id)),
                        ("Quantity", .number(line.quantity)), ("UnitPrice", .number(line.unitPrice)),
                    ], for: lineObject)
                _ = try working.create(lineObject, values: values, stamp: stamp)
            }
            let roleObject = org.schema.object("OpportunityContactRole")!
            for (position, contactId) in draft.contactIds.enumerated() {
                let values = try working.fieldValues(
                    from: [
                        ("OpportunityId", .string(opportunityId)), ("ContactId", .string(contactId)),
                        ("IsPrimary", .bool(position == 0)),
                    ], for: roleObject)
                _ = try working.create(roleObject, values: values, stamp: stamp)
            }
            if let visibleAt {
                let created = working.records.values.filter { org.records[$0.id] == nil }
                for record in created {
                    org.pending.append(PendingWrite(visibleAt: visibleAt, stamp: stamp, record: record))
                }
                org.counters = working.counters
            } else {
                org = working
            }
            return opportunityId
        }
    }

    /// Deletes a record as a user would (to the recycle bin; an Opportunity takes its lines and roles along).
    /// - Throws: `MALFORMED_ID`, `NOT_FOUND`, `ENTITY_IS_DELETED`.
    public func deleteRecord(id: String) throws(SalesforceError) {
        let id = try canonicalId(id)
        let stamp = stampNow
        try withOrg { (org: inout OrgState) throws(SalesforceError) in try org.delete(id, stamp: stamp) }
    }

    /// The visible record's fields (stored and computed, e.g. Opportunity `Amount`, `IsWon`), or nil.
    public func record(id: String) -> [String: FieldValue]? {
        guard let id = SalesforceId.canonical(id) else { return nil }
        return withOrg { org in
            guard let record = org.records[id], let object = org.schema.object(record.type) else { return nil }
            var fields: [String: FieldValue] = [:]
            for field in object.fields { fields[field.name] = org.value(of: field.name, in: record) }
            return fields
        }
    }

    /// Number of visible records of `type` (deleted ones too when `includeDeleted`).
    public func count(_ type: String, includeDeleted: Bool = false) -> Int {
        withOrg { org in org.records(of: type, includeDeleted: includeDeleted).count }
    }

    /// Id of a seeded record by dataset key: `seedId("account:<key>")`, `"contact:<key>"`, `"opportunity:<key>"`,
    /// `"product:<code>"`, `"pricebookEntry:<code>:<currency>"`.
    public func seedId(_ key: String) -> String? {
        seedIndex[key]
    }

    /// API calls counted in the rolling 24 hours.
    public var apiUsage: Int {
        let now = clock.now()
        return withOrg { org in org.apiUsage(now: now) }
    }
}
