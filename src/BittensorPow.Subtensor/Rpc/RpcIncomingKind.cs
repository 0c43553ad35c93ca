namespace BittensorPow.Subtensor.Rpc;

internal enum RpcIncomingKind { Response, Notification, Malformed }
