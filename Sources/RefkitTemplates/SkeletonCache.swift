import RefkitModel
import Synchronization

/// Renders a template once per *shape* of view and fills in the values per view.
///
/// A view's shape is everything about it that can steer a Mustache template: which keys each
/// object has, how long each list is, and every Bool. The strings and numbers are its *values*.
/// With refkit's views and templates, the output is a pure function of the shape and the values:
/// a string or number is always truthy, has no fields, and is written out escaped or as it is.
/// So a template is rendered once per shape with every value replaced by a numbered marker (the
/// skeleton), and each view with that shape fills the markers with its own values, escaping those
/// the template escaped. A thousand sources have a handful of shapes, so swift-mustache renders
/// each template a handful of times per build instead of a thousand.
///
/// A shape's first view is rendered directly (a shape no other view shares costs nothing extra),
/// and its bytes and values kept. At its second, the skeleton is made and kept only if, filled
/// with the first view's values, it gives the first view's bytes; the second view is then filled
/// (swift-mustache renders a shape twice, not three times); otherwise that shape is rendered
/// directly every time.
/// `Skeleton.supports(_:)` rules out the template features whose output depends on a value's
/// content (see there).
final class SkeletonCache: Sendable {
    /// At most this many shapes are kept; later shapes are rendered directly.
    static let capacity = 4096

    private enum Entry: Sendable {
        /// Seen once: rendered directly, into these bytes from these values. A shape no other view
        /// shares costs nothing extra.
        case seen(rendered: [UInt8], shape: Shape)
        case skeleton(Skeleton)
        /// The skeleton did not give the direct render's bytes: always render directly.
        case direct
    }

    private let entries = Mutex<[ShapeKey: Entry]>([:])
    private let counts = Mutex(SkeletonStatistics())

    /// Renders `template` with `view`; `direct` renders a view through swift-mustache. The first
    /// view of a shape is rendered directly; at the second a skeleton is made, kept if it gives
    /// the first's bytes, and filled; the rest are filled.
    /// `addShape` adds the view's shape (`Shape.add` of the object `object` makes), which is
    /// made only when the file is rendered directly.
    func render(_ template: String, addShape: (inout Shape) -> Void, object: () -> ViewObject,
                direct: ([String: Any]) -> String) -> [UInt8] {
        var shape = Shape()
        // (A kit page's shape is a few thousand bytes and a few hundred values: room made once.)
        shape.key.bytes.reserveCapacity(4096)
        shape.values.reserveCapacity(256)
        shape.key.bytes += template.utf8
        shape.key.bytes.append(0)
        addShape(&shape)
        switch entries.withLock({ $0[shape.key] }) {
        case .skeleton(let skeleton)?:
            counts.withLock { $0.filled += 1 }
            return skeleton.fill(shape)
        case .direct?:
            counts.withLock { $0.direct += 1 }
            return Array(direct(object().mustache).utf8)
        case nil:
            let rendered = Array(direct(object().mustache).utf8)
            entries.withLock {
                if $0.count < Self.capacity, $0[shape.key] == nil { $0[shape.key] = .seen(rendered: rendered, shape: shape) }
            }
            counts.withLock { $0.direct += 1 }
            return rendered
        case .seen(let first, let firstShape)?:
            let view = object()
            var next = 0
            var entry = Entry.direct
            let rendered: [UInt8]
            if let skeleton = Skeleton(parsing: Array(direct(Shape.markers(view, next: &next)).utf8), in: shape),
               skeleton.fill(firstShape) == first {
                entry = .skeleton(skeleton)
                rendered = skeleton.fill(shape)
            } else {
                rendered = Array(direct(view.mustache).utf8)
            }
            entries.withLock { $0[shape.key] = entry }
            counts.withLock {
                $0.shapes += 1
                if case .direct = entry { $0.direct += 1 } else { $0.filled += 1 }
            }
            return rendered
        }
    }

    var statistics: SkeletonStatistics { counts.withLock { $0 } }
}

/// How a build's files were rendered, for tests and benchmarks.
public struct SkeletonStatistics: Sendable, Equatable {
    /// Skeletons made: (template, shape) pairs seen more than once.
    public var shapes = 0
    /// Files filled from a skeleton, or checked against it when it was made.
    public var filled = 0
    /// Files rendered by swift-mustache alone.
    public var direct = 0
}
