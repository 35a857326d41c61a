/// The set of methods a server answers, by name.
public struct MethodTable: Sendable {
    public private(set) var methods: [String: MethodDescriptor] = [:]

    public init(_ descriptors: [MethodDescriptor] = []) {
        for descriptor in descriptors { register(descriptor) }
    }

    public mutating func register(_ descriptor: MethodDescriptor) {
        precondition(methods[descriptor.name] == nil, "method \(descriptor.name) registered twice")
        methods[descriptor.name] = descriptor
    }

    public mutating func register(contentsOf descriptors: [MethodDescriptor]) {
        for descriptor in descriptors { register(descriptor) }
    }

    public subscript(name: String) -> MethodDescriptor? { methods[name] }

    public var sortedNames: [String] { methods.keys.sorted() }
}
