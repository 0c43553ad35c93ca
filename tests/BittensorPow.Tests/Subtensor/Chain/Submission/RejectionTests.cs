using BittensorPow.Subtensor.Chain.Submission;
using BittensorPow.Subtensor.Chain;
using BittensorPow.Subtensor.Rpc;

namespace BittensorPow.Tests.Subtensor.Submission;

/// <summary>JSON-RPC submission errors as real nodes (message + data) and chopsticks (JSON in the message) send them.</summary>
public class RejectionTests
{
    [Theory]
    // Substrate's texts (sc-rpc author errors, sp-runtime InvalidTransaction).
    [InlineData(1010, "Invalid Transaction", "Transaction is outdated", RejectionReason.Outdated)]
    [InlineData(1010, "Invalid Transaction", "Transaction has a bad signature", RejectionReason.BadSignature)]
    [InlineData(1010, "Invalid Transaction", "Inability to pay some fees (e.g. account balance too low)", RejectionReason.CannotPayFees)]
    [InlineData(1010, "Invalid Transaction", "Transaction would exhaust the block limits", RejectionReason.ExhaustsResources)]
    [InlineData(1010, "Invalid Transaction", "Transaction will be valid in the future", RejectionReason.Future)]
    [InlineData(1010, "Invalid Transaction", "Transaction has an ancient birth block", RejectionReason.AncientBirthBlock)]
    [InlineData(1010, "Invalid Transaction", "Transaction call is not expected", RejectionReason.CallNotExpected)]
    [InlineData(1010, "Invalid Transaction", "Something new", RejectionReason.Other)]
    [InlineData(1011, "Unknown Transaction Validity", "CannotLookup", RejectionReason.UnknownValidity)]
    [InlineData(1012, "Transaction is temporarily banned", null, RejectionReason.TemporarilyBanned)]
    [InlineData(1013, "Transaction Already Imported", "0x1234", RejectionReason.AlreadyImported)]
    [InlineData(1014, "Priority is too low: (10 vs 10)",
        "The transaction has too low priority to replace another transaction already in the pool.", RejectionReason.PriorityTooLow)]
    [InlineData(1016, "Immediately Dropped", "The transaction couldn't enter the pool because of the limit", RejectionReason.PoolFull)]
    [InlineData(1001, "Extrinsic has invalid format: could not decode", null, RejectionReason.BadFormat)]
    // chopsticks: the TransactionValidityError as JSON in the message, no data.
    [InlineData(1010, "{\"invalid\":{\"stale\":null}}", null, RejectionReason.Outdated)]
    [InlineData(1010, "{\"invalid\":{\"badProof\":null}}", null, RejectionReason.BadSignature)]
    [InlineData(1010, "{\"invalid\":{\"payment\":null}}", null, RejectionReason.CannotPayFees)]
    [InlineData(1010, "{\"invalid\":{\"future\":null}}", null, RejectionReason.Future)]
    [InlineData(1010, "{\"invalid\":{\"exhaustsResources\":null}}", null, RejectionReason.ExhaustsResources)]
    [InlineData(1010, "{\"invalid\":{\"ancientBirthBlock\":null}}", null, RejectionReason.AncientBirthBlock)]
    [InlineData(1010, "{\"unknown\":{\"cannotLookup\":null}}", null, RejectionReason.UnknownValidity)]
    public void Pool_errors_map_to_reasons(int code, string message, string? data, RejectionReason reason)
    {
        var e = TransactionRejections.TryFrom(new RpcException(RpcErrorKind.Remote, message, code, data));
        Assert.NotNull(e);
        Assert.Equal(reason, e!.Reason);
        Assert.Equal(code, e.Code);
        Assert.Contains(message, e.NodeText);
        Assert.Contains(message, e.Message);          // the node's words stay visible
        Assert.Contains($"code {code}", e.Message);
        Assert.IsType<RpcException>(e.InnerException);
    }

    [Theory]
    [InlineData("Invalid Transaction", "Custom error: 6", 6, "RateLimitExceeded")]
    [InlineData("Invalid Transaction", "Custom error: 40", 40, "InvalidSeal")]
    [InlineData("Invalid Transaction", "Custom error: 38", 38, "InvalidWorkBlock")]
    [InlineData("Invalid Transaction", "Custom error: 255", 255, "BadRequest")]
    [InlineData("{\"invalid\":{\"custom\":3}}", null, 3, "SubnetNotExists")]
    [InlineData("Invalid Transaction", "Custom error: 200", 200, "runtime-specific error 200")]
    public void Custom_errors_name_subtensors_reason(string message, string? data, int custom, string expected)
    {
        var e = TransactionRejections.TryFrom(new RpcException(RpcErrorKind.Remote, message, 1010, data))!;
        Assert.Equal(RejectionReason.Custom, e.Reason);
        Assert.Equal(custom, e.CustomCode);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Custom_error_5_mentions_the_old_registration_meaning()
    {
        Assert.Equal("NotEnoughStakeToWithdraw", CustomTransactionErrors.NameOf(5));
        Assert.Contains("registration", CustomTransactionErrors.Describe(5));
        Assert.Null(CustomTransactionErrors.NameOf(41));
    }

    [Theory]
    [InlineData(RpcErrorKind.Remote, -32601)]  // method not found: not a pool error
    [InlineData(RpcErrorKind.Remote, 1100)]
    [InlineData(RpcErrorKind.Timeout, null)]
    [InlineData(RpcErrorKind.ConnectionFailed, null)]
    public void Other_errors_are_not_rejections(RpcErrorKind kind, int? code)
    {
        Assert.Null(TransactionRejections.TryFrom(new RpcException(kind, "x", code)));
    }

    [Fact]
    public async Task Fire_and_forget_rejection_is_specific()
    {
        var rpc = ScriptedChain.For("finney-spec365-v16.scale")
            .Fail("author_submitExtrinsic", new RpcException(RpcErrorKind.Remote, "Invalid Transaction", 1010,
                "Inability to pay some fees (e.g. account balance too low)"));
        var client = await ScriptedChain.Connect(rpc);
        var e = await Assert.ThrowsAsync<TransactionRejectedException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, [4, 0x84, 0], WaitFor.None, TimeSpan.FromSeconds(5)));
        Assert.Equal(RejectionReason.CannotPayFees, e.Reason);
        Assert.Contains("Fund", e.Message);
    }

    [Fact]
    public async Task A_connection_failure_is_not_dressed_up_as_a_rejection()
    {
        var rpc = ScriptedChain.For("finney-spec365-v16.scale")
            .Fail("author_submitExtrinsic", new RpcException(RpcErrorKind.ConnectionFailed, "connection lost"));
        var client = await ScriptedChain.Connect(rpc);
        var e = await Assert.ThrowsAsync<RpcException>(
            () => ExtrinsicSubmitter.SubmitAndWatchAsync(client, [4, 0x84, 0], WaitFor.None, TimeSpan.FromSeconds(5)));
        Assert.Equal(RpcErrorKind.ConnectionFailed, e.Kind);
    }
}
