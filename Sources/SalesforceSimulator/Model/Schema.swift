/// The sObject types the simulator serves, with the standard fields CRMSync and common clients use and the
/// custom fields CRMSync writes (Salesforce Object Reference: Account, Contact, Opportunity, OpportunityLineItem,
/// OpportunityContactRole, Product2, PricebookEntry).
struct Schema: Sendable {
    private(set) var objects: [ObjectDescriptor]

    /// Stages of the standard sales process; Closed Won and Closed Lost close the Opportunity.
    static let stages = [
        "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
        "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
    ]

    init(multiCurrency: Bool) {
        func system(_ fields: [FieldDescriptor]) -> [FieldDescriptor] {
            var all = [FieldDescriptor("Id", .id, writable: false), FieldDescriptor("IsDeleted", .boolean, writable: false)]
            all += fields
            if multiCurrency { all.append(FieldDescriptor("CurrencyIsoCode", .picklist(values: [], restricted: false))) }
            all += [
                FieldDescriptor("CreatedDate", .dateTime, writable: false),
                FieldDescriptor("LastModifiedDate", .dateTime, writable: false),
                FieldDescriptor("SystemModstamp", .dateTime, writable: false),
            ]
            return all
        }
        let account = ObjectDescriptor(
            name: "Account", keyPrefix: "001",
            fields: system([
                FieldDescriptor("Name", .string, required: true), FieldDescriptor("AccountNumber", .string),
                FieldDescriptor("Type", .picklist(values: [], restricted: false)),
                FieldDescriptor("Industry", .picklist(values: [], restricted: false)),
                FieldDescriptor("Phone", .string), FieldDescriptor("Website", .string),
                FieldDescriptor("BillingStreet", .textArea), FieldDescriptor("BillingCity", .string),
                FieldDescriptor("BillingState", .string), FieldDescriptor("BillingPostalCode", .string),
                FieldDescriptor("BillingCountry", .string),
                FieldDescriptor("BillingCountryCode", .picklist(values: [], restricted: false)),
            ]),
            childRelationships: [
                ChildRelationship(name: "Contacts", childType: "Contact", field: "AccountId"),
                ChildRelationship(name: "Opportunities", childType: "Opportunity", field: "AccountId"),
            ])
        let contact = ObjectDescriptor(
            name: "Contact", keyPrefix: "003",
            fields: system([
                FieldDescriptor("AccountId", .reference(target: "Account", relationshipName: "Account"), label: "Account ID"),
                FieldDescriptor("FirstName", .string), FieldDescriptor("LastName", .string, required: true),
                FieldDescriptor("Name", .string, writable: false), FieldDescriptor("Email", .email),
                FieldDescriptor("Phone", .string), FieldDescriptor("Title", .string),
            ]),
            childRelationships: [])
        let opportunity = ObjectDescriptor(
            name: "Opportunity", keyPrefix: "006",
            fields: system([
                FieldDescriptor("Name", .string, required: true),
                FieldDescriptor("AccountId", .reference(target: "Account", relationshipName: "Account"), label: "Account ID"),
                FieldDescriptor("StageName", .picklist(values: Schema.stages, restricted: false), label: "Stage", required: true),
                FieldDescriptor("CloseDate", .date, label: "Close Date", required: true),
                FieldDescriptor("Amount", .currency), FieldDescriptor("Probability", .double),
                FieldDescriptor("IsClosed", .boolean, writable: false), FieldDescriptor("IsWon", .boolean, writable: false),
                FieldDescriptor("Description", .textArea), FieldDescriptor("Pricebook2Id", .id),
                FieldDescriptor("SAP_Order_Number__c", .string, label: "SAP Order Number"),
                FieldDescriptor("Zoho_Invoice_Number__c", .string, label: "Zoho Invoice Number"),
                FieldDescriptor(
                    "Sync_Status__c", .picklist(values: ["Synced", "Partial", "Failed"], restricted: true),
                    label: "Sync Status"),
                FieldDescriptor("Last_Sync_Date__c", .dateTime, label: "Last Sync Date"),
                FieldDescriptor("Payment_Received__c", .boolean, label: "Payment Received"),
                FieldDescriptor("Payment_Date__c", .date, label: "Payment Date"),
                FieldDescriptor("Payment_Amount__c", .currency, label: "Payment Amount"),
                FieldDescriptor("Payment_Method__c", .string, label: "Payment Method"),
            ]),
            childRelationships: [
                ChildRelationship(name: "OpportunityLineItems", childType: "OpportunityLineItem", field: "OpportunityId"),
                ChildRelationship(name: "OpportunityContactRoles", childType: "OpportunityContactRole", field: "OpportunityId"),
            ])
        let lineItem = ObjectDescriptor(
            name: "OpportunityLineItem", keyPrefix: "00k",
            fields: system([
                FieldDescriptor(
                    "OpportunityId", .reference(target: "Opportunity", relationshipName: "Opportunity"),
                    label: "Opportunity ID", required: true),
                FieldDescriptor("Product2Id", .reference(target: "Product2", relationshipName: "Product2"), label: "Product ID"),
                FieldDescriptor(
                    "PricebookEntryId", .reference(target: "PricebookEntry", relationshipName: "PricebookEntry"),
                    label: "Price Book Entry ID"),
                FieldDescriptor("Name", .string, writable: false), FieldDescriptor("ProductCode", .string, writable: false),
                FieldDescriptor("Quantity", .double, required: true), FieldDescriptor("UnitPrice", .currency, label: "Sales Price"),
                FieldDescriptor("ListPrice", .currency, writable: false), FieldDescriptor("TotalPrice", .currency),
                FieldDescriptor("Description", .string, label: "Line Description"),
            ]),
            childRelationships: [])
        let contactRole = ObjectDescriptor(
            name: "OpportunityContactRole", keyPrefix: "00K",
            fields: system([
                FieldDescriptor(
                    "OpportunityId", .reference(target: "Opportunity", relationshipName: "Opportunity"),
                    label: "Opportunity ID", required: true),
                FieldDescriptor(
                    "ContactId", .reference(target: "Contact", relationshipName: "Contact"), label: "Contact ID",
                    required: true),
                FieldDescriptor("IsPrimary", .boolean, label: "Primary"),
                FieldDescriptor("Role", .picklist(values: [], restricted: false)),
            ]),
            childRelationships: [])
        let product = ObjectDescriptor(
            name: "Product2", keyPrefix: "01t",
            fields: system([
                FieldDescriptor("Name", .string, required: true), FieldDescriptor("ProductCode", .string),
                FieldDescriptor("Description", .textArea), FieldDescriptor("IsActive", .boolean, label: "Active"),
                FieldDescriptor("Family", .picklist(values: [], restricted: false)),
                FieldDescriptor("QuantityUnitOfMeasure", .picklist(values: [], restricted: false)),
                FieldDescriptor("Available_Stock__c", .double, label: "Available Stock"),
                FieldDescriptor("Low_Stock_Alert__c", .boolean, label: "Low Stock Alert"),
                FieldDescriptor("Stock_Last_Updated__c", .dateTime, label: "Stock Last Updated"),
            ]),
            childRelationships: [
                ChildRelationship(name: "PricebookEntries", childType: "PricebookEntry", field: "Product2Id")
            ])
        let pricebookEntry = ObjectDescriptor(
            name: "PricebookEntry", keyPrefix: "01u",
            fields: system([
                FieldDescriptor("Name", .string, writable: false),
                FieldDescriptor("Pricebook2Id", .id, label: "Price Book ID", required: true),
                FieldDescriptor(
                    "Product2Id", .reference(target: "Product2", relationshipName: "Product2"), label: "Product ID",
                    required: true),
                FieldDescriptor("ProductCode", .string, writable: false),
                FieldDescriptor("UnitPrice", .currency, label: "List Price", required: true),
                FieldDescriptor("IsActive", .boolean, label: "Active"),
                FieldDescriptor("UseStandardPrice", .boolean, label: "Use Standard Price"),
            ]),
            childRelationships: [])
        objects = [account, contact, opportunity, lineItem, contactRole, product, pricebookEntry]
    }

    /// The describe of `name` (case-insensitive), or nil for an sObject the simulator does not serve.
    func object(_ name: String) -> ObjectDescriptor? {
        let lowered = name.lowercased()
        return objects.first { $0.name.lowercased() == lowered }
    }

    /// The describe whose key prefix starts `id`, or nil.
    func object(forId id: String) -> ObjectDescriptor? {
        objects.first { id.hasPrefix($0.keyPrefix) }
    }
}
