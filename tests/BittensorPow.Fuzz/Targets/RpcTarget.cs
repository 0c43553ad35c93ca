using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Fuzz.Targets;

/// <summary>
/// Incoming JSON-RPC text: replies, errors and subscription notifications. Parse never throws: anything it cannot
/// classify comes back as Malformed, so every exception is a finding.
/// </summary>
public static class RpcTarget
{
    public static void Run(ReadOnlySpan<byte> input)
    {
        var message = RpcIncomingMessage.Parse(input.ToArray());
        _ = message.Error?.Message;
        if (message.Kind != RpcIncomingKind.Malformed) _ = message.Result.ValueKind;
    }

    public static IEnumerable<byte[]> Seeds() =>
    [
        .. Seed.RecordedObjects(),
        Seed.Utf8("""{"jsonrpc":"2.0","id":7,"error":{"code":1010,"message":"Invalid Transaction","data":"Transaction is outdated"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","method":"author_extrinsicUpdate","params":{"subscription":"abc","result":{"inBlock":"0x01"}}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":"x1","result":null}"""),
        // The pool's answers to pow_register (SPEC §10): 255 for every PoW check, 3 and 25, the duplicate tag, the same bytes.
        Seed.Utf8("""{"jsonrpc":"2.0","id":9,"error":{"code":1010,"message":"Invalid Transaction","data":"Custom error: 255"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":9,"error":{"code":1010,"message":"Invalid Transaction","data":"Custom error: 3"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":9,"error":{"code":1010,"message":"Invalid Transaction","data":"Custom error: 25"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":9,"error":{"code":1014,"message":"Priority is too low: (0 vs 0)","data":"The transaction """
            + """has too low priority to replace another transaction already in the pool."}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":9,"error":{"code":1013,"message":"Transaction Already Imported"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","method":"author_extrinsicUpdate","params":{"subscription":"abc","result":"invalid"}}"""),
        Seed.Utf8("""{"jsonrpc":"2.0","id":3,"res"""),
    ];
}
