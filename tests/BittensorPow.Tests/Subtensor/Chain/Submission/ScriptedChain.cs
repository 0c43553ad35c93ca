using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Hashing;
using ChainHex = BittensorPow.Subtensor.Chain.Text.Hex;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>A scripted node running one of the real runtimes in ../shared/metadata.</summary>
internal static class ScriptedChain
{
    public static readonly byte[] Genesis = SubstrateHash.Blake2b256("scripted genesis"u8);

    /// <summary>
    /// Answers connect-time calls: a runtime version without the Metadata API (so the client reads
    /// state_getMetadata), block 0's hash and the metadata file's bytes.
    /// </summary>
    public static ScriptedRpcClient For(string metadataFile, uint? specVersion = null) => new ScriptedRpcClient()
        .On("state_getRuntimeVersion", new
        {
            specName = "node-subtensor", implName = "node-subtensor", specVersion = specVersion ?? MetadataFiles.SpecOf(metadataFile),
            implVersion = 1, transactionVersion = 1, apis = Array.Empty<object>(),
        })
        .On("chain_getBlockHash", ChainHex.Encode(Genesis))
        .On("state_getMetadata", ChainHex.Encode(MetadataFiles.Bytes(metadataFile)));

    public static Task<SubtensorClient> Connect(ScriptedRpcClient rpc) => SubtensorClient.ConnectAsync(rpc);
}
