// The JSON values requests and replies are made of; users of JSONRPC get them with it.
@_exported import JSONValues
