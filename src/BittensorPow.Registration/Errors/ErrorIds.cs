namespace BittensorPow.Registration.Errors;

/// <summary>
/// Every error id of ours, in one place: scripts and tests match on FullyQualifiedErrorId, so an id is never renamed
/// and never means two things. The scheme (docs/DESIGN.md): the chain's verdicts — from the chain, or from our
/// pre-check of the same rule in the pallet's order — carry the pallet's own error name (InvalidWorkBlock,
/// InvalidSeal, InvalidDifficulty, HotKeyAlreadyRegisteredInSubNet, …), never an id listed here; everything listed
/// here is ours.
/// </summary>
public static class ErrorIds
{
    // Input that is wrong in itself.
    public const string InvalidBlockHash = nameof(InvalidBlockHash);
    public const string InvalidHotkey = nameof(InvalidHotkey);
    /// <summary>A -Seal that is not 32 bytes of hex (the pallet's InvalidSeal is the chain's verdict on the work).</summary>
    public const string MalformedSeal = nameof(MalformedSeal);
    /// <summary>Difficulty 0 (the pallet's InvalidDifficulty is the chain's verdict on the work).</summary>
    public const string ZeroDifficulty = nameof(ZeroDifficulty);
    public const string InvalidThreadCount = nameof(InvalidThreadCount);
    public const string InvalidThreadsPerBlock = nameof(InvalidThreadsPerBlock);
    public const string InvalidUpdateInterval = nameof(InvalidUpdateInterval);
    public const string InvalidTimeout = nameof(InvalidTimeout);
    public const string InvalidHashRateSamples = nameof(InvalidHashRateSamples);
    public const string InvalidHashRateAlpha = nameof(InvalidHashRateAlpha);
    public const string InvalidEndpoint = nameof(InvalidEndpoint);
    public const string InvalidMaxCost = nameof(InvalidMaxCost);
    public const string MissingSolutionField = nameof(MissingSolutionField);
    /// <summary>Two parameters that cannot both hold (-Cuda -OpenCL, -Endpoint -Network, -DeviceId with a CPU back end).</summary>
    public const string ConflictingParameters = nameof(ConflictingParameters);
    public const string InvalidWalletPath = nameof(InvalidWalletPath);
    /// <summary>A piped SealByteOrder that is neither LittleEndian nor BigEndian.</summary>
    public const string InvalidSealByteOrder = nameof(InvalidSealByteOrder);
    /// <summary>-SealByteOrder BigEndian with the pow_register seal, which the pallet reads little-endian only.</summary>
    public const string SealByteOrderNotForScheme = nameof(SealByteOrderNotForScheme);
    /// <summary>The pow_register seal binds the signing coldkey: -Coldkey, -Wallet or a piped Coldkey is needed.</summary>
    public const string MissingColdkey = nameof(MissingColdkey);
    /// <summary>The pow_register seal binds the subnet: -NetUid or a piped NetUid is needed.</summary>
    public const string MissingNetUid = nameof(MissingNetUid);
    /// <summary>A piped or typed -Scheme that is neither Legacy nor PowRegisterV1.</summary>
    public const string InvalidScheme = nameof(InvalidScheme);
    /// <summary>A -Coldkey that is neither an SS58 address nor a 0x public key.</summary>
    public const string InvalidColdkey = nameof(InvalidColdkey);
    /// <summary>A solution for the legacy seal given where the runtime registers by pow_register (or the other way round).</summary>
    public const string SchemeMismatch = nameof(SchemeMismatch);
    /// <summary>The coldkey a pow_register seal binds is not the one that would sign it.</summary>
    public const string ColdkeyMismatch = nameof(ColdkeyMismatch);
    public const string HotkeyMismatch = nameof(HotkeyMismatch);
    public const string HotkeyCannotSign = nameof(HotkeyCannotSign);

    // Wallet files (one id per WalletError, same name).
    public const string WalletNotFound = nameof(WalletNotFound);
    public const string KeyfileNotFound = nameof(KeyfileNotFound);
    public const string KeyfileNotJson = nameof(KeyfileNotJson);
    public const string KeyfileEncrypted = nameof(KeyfileEncrypted);
    public const string KeyfileNoPublicKey = nameof(KeyfileNoPublicKey);
    public const string WrongPassword = nameof(WrongPassword);
    public const string PasswordRequired = nameof(PasswordRequired);
    public const string KeyfileLegacyEncryption = nameof(KeyfileLegacyEncryption);
    public const string KeyfileNoSecret = nameof(KeyfileNoSecret);
    public const string KeyfileKeyMismatch = nameof(KeyfileKeyMismatch);
    public const string LibsodiumUnavailable = nameof(LibsodiumUnavailable);
    /// <summary>New-BittensorWallet / New-BittensorHotkey: a file to write is there, and -Force was not given.</summary>
    public const string KeyfileExists = nameof(KeyfileExists);
    public const string InvalidWalletName = nameof(InvalidWalletName);
    /// <summary>The keyfile's btwallet BT_PW_… variable is set to something that is not btwallet's encoding.</summary>
    public const string InvalidPasswordVariable = nameof(InvalidPasswordVariable);

