using BittensorPow.DevNode;
using BittensorPow.DevNode.Chain;
using BittensorPow.DevNode.Execution;
using BittensorPow.Subtensor.Crypto;
using BittensorPow.Subtensor.Metadata;
using static BittensorPow.Tests.DevNode.FinneyDriver;

namespace BittensorPow.Tests.DevNode;

/// <summary>
/// pow_register's checks in the pallet's order (SPEC §10, check_pow_registration): each case breaks the check it
/// names AND the one after it, so the expected error also proves which comes first. Every case is answered twice:
/// by the pool (1010 Invalid Transaction, "Custom error: N" with 3 = SubnetNotExists, 25 = NonAssociatedColdKey,
/// 255 for the rest) and by a dispatch that bypasses the pool (as Sudo.sudo_as does on chain).
/// </summary>
public class FinneyPowRegisterChecksTests
{
    private static readonly Sr25519KeyPair Dave = Sr25519KeyPair.FromUri("//Dave");
    private static readonly Sr25519KeyPair Eve = Sr25519KeyPair.FromUri("//Eve");
    private static readonly byte[] Hot = Sr25519KeyPair.FromUri("//Finney//hot").PublicKey;
    private static readonly byte[] Registered = Sr25519KeyPair.FromUri("//Finney//registered").PublicKey;
    private static readonly byte[] Garbage = Enumerable.Repeat((byte)0xff, 32).ToArray();   // not the seal, fails every D ≥ 2

    /// <summary>A case: the node's state, then the call (netuid, work block, work, hotkey) it submits.</summary>
    private sealed record Case(Action<FinneyDriver, StateOverlay> Setup, Func<FinneyDriver, byte[]> Call);

    private static byte[] SystemAccount(FinneyDriver f, ushort netuid) => SubnetAccounts.For(SubnetAccounts.PalletId(f.Metadata)!, netuid);

    private static byte[] Mined(FinneyDriver f, ushort netuid, byte[] hotkey, bool pass = true)
    {
        ulong head = f.Node.Chain.Head.Number;
        var (nonce, work) = f.Mine(netuid, head, hotkey, Dave.PublicKey, f.EffectiveDifficulty(netuid), pass);
        return f.PowRegisterCall(netuid, head, nonce, work, hotkey);
    }

    private static void Set(StateOverlay s, string item, ScaleValue value, params byte[][] keys) => s.Set(Pallet, item, value, keys);

