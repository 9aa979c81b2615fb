import Foundation

/// The one function family that turns values into OData V2 URI literals for `$filter` (SAP Gateway).
///
/// Every value CRMSync puts into a `$filter` goes through here; the whole query string is then percent-encoded
/// with SyncHTTP's `percentEncodeQueryValue` (see `ODataQuery`). Source: OData V2 URI conventions (MS-ODATA
/// 2.2.2) and `reference/sap.md` §2.1.
public enum ODataLiteral {
    /// An `Edm.String` literal: the value in single quotes with every single quote doubled
    /// (`O'Neil` -> `'O''Neil'`), so no value can end the literal early and inject filter syntax.
    public static func string(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// An `Edm.DateTime` literal in UTC without zone designator: `datetime'2023-11-14T22:13:20'`.
    ///
    /// The instant is floored to whole seconds, so a `ge` comparison never misses a row.
    public static func dateTime(_ date: Date) -> String {
        "datetime'" + isoSeconds(date) + "'"
    }

    /// An `Edm.DateTimeOffset` literal in UTC: `datetimeoffset'2023-11-14T22:13:20Z'`.
    ///
    /// The instant is floored to whole seconds, so a `ge` comparison never misses a row.
    public static func dateTimeOffset(_ date: Date) -> String {
        "datetimeoffset'" + isoSeconds(date) + "Z'"
    }

    /// `yyyy-MM-ddTHH:mm:ss` of the UTC instant, floored to whole seconds.
    private static func isoSeconds(_ date: Date) -> String {
        let seconds = (date.timeIntervalSince1970).rounded(.down)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: seconds))
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d",
            c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
