import Foundation

/// The amount a simulated customer pays on an invoice: the whole balance, or (half the time) half of it rounded down
/// to the cent when that is above zero.
enum PaymentAmount {
    static func halfOrAll(of balance: Decimal, random: inout SeededRandom) -> Decimal {
        guard random.chance(0.5) else { return balance }
        var half = balance / 2
        var rounded = Decimal()
        NSDecimalRound(&rounded, &half, 2, .down)
        return rounded > 0 ? rounded : balance
    }
}