    /// <summary>A list of distinct made-up accounts (i, little-endian, then zeros).</summary>
    private static ScaleSequence Keys(int count)
        => new([.. Enumerable.Range(0, count).Select(i => (ScaleValue)new ScaleBytes([(byte)i, (byte)(i >> 8), .. new byte[30]]))]);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["RegistrationNotPermittedOnRootSubnet"] = new((_, _) => { },
            f => f.PowRegisterCall(0, f.Node.Chain.Head.Number, 0, Garbage, Hot)),
        ["SubnetNotExists"] = new((_, _) => { },   // subnet 9 does not exist, so its PoW switch reads off too
            f => f.PowRegisterCall(9, f.Node.Chain.Head.Number, 0, Garbage, Hot)),
        ["SubNetRegistrationDisabled"] = new((_, _) => { },   // subnet 2 has PoW off and Registered on it
            f => f.PowRegisterCall(2, f.Node.Chain.Head.Number, 0, Garbage, Registered)),
        ["HotKeyAlreadyRegisteredInSubNet"] = new((_, s) => s.SetNumber(Pallet, "MaxAllowedUids", 0, U16(1)),
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number, 0, Garbage, Registered)),
        ["NoNeuronIdAvailable"] = new((_, s) =>
            {
                s.SetNumber(Pallet, "MaxAllowedUids", 0, U16(1));
                s.SetNumber(Pallet, "RegistrationsThisBlock", 1, U16(1));
            },
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number, 0, Garbage, Hot)),
        ["TooManyRegistrationsThisBlock"] = new((_, s) => s.SetNumber(Pallet, "RegistrationsThisBlock", 1, U16(1)),
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number + 1, 0, Garbage, Hot)),
        ["InvalidWorkBlock (future)"] = new((_, _) => { },
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number + 1, 0, Garbage, Hot)),
        ["InvalidWorkBlock (six blocks old)"] = new((_, _) => { },
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number - 5, 0, Garbage, Hot)),
        ["InvalidWorkBlock (watermark)"] = new((f, s) => s.SetNumber(Pallet, "LastPowRegistrationBlock", f.Node.Chain.Head.Number, Hot),
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number, 0, Garbage, Hot)),
        ["InvalidSeal"] = new((_, _) => { },
            f => f.PowRegisterCall(1, f.Node.Chain.Head.Number, 0, Garbage, Hot)),
        ["InvalidDifficulty"] = new((_, _) => { },   // a true seal that fails D, for a subnet system account
            f => Mined(f, 1, SystemAccount(f, 1), pass: false)),
        ["CannotUseSystemAccount"] = new((f, s) => Set(s, "Owner", new ScaleBytes(Eve.PublicKey), SystemAccount(f, 7)),
            f => Mined(f, 1, SystemAccount(f, 7))),
        ["NonAssociatedColdKey"] = new((_, s) =>
            {
                Set(s, "Owner", new ScaleBytes(Eve.PublicKey), Hot);
                Set(s, "OwnedHotkeys", Keys(256), Dave.PublicKey);
            },
            f => Mined(f, 1, Hot)),
        ["TooManyStakingHotkeys (OwnedHotkeys)"] = new((_, s) => Set(s, "OwnedHotkeys", Keys(256), Dave.PublicKey),
            f => Mined(f, 1, Hot)),
        ["TooManyStakingHotkeys (StakingHotkeys)"] = new((_, s) => Set(s, "StakingHotkeys", Keys(256), Dave.PublicKey),
            f => Mined(f, 1, Hot)),
    };

    public static TheoryData<string, int> Expected => new()
    {
        { "RegistrationNotPermittedOnRootSubnet", 255 }, { "SubnetNotExists", 3 }, { "SubNetRegistrationDisabled", 255 },
        { "HotKeyAlreadyRegisteredInSubNet", 255 }, { "NoNeuronIdAvailable", 255 }, { "TooManyRegistrationsThisBlock", 255 },
        { "InvalidWorkBlock (future)", 255 }, { "InvalidWorkBlock (six blocks old)", 255 }, { "InvalidWorkBlock (watermark)", 255 },
        { "InvalidSeal", 255 }, { "InvalidDifficulty", 255 }, { "CannotUseSystemAccount", 255 }, { "NonAssociatedColdKey", 25 },
        { "TooManyStakingHotkeys (OwnedHotkeys)", 255 }, { "TooManyStakingHotkeys (StakingHotkeys)", 255 },
    };

    private static async Task<FinneyDriver> NodeAsync()
    {
        var options = Options("1:1000:pow=on", "2:1000:pow=off") with
        {
            Registered = [new RegisteredHotkey(1, Registered), new RegisteredHotkey(2, Registered)],
        };
        var f = await StartAsync(options);
        for (int i = 0; i < 6; i++) f.Node.Chain.ProduceBlock();   // room for a work block six blocks back
        return f;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task ThePoolRefusesWithTheCustomCodeAndADispatchFailsWithThePalletError(string name, int code)
    {
        await using var f = await NodeAsync();
        var c = Cases[name];
        f.Node.Chain.Mutate(state =>
        {
            var s = new StateOverlay(f.Metadata, state);
            c.Setup(f, s);
            return s.State;
        });
        byte[] call = c.Call(f);
        ulong head = f.Node.Chain.Head.Number;

        var e = await RegistrationDriver.RejectedAsync(() => f.D.SubmitAsync(f.D.Sign(call, Dave)));
        Assert.Equal(1010, e.Code);
        Assert.Equal($"Custom error: {code}", e.ErrorData);
        Assert.Equal(head, f.Node.Chain.Head.Number);
        Assert.Empty(f.Node.Chain.Pool.Pending);

        Assert.Equal(name.Split(' ')[0], DispatchError(f, call, Dave.PublicKey));
    }

    [Fact]
    public async Task AWorkBlockWithoutAHashIsInvalidWorkBlockAfterTheWatermarkAndBeforeTheSeal()
    {
        // frame_system forgets hashes older than 4096 blocks; a DevNode chain that short cannot, so the runtime's
        // lookup is given a gap here. The check sits after the window and watermark, before the seal.
        await using var f = await NodeAsync();
        byte[] call = f.PowRegisterCall(1, f.Node.Chain.Head.Number, 0, Garbage, Hot);
        Assert.Equal("InvalidWorkBlock", DispatchError(f, call, Dave.PublicKey, hashes: _ => null));
        Assert.Equal("InvalidSeal", DispatchError(f, call, Dave.PublicKey));
    }

    [Fact]
    public async Task WithEveryCheckPassingTheSameDispatchRegisters()
    {
        await using var f = await NodeAsync();
        Assert.Null(DispatchError(f, Mined(f, 1, Hot), Dave.PublicKey));
    }

    /// <summary>
    /// Runs the call as the block after the head would, without the pool (what Sudo.sudo_as does on chain): the
    /// pallet error's name, or null for success.
    /// </summary>
    private static string? DispatchError(FinneyDriver f, byte[] call, byte[] signer, BlockHashLookup? hashes = null)
    {
        var metadata = f.Metadata;
        var pallet = metadata.TryGetPallet(call[0])!;
        var decoded = (ScaleVariant)ScaleValueDecoder.DecodeAll(metadata.Types, pallet.CallTypeId!.Value, call.AsSpan(1));
        var head = f.Node.Chain.Head;
        var context = new DispatchContext(f.Node.Runtime, new StateOverlay(metadata, head.State), new EventLog(metadata), 0, head.Number + 1,
            signer, hashes ?? (n => f.Node.Chain.ByNumber(n)?.Hash));
        try
        {
            PowRegisterCall.Dispatch(context, decoded);
            return null;
        }
        catch (PalletError e) { return e.Name; }
    }
}