    // Making keys (New-BittensorWallet, New-BittensorHotkey).
    public const string InvalidMnemonic = nameof(InvalidMnemonic);
    /// <summary>A new mnemonic would be made, and this host cannot show it (no console, -NonInteractive, declined).</summary>
    public const string MnemonicNotShown = nameof(MnemonicNotShown);
    /// <summary>The new password and its confirmation differ.</summary>
    public const string PasswordMismatch = nameof(PasswordMismatch);
    public const string EmptyPassword = nameof(EmptyPassword);

    // Back ends and solving.
    public const string BackendUnavailable = nameof(BackendUnavailable);
    public const string CudaDeviceNotFound = nameof(CudaDeviceNotFound);
    public const string OpenCLDeviceNotFound = nameof(OpenCLDeviceNotFound);
    public const string DeviceNotFound = nameof(DeviceNotFound);
    public const string GpuDeviceFailed = nameof(GpuDeviceFailed);
    public const string PowSolveTimeout = nameof(PowSolveTimeout);
    public const string PowSolveFailed = nameof(PowSolveFailed);
    public const string InvalidSolution = nameof(InvalidSolution);

    // Spread search over PowerShell remoting sessions (New-PowSolution -Session / -HostName).
    public const string InvalidNonceCount = nameof(InvalidNonceCount);
    public const string NonceRangeExhausted = nameof(NonceRangeExhausted);
    public const string InvalidHostParameters = nameof(InvalidHostParameters);
    public const string AllHostsFailed = nameof(AllHostsFailed);

    // The node and the runtime.
    public const string ConnectionFailed = nameof(ConnectionFailed);
    /// <summary>A node that was connected went away and did not come back (reconnect limit or -TimeoutSec ran out).</summary>
    public const string NodeLost = nameof(NodeLost);
    public const string RpcTimeout = nameof(RpcTimeout);
    public const string NodeError = nameof(NodeError);
    public const string MalformedReply = nameof(MalformedReply);
    public const string BlockNotFound = nameof(BlockNotFound);
    public const string StorageValueMissing = nameof(StorageValueMissing);
    public const string SubnetNotFound = nameof(SubnetNotFound);
    public const string RegistrationClosed = nameof(RegistrationClosed);
    public const string PowRegistrationClosed = nameof(PowRegistrationClosed);
    /// <summary>-MaxDifficulty: the subnet's difficulty is above the most the user will solve for (refused before any work).</summary>
    public const string DifficultyAboveLimit = nameof(DifficultyAboveLimit);
    /// <summary>-WaitForPow: -TimeoutSec ran out before PoW registration opened (or the difficulty fell to -MaxDifficulty).</summary>
    public const string PowWaitTimeout = nameof(PowWaitTimeout);
    public const string PowRegistrationRemoved = nameof(PowRegistrationRemoved);
    /// <summary>The node upgraded, mid-solve, to a runtime whose register no longer checks work: the search stops.</summary>
    public const string PowRegistrationRemovedDuringSolve = nameof(PowRegistrationRemovedDuringSolve);
    public const string FaucetNotAvailable = nameof(FaucetNotAvailable);
    public const string UnsupportedRuntime = nameof(UnsupportedRuntime);

    // Submitting.
    public const string TransactionRejected = nameof(TransactionRejected);
    public const string SubmissionTimeout = nameof(SubmissionTimeout);
    public const string RegistrationAttemptsExhausted = nameof(RegistrationAttemptsExhausted);

    // Hostile input and hosts (issue 20).
    /// <summary>A keyfile path that holds no readable keyfile: a folder, a looping link, no permission, far too large, an I/O error.</summary>
    public const string KeyfileUnreadable = nameof(KeyfileUnreadable);
    /// <summary>A piped value far longer than anything of its kind can be (a 50 MB nonce): refused before it is parsed.</summary>
    public const string InputTooLong = nameof(InputTooLong);
    /// <summary>A change that asks for confirmation, on a host that cannot ask (no console input, a background runspace).</summary>
    public const string ConfirmationUnavailable = nameof(ConfirmationUnavailable);
}
