extension Array {
    /// The position of the element whose id is `id`, found by binary search, or nil.
    ///
    /// The elements must be in ascending id order, which holds for the state's contacts, invoices and payments:
    /// their 18-digit ids come from one increasing counter with a fixed-width suffix and they are appended as they
    /// are created (removing elements keeps the order).
    func positionOfID(_ id: String, _ idOf: (Element) -> String) -> Int? {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            let candidate = idOf(self[middle])
            if candidate == id { return middle }
            if candidate < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
