import Foundation

/// Runs `body` for 0..<count on at most `jobs` threads at once, handing out indices in order.
public func parallelForEach(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let next = Counter()
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, count))) { _ in
        while case let index = next.take(), index < count { body(index) }
    }
}

/// One slot per index, filled by `parallelForEach`'s workers, read when they are done.
public final class ParallelResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    public init(count: Int) { values = Array(repeating: nil, count: count) }
    public func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
    /// Every slot's value, in index order (every slot must have been set).
    public var all: [Value] { lock.withLock { values.map { $0! } } }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take() -> Int { lock.withLock { defer { value += 1 }; return value } }
}
