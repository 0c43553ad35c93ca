namespace BittensorPow.Cmdlets.Input;

/// <summary>-Wait: how far to follow the transaction.</summary>
public enum WaitMode { None = WaitFor.None, InBlock = WaitFor.InBlock, Finalized = WaitFor.Finalized }
