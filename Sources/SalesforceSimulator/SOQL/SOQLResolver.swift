/// A field path resolved against the schema: the parent lookups to follow, then the field to read.
struct ResolvedPath: Sendable {
    /// Reference fields followed from the queried object, outermost first.
    var hops: [FieldDescriptor]
    var field: FieldDescriptor
}

/// Resolves field paths and checks filter values against field types, producing Salesforce's INVALID_FIELD
/// and INVALID_TYPE errors.
struct SOQLResolver {
    let schema: Schema

    func object(named name: String, offset: Int) throws(SOQLError) -> ObjectDescriptor {
        guard let object = schema.object(name) else {
            throw .invalidType(
                "sObject type '\(name)' is not supported. If you are attempting to use a custom object, be sure to "
                    + "append the '__c' after the entity name. Please reference your WSDL or the describe call for the "
                    + "appropriate names.", offset: offset)
        }
        return object
    }

    func childRelationship(_ name: String, of object: ObjectDescriptor, offset: Int) throws(SOQLError) -> ChildRelationship {
        guard let relationship = object.childRelationship(name) else {
            throw .invalidType(
                "Didn't understand relationship '\(name)' in FROM part of query call. If you are attempting to use a "
                    + "custom relationship, be sure to append the '__r' after the custom relationship name. Please "
                    + "reference your WSDL or the describe call for the appropriate names.", offset: offset)
        }
        return relationship
    }

    func resolve(_ path: [String], on object: ObjectDescriptor, offset: Int) throws(SOQLError) -> ResolvedPath {
        var components = path
        if components.count > 1, components[0].lowercased() == object.name.lowercased(),
            object.parentRelationship(components[0]) == nil
        {
            components.removeFirst()
        }
        var current = object
        var hops: [FieldDescriptor] = []
        for component in components.dropLast() {
            guard let reference = current.parentRelationship(component),
                case .reference(let target, _) = reference.type, let next = schema.object(target)
            else {
                throw .invalidField(
                    "Didn't understand relationship '\(component)' in field path. If you are attempting to use a "
                        + "custom relationship, be sure to append the '__r' after the custom relationship name. Please "
                        + "reference your WSDL or the describe call for the appropriate names.", offset: offset)
            }
            hops.append(reference)
            current = next
        }
        guard let last = components.last, let field = current.field(last) else {
            throw .invalidField(
                "No such column '\(components.last ?? "")' on entity '\(current.name)'. If you are attempting to use a "
                    + "custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL "
                    + "or the describe call for the appropriate names.", offset: offset)
        }
        return ResolvedPath(hops: hops, field: field)
    }

    /// Checks that `literal` suits `field` and returns it normalised (Ids in their 18-character form).
    func check(_ literal: SOQLStatement.Literal, for field: FieldDescriptor, offset: Int) throws(SOQLError)
        -> SOQLStatement.Literal
    {
        func mismatch(_ kind: String, quoted: Bool) -> SOQLError {
            .invalidField(
                "value of filter criterion for field '\(field.name)' must be of type \(kind) and should "
                    + (quoted ? "be enclosed in quotes" : "not be enclosed in quotes"), offset: offset)
        }
        if literal == .null { return literal }
        switch (field.type, literal) {
        case (.date, .date), (.dateTime, .dateTime), (.boolean, .bool), (.currency, .number), (.double, .number):
            return literal
        case (.date, _): throw mismatch("date", quoted: false)
        case (.dateTime, _): throw mismatch("dateTime", quoted: false)
        case (.boolean, _): throw mismatch("boolean", quoted: false)
        case (.currency, _), (.double, _): throw mismatch("double", quoted: false)
        case (.id, .string(let text, _)), (.reference, .string(let text, _)):
            if text.isEmpty { return .null }  // '' on an Id field means "no Id"
            guard let id = SalesforceId.canonical(text) else {
                throw .invalidFilterOperator("invalid ID field: \(text)", offset: offset)
            }
            return .string(id, pattern: id.map(LikeElement.literal))
        case (_, .string): return literal
        default: throw mismatch("string", quoted: true)
        }
    }
}
