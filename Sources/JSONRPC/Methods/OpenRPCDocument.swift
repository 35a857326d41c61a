/// Generates the OpenRPC 1.2 description of a method table, so `rpc.discover` cannot drift from what is served.
public enum OpenRPCDocument {
    public static func make(table: MethodTable, title: String, version: String, errorCodes: [String: Int] = [:]) -> JSONValue {
        let methods = table.sortedNames.compactMap { table[$0] }.map { method(for: $0, errorCodes: errorCodes) }
        return [
            "openrpc": "1.2.6",
            "info": ["title": .string(title), "version": .string(version)],
            "methods": .array(methods),
        ]
    }

    static func method(for descriptor: MethodDescriptor, errorCodes: [String: Int]) -> JSONValue {
        let params = descriptor.params.map { spec -> JSONValue in
            ["name": .string(spec.name), "description": .string(spec.summary), "required": .bool(spec.required), "schema": spec.jsonSchema]
        }
        let errors = descriptor.errors.map { reason -> JSONValue in
            ["code": .int(errorCodes[reason] ?? 0), "message": .string(reason), "data": ["reason": .string(reason)]]
        }
        var object: JSONObject = [
            "name": .string(descriptor.name),
            "summary": .string(descriptor.summary),
            "paramStructure": "by-name",
            "params": .array(params),
            "result": ["name": "result", "description": .string(descriptor.result), "schema": ["type": "object"]],
            "x-access": .string(descriptor.access.rawValue),
        ]
        if !errors.isEmpty { object["errors"] = .array(errors) }
        return .object(object)
    }
}
