/// A SOQL statement the simulator rejects, with the 0-based character offset of the offending token.
enum SOQLError: Error, Sendable, Equatable {
    /// `MALFORMED_QUERY`: the statement does not parse.
    case malformed(String, offset: Int)
    /// `INVALID_FIELD`: an unknown field or relationship, or a filter value of the wrong type.
    case invalidField(String, offset: Int)
    /// `INVALID_TYPE`: an unknown sObject or child relationship in FROM.
    case invalidType(String, offset: Int)
    /// `INVALID_QUERY_FILTER_OPERATOR`: e.g. a malformed Id in a filter.
    case invalidFilterOperator(String, offset: Int)
    /// `NUMBER_OUTSIDE_VALID_RANGE`: e.g. OFFSET above 2,000.
    case numberOutsideValidRange(String)
}
