namespace BittensorPow.Subtensor.Chain.Submission;

/// <summary>
/// Builds signed extrinsics for the connected runtime: call indices and the signed-extension list from its metadata,
/// spec and transaction versions from its runtime version (as a live runtime subscription announced it, else asked
/// for), a mortal era born at the current head, and the signer's next nonce from the node.
/// </summary>
public static class SubtensorTransactions
{
    public const string Pallet = "SubtensorModule";

    /// <summary>
    /// <c>register(netuid, block_number, nonce, work, hotkey, coldkey)</c>, signed by the HOTKEY (the pallet rejects any
    /// other signer with TransactorAccountShouldBeHotKey). <paramref name="nonce"/> is the proof-of-work nonce, not the
    /// account's transaction nonce.
    /// </summary>
    /// <exception cref="UnsupportedRuntimeException">
    /// The runtime has no register, or its register burns instead of checking work and
    /// <see cref="TransactionOptions.AllowBurningRegister"/> is not set.
    /// </exception>
    public static async Task<SignedTransaction> BuildRegisterAsync(SubtensorClient client, Sr25519KeyPair hotkey, byte[] coldkeyPublic,
        ushort netuid, ulong blockNumber, ulong nonce, byte[] work, TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(hotkey);
        options ??= TransactionOptions.Default;
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        if (!runtime.Profile.RegisterVerifiesWork && !options.AllowBurningRegister)
            throw new UnsupportedRuntimeException(
                $"On this runtime (spec {runtime.Version.SpecVersion}) register ignores the work and burns TAO from the signer instead; " +
                "refusing to build it without an explicit request for a burn registration.");
        var call = SubtensorCalls.Register(
            CallIndexOf(runtime.Metadata, "register"), netuid, blockNumber, nonce, work, hotkey.PublicKey, coldkeyPublic);
        return await BuildSignedAsync(client, runtime, hotkey, call,
            $"{Pallet}.register(netuid {netuid}, block {blockNumber})", options, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>faucet(block_number, nonce, work)</c>, signed by the coldkey whose public key the seal was solved for. Only
    /// pow-faucet runtimes (local nets, devnet, testnet) have it.
    /// </summary>
    public static async Task<SignedTransaction> BuildFaucetAsync(SubtensorClient client, Sr25519KeyPair coldkey, ulong blockNumber, ulong nonce,
        byte[] work, TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(coldkey);
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        var call = SubtensorCalls.Faucet(CallIndexOf(runtime.Metadata, "faucet"), blockNumber, nonce, work);
        return await BuildSignedAsync(client, runtime, coldkey, call, $"{Pallet}.faucet(block {blockNumber})",
            options, cancellation).ConfigureAwait(false);
    }

    /// <summary><c>burned_register(netuid, hotkey)</c>, signed by the coldkey that pays the burn.</summary>
    public static async Task<SignedTransaction> BuildBurnedRegisterAsync(SubtensorClient client, Sr25519KeyPair coldkey, byte[] hotkeyPublic,
        ushort netuid, TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(coldkey);
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        var call = SubtensorCalls.BurnedRegister(CallIndexOf(runtime.Metadata, "burned_register"), netuid, hotkeyPublic);
        return await BuildSignedAsync(client, runtime, coldkey, call, $"{Pallet}.burned_register(netuid {netuid})",
            options, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>register_limit(netuid, hotkey, limit_price)</c>, signed by the coldkey that pays and will own the hotkey: a burned
    /// registration the chain refuses (RegistrationPriceLimitExceeded, nothing charged) when Burn(netuid) exceeds
    /// <paramref name="limitPriceRao"/>. What btcli and the Python SDK submit since April 2026 (SPEC §9).
    /// </summary>
    /// <exception cref="UnsupportedRuntimeException">The runtime's metadata does not list register_limit.</exception>
    public static async Task<SignedTransaction> BuildRegisterLimitAsync(SubtensorClient client, Sr25519KeyPair coldkey, byte[] hotkeyPublic,
        ushort netuid, ulong limitPriceRao, TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(coldkey);
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        var call = SubtensorCalls.RegisterLimit(CallIndexOf(runtime.Metadata, "register_limit"), netuid, hotkeyPublic, limitPriceRao);
        return await BuildSignedAsync(client, runtime, coldkey, call,
            $"{Pallet}.register_limit(netuid {netuid}, limit {limitPriceRao} rao)", options, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// <c>pow_register</c> (SPEC §10), signed by the coldkey the seal binds: no fee, no burn, so an unfunded coldkey can
    /// register. Sign right before submitting: the work is valid for five blocks after its own.
    /// </summary>
    /// <exception cref="UnsupportedRuntimeException">The runtime has no pow_register, or other argument types.</exception>
    public static async Task<SignedTransaction> BuildPowRegisterAsync(SubtensorClient client, Sr25519KeyPair coldkey, PowRegisterCall call,
        TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(call);
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        return await BuildSignedAsync(client, runtime, coldkey, call.Encode(runtime.Metadata), call.ToString(),
            options, cancellation).ConfigureAwait(false);
    }

    /// <summary>Signs any encoded call (pallet index, call index, arguments) for this runtime.</summary>
    public static async Task<SignedTransaction> BuildSignedAsync(SubtensorClient client, Sr25519KeyPair signer, byte[] call,
        string description, TransactionOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var runtime = await client.RuntimeForSigningAsync(cancellation).ConfigureAwait(false);
        return await BuildSignedAsync(client, runtime, signer, call, description, options, cancellation).ConfigureAwait(false);
    }

    /// <summary>Signs for <paramref name="runtime"/>: its signed extensions, spec and transaction versions, never another's.</summary>
    private static async Task<SignedTransaction> BuildSignedAsync(SubtensorClient client, RuntimeState runtime, Sr25519KeyPair signer, byte[] call,
        string description, TransactionOptions? options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(call);
        options ??= TransactionOptions.Default;
        var extensions = RuntimeSignedExtensions.From(runtime.Metadata);

        // The era is anchored at the best head (or the caller's recent block); its hash comes with the header, so number and hash always match.
        var head = options.EraBlock ?? await HeadAsync(client, cancellation).ConfigureAwait(false);
        var era = Era.Mortal(options.EraPeriod, head.Number);
        ulong birth = era.Birth(head.Number);
        // Only periods above 4096 quantize the phase, moving the birth block before the head.
        byte[] birthHash = (birth == head.Number ? head.Hash : await client.GetBlockHashAsync(birth, cancellation).ConfigureAwait(false)).ToArray();

        var signerKey = signer.PublicKey;
        ulong accountNonce = options.AccountNonce
            ?? await client.GetAccountNextIndexAsync(signerKey, cancellation).ConfigureAwait(false);
        var parameters = new TransactionParameters(runtime.Version.SpecVersion, runtime.Version.TransactionVersion,
            client.GenesisHash, birthHash, era, accountNonce, options.Tip);
        var bytes = ExtrinsicBuilder.BuildSigned(call, extensions, parameters, signer);
        return new SignedTransaction(description, bytes, signerKey, accountNonce, era, birth, birthHash) { SignedFor = runtime.Version };
    }

    private static async Task<(ulong Number, BlockHash Hash)> HeadAsync(SubtensorClient client, CancellationToken cancellation)
    {
        var head = await client.GetHeadAsync(cancellation).ConfigureAwait(false);
        return (head.Number, head.Hash);
    }

    /// <summary>A SubtensorModule call's indices in this runtime (they are never assumed).</summary>
    public static CallIndex CallIndexOf(RuntimeMetadata metadata, string callName)
    {
        var info = metadata.TryGetCall(Pallet, callName) ?? throw new UnsupportedRuntimeException(callName switch
        {
            "faucet" => $"This runtime has no {Pallet}.faucet: only pow-faucet builds (local nets, devnet, testnet) have it.",
            "register_limit" => $"This runtime has no {Pallet}.register_limit (subtensor added it in 2026); burned_register is the burn it has.",
            _ => $"This runtime has no {Pallet}.{callName}.",
        });
        return new CallIndex(info.PalletIndex, info.CallIndex);
    }
}
