import Testing

/// Every test that changes process-wide state (environment variables) or starts child
/// processes. They run one at a time: `setenv` racing with `getenv` or with building a
/// child's environment in another test would read torn or freed memory.
@Suite(.serialized) struct ProcessStateTests {}
