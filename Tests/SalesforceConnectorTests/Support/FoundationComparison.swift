import Foundation
@testable import SalesforceConnector

/// Compares the connector's JSON reading with Foundation's `JSONSerialization` reading of the same sample.
/// Numbers are compared as `Decimal` from Foundation's number text. Returns the path of the first difference.
func firstDifference(_ ours: JSONValue, _ theirs: Any, path: String = "$") -> String? {
    switch (ours, theirs) {
    case (.null, is NSNull):
        return nil
    case (.string(let a), let b as String):
        return a == b ? nil : path
    case (.bool(let a), let b as Bool):
        return a == b ? nil : path
    case (.number, let b as NSNumber):
        return ours.decimalValue == Decimal(string: b.stringValue) ? nil : path
    case (.array(let a), let b as [Any]):
        guard a.count == b.count else { return path }
        for (index, pair) in zip(a, b).enumerated() {
            if let difference = firstDifference(pair.0, pair.1, path: "\(path)[\(index)]") { return difference }
        }
        return nil
    case (.object(let a), let b as [String: Any]):
        guard Set(a.keys) == Set(b.keys) else { return path }
        for key in a.keys.sorted() {
            if let difference = firstDifference(a[key]!, b[key]!, path: "\(path).\(key)") { return difference }
        }
        return nil
    default:
        return path
    }
}
